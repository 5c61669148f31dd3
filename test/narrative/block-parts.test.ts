/**
 * The playbook's large sections are kept as pieces (`blockParts`) so that a table of megabytes is
 * written without being copied into one string: the pieces must read exactly as `blocks` joins
 * the same parts, blank, short, long and nested parts included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockParts, blocks, table, tableParts } from '../../src/narrative/markdown.js';

/** What `blocks` is given for a part `blockParts` is given: nested pieces read as their text. */
const asText = (p: string | readonly string[] | undefined | false) =>
  Array.isArray(p) ? p.join('') : (p as string | undefined | false);

describe('blockParts', () => {
  it('reads as blocks joins the same parts', () => {
    const text = fc.oneof(
      fc.constantFrom('', ' ', '\n\n', '## Title', 'x'),
      fc.string({ unit: fc.constantFrom('a', ' ', '\n', '|', 'é', '🚀'), maxLength: 20 }),
      // A long part is kept even when blank, as `blocks` keeps it.
      fc.constantFrom(' '.repeat(1500), `${'row\n'.repeat(400)}`),
    );
    const part = fc.oneof(
      text,
      fc.constantFrom(undefined, false as const),
      fc.array(text, { maxLength: 3 }).map((ps) => blockParts(...ps)),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        expect(blockParts(...parts).join('')).toBe(blocks(...parts.map(asText)));
      }),
    );
  });

  it('gives a table of ready lines as pieces that read as table writes it', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '🚀', '-'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 4 }).chain((headers) =>
          fc.tuple(
            fc.constant(headers),
            fc.array(fc.array(cell, { minLength: headers.length, maxLength: headers.length }), {
              maxLength: 6,
            }),
          ),
        ),
        ([headers, rows]) => {
          const lines = rows.map((r) => `| ${r.join(' | ')} |`);
          expect(tableParts(headers, lines).join('')).toBe(table(headers, rows));
        },
      ),
    );
  });

  it('keeps a large part as one piece of its own', () => {
    const table = `| a |\n${'| x |\n'.repeat(10_000)}`;
    const pieces = blockParts('## Tier 3', undefined, table, '');
    expect(pieces).toEqual(['## Tier 3', '\n\n', table]);
  });
});
