/**
 * The rows every bulk path sends (`CopyRows`): COPY's text format in UTF-8, whatever a CRM's
 * text holds and however long a value is, loaded back as sent on every backend.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CopyRows, parseCopyText, type CopyValue } from '../../../src/store/bulk/copy-text.js';
import { backends } from '../backends.js';

/** A value over the builder's first 64 KiB, with multi-byte characters across its 64 KiB
 * marks (where the Postgres path cuts the bytes into socket writes). */
const long = `${'é'.repeat(40_000)}\t${'東'.repeat(30_000)}\\${'x'.repeat(5)}`;

const rows: CopyValue[][] = [
  ['plain', 1, true, null],
  ['tab\there', 2.5, false, undefined],
  ['new\nline\r\nand \\ backslash', -3, true, 'Zoë'],
  ['🚀 emoji', 0, false, long],
];
/** What COPY reads back: text, with null and undefined as SQL NULL. */
const asRead = rows.map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));

describe('COPY rows', () => {
  it('writes COPY text, escaped and UTF-8 encoded, in a buffer of its own', () => {
    const built = new CopyRows(rows.slice(0, 2));
    for (const r of rows.slice(2)) built.add(r);
    expect(built.count).toBe(4);
    const bytes = built.bytes();
    // Its own buffer, exactly the rows' size: it can be moved to another thread.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.startsWith('plain\t1\ttrue\t\\N\ntab\\there\t2.5\tfalse\t\\N\n')).toBe(true);
    expect(text).toContain('new\\nline\\r\\nand \\\\ backslash\t-3\ttrue\tZoë\n');
    expect(parseCopyText(text.slice(0, -1))).toEqual(asRead);
    expect(Buffer.from(built.view()).equals(Buffer.from(bytes))).toBe(true);
    expect(new CopyRows().bytes().byteLength).toBe(0);
  });

  describe.each(backends())('on $name', (backend) => {
    afterAll(() => backend.cleanup());

    it('loads them back as they were sent', async () => {
      const store = await backend.open();
      await store.exec('CREATE TABLE copied (a text, b text, c text, d text)');
      expect(await store.copyIn('copied', ['a', 'b', 'c', 'd'], new CopyRows(rows))).toBe(4);
      const back = await store.copyOut('SELECT a, b, c, d FROM copied');
      expect(parseCopyText(back.slice(0, -1))).toEqual(asRead);
    });
  });
});
