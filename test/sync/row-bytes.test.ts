/**
 * The file a pull leaves of what it read by each row's bytes (`src/sync/row-bytes.ts`): read
 * back as written, whatever the ids hold, and only under the key it was written with.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readRowBytes,
  rowBytesFile,
  RowBytesWriter,
  writeRowBytes,
} from '../../src/sync/row-bytes.js';

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

  it('is written page by page as a pull reads, and replaces the last file only once done', () => {
    const sub = join(dir, 'pages');
    const file = rowBytesFile(sub, 'p', 'usage');
    writeRowBytes(file, 'k', [digest(1), digest(2), 'U-old']);
    const before = readFileSync(file, 'utf8');
    const pages = [
      [digest(10), digest(20), 'U-1', digest(11), digest(21), 'U-2'],
      [],
      [digest(12), digest(22), 'U-3'],
    ];
    const writer = new RowBytesWriter(file, 'k');
    for (const page of pages) writer.add(page);
    // Until the pull is done, the next one would read the last pull's rows.
    expect(readFileSync(file, 'utf8')).toBe(before);
    writer.finish();
    const rows = readRowBytes(file, 'k');
    expect([...rows].map(([b, r]) => [b, r.rowHash, r.id])).toEqual([
      [digest(10), digest(20), 'U-1'],
      [digest(11), digest(21), 'U-2'],
      [digest(12), digest(22), 'U-3'],
    ]);
    // The same file as written at once.
    const once = rowBytesFile(join(dir, 'once'), 'p', 'usage');
    writeRowBytes(once, 'k', pages.flat());
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(once, 'utf8'));
    expect(readdirSync(sub)).toEqual([file.slice(sub.length + 1)]);
  });

  it("leaves the last pull's file as it was, and nothing beside it, when a pull fails", () => {
    const sub = join(dir, 'failed');
    const file = rowBytesFile(sub, 'f', 'deal');
    writeRowBytes(file, 'k', [digest(1), digest(2), 'D-1']);
    const before = readFileSync(file, 'utf8');
    const writer = new RowBytesWriter(file, 'k');
    writer.add([digest(3), digest(4), 'D-2']);
    writer.abandon();
    writer.finish();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(sub)).toEqual([file.slice(sub.length + 1)]);
  });
});
