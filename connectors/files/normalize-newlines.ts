/**
 * CRLF → LF before csv-parse. csv-parse counts a CRLF inside a quoted field as two lines, so the
 * line numbers of issues after such a field would drift; with LF only they are exact. A cell's
 * own line breaks become LF, which is how Headroom keeps text anyway. A CR at the end of a chunk
 * is held back until the next chunk says whether an LF follows.
 */
import { Transform, type TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

export function normalizeNewlines(): Transform {
  let heldCr = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const out = Buffer.allocUnsafe(chunk.length + 1);
      let n = 0;
      let i = 0;
      if (heldCr) {
        heldCr = false;
        if (chunk[0] !== LF) out[n++] = CR;
      }
      for (; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === CR) {
          if (i === chunk.length - 1) heldCr = true;
          else if (chunk[i + 1] !== LF) out[n++] = CR;
          continue;
        }
        out[n++] = b;
      }
      done(null, out.subarray(0, n));
    },
    flush(done: TransformCallback) {
      done(null, heldCr ? Buffer.from([CR]) : undefined);
    },
  });
}
