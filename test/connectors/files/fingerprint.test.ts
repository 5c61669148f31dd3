/**
 * An export's fingerprint tells a changed file from an unchanged one wherever the change lies,
 * past the first chunks of a large file included, and it is the SHA-1 of the same text it was
 * before the file came to be read through one buffer: keys stored by earlier runs stay valid.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFingerprint } from '../../../connectors/files/fingerprint.js';
import type { LocatedSource } from '../../../connectors/files/locate.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV export of `rows` rows, one of whose cells can be edited. */
function exportOf(name: string, rows: number, edit?: number): LocatedSource {
  const lines = ['account_id,name,active_seats'];
  for (let i = 0; i < rows; i++) lines.push(`A-${i},Account ${i},${i === edit ? 999 : i % 50}`);
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, format: 'csv', label: name };
}

describe('fileFingerprint', () => {
  it('is the SHA-1 of the format, the label and every byte of the file', async () => {
    const src = exportOf('whole.csv', 120_000);
    const bytes = readFileSync(src.file);
    expect(bytes.length).toBeGreaterThan(2 << 20);
    const expected = createHash('sha1')
      .update(`${src.format}\n${src.label}\n`)
      .update(bytes)
      .digest('hex');
    expect(await fileFingerprint(src)).toBe(expected);
  });

  it('tells files apart by one cell, in the first chunk or far past it', async () => {
    const same = await fileFingerprint(exportOf('a.csv', 120_000));
    expect(await fileFingerprint(exportOf('a.csv', 120_000))).toBe(same);
    expect(await fileFingerprint(exportOf('a.csv', 120_000, 3))).not.toBe(same);
    expect(await fileFingerprint(exportOf('a.csv', 120_000, 110_000))).not.toBe(same);
    // Cut short by its last row.
    expect(await fileFingerprint(exportOf('a.csv', 119_999))).not.toBe(same);
  });

  it('hashes an empty file', async () => {
    const file = join(dir, 'empty.csv');
    writeFileSync(file, '');
    const src: LocatedSource = { file, format: 'csv', label: 'empty.csv' };
    expect(await fileFingerprint(src)).toBe(
      createHash('sha1').update('csv\nempty.csv\n').digest('hex'),
    );
  });
});
