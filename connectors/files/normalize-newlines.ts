/**
 * CRLF → LF before csv-parse. csv-parse counts a CRLF inside a quoted field as two lines, so the
 * line numbers of issues after such a field would drift; with LF only they are exact. A cell's
 * own line breaks become LF, which is how Headroom keeps text anyway. A CR at the end of a chunk
 * is held back until the next chunk says whether an LF follows. A chunk is searched for CRs by
 * `indexOf` and the runs between them passed on as they are: a file with LF line ends goes
 * through untouched.
 */
import { Transform, type TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;
const LONE_CR = Buffer.from([CR]);

export function normalizeNewlines(): Transform {
  let heldCr = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (chunk.length === 0) return done();
      const runs: Buffer[] = [];
      if (heldCr) {
        heldCr = false;
        if (chunk[0] !== LF) runs.push(LONE_CR);
      }
      let from = 0;
      for (let i = chunk.indexOf(CR); i >= 0; i = chunk.indexOf(CR, i + 1)) {
        if (i === chunk.length - 1) heldCr = true;
        else if (chunk[i + 1] !== LF) continue;
        runs.push(chunk.subarray(from, i));
        from = i + 1;
      }
      runs.push(chunk.subarray(from));
      const out = runs.length === 1 ? runs[0]! : Buffer.concat(runs);
      done(null, out.length ? out : undefined);
    },
    flush(done: TransformCallback) {
      done(null, heldCr ? LONE_CR : undefined);
    },
  });
}
