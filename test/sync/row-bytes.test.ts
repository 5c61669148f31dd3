/**
 * The file a pull leaves of what it read by each row's bytes (`src/sync/row-bytes.ts`): read
 * back as written, whatever the ids hold, and only under the key it was written with.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRowBytes, rowBytesFile, writeRowBytes } from '../../src/sync/row-bytes.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-row-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = (n: number) => n.toString(16).padStart(24, '0');

describe('the rows a pull read, by their bytes', () => {
  it('reads back every row as written, ids of any text included', () => {
    const file = rowBytesFile(join(dir, 'a'), 'crm one', 'contact');
    const ids = ['C-1', 'with\ttab', 'two\nlines', '"quoted" \\ back', 'Zoë 北京', ' '];
    const triples = ids.flatMap((id, i) => [digest(i), digest(100 + i), id]);
    writeRowBytes(file, 'key-1', triples);
    const rows = readRowBytes(file, 'key-1');
    expect(rows.size).toBe(ids.length);
    ids.forEach((id, i) => expect(rows.get(digest(i))).toEqual({ id, rowHash: digest(100 + i) }));
  });

  it('knows nothing under another key, of a missing file or of a file not its own', () => {
    const file = rowBytesFile(dir, 'c', 'account');
    writeRowBytes(file, 'key-1', [digest(1), digest(2), 'A-1']);
    expect(readRowBytes(file, 'key-2').size).toBe(0);
    expect(readRowBytes(join(dir, 'missing'), 'key-1').size).toBe(0);
    writeFileSync(file, 'something else\nkey-1\n');
    expect(readRowBytes(file, 'key-1').size).toBe(0);
  });

  it('names one file per connection and object, and removes it when a pull read no row so', () => {
    expect(rowBytesFile(dir, 'a', 'deal')).not.toBe(rowBytesFile(dir, 'b', 'deal'));
    expect(rowBytesFile(dir, 'a', 'deal')).not.toBe(rowBytesFile(dir, 'a', 'contact'));
    const file = rowBytesFile(dir, 'a', 'deal');
    writeRowBytes(file, 'k', [digest(1), digest(2), 'D-1']);
    expect(existsSync(file)).toBe(true);
    writeRowBytes(file, 'k', []);
    expect(existsSync(file)).toBe(false);
  });
});
