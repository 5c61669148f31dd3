import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeNewlines } from '../../../connectors/files/normalize-newlines.js';

/** The text as it comes out when it goes in as these chunks. */
async function through(chunks: string[]): Promise<string> {
  const source = Readable.from(chunks.map((c) => Buffer.from(c, 'utf8')));
  return (await buffer(source.pipe(normalizeNewlines()))).toString('utf8');
}

/** Cut `text` at the given positions. */
const cut = (text: string, at: number[]): string[] => {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
};

describe('normalizeNewlines', () => {
  it('turns CRLF into LF and keeps a lone CR, a CRLF split across chunks included', async () => {
    expect(await through(['a,b\r\n1,2\r\n'])).toBe('a,b\n1,2\n');
    expect(await through(['a,b\r', '\n1,2\r', '\n'])).toBe('a,b\n1,2\n');
    expect(await through(['"x\ry"\r', '1'])).toBe('"x\ry"\r1');
    expect(await through(['a\r'])).toBe('a\r');
    expect(await through(['a\r', '', '\nb'])).toBe('a\nb');
    expect(await through(['a\nb\n'])).toBe('a\nb\n');
  });

  it('gives the text with every CRLF made LF, however the text is cut into chunks', async () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', '\r\n'),
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, at) => {
        expect(await through(cut(t, at))).toBe(t.replace(/\r\n/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });
});
