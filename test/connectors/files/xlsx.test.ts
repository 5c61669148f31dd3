import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { connect, pages, records } from './helpers.js';

/** A workbook as a person would leave it: typed cells, a formula, rich text, a gap row. */
async function buildWorkbook(
  dir: string,
  sheets: string[] = ['Accounts', 'contacts'],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (sheets.includes('Accounts')) {
    const ws = wb.addWorksheet('Accounts');
    ws.addRow([' account_id ', 'name', 'arr', 'renewal_date', 'products', 'site']);
    ws.addRow([
      'X-1',
      'Plain Co',
      12000,
      new Date(Date.UTC(2026, 2, 1)),
      'insight_studio;connect_hub',
    ]);
    ws.addRow([]);
    ws.addRow([
      'X-2',
      { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'Text & Co' }] },
      { formula: 'C2*2', result: 24000 },
      45991,
      null,
      { text: 'homepage', hyperlink: 'https://x2.example' },
    ]);
  }
  if (sheets.includes('contacts')) {
    const ws = wb.addWorksheet('contacts');
    ws.addRow(['contact_id', 'account_id', 'name']);
    ws.addRow(['C-1', 'X-1', 'Ana Lima']);
  }
  await wb.xlsx.writeFile(join(dir, 'book.xlsx'));
}

describe('files connector: XLSX workbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    await buildWorkbook(dir);
  });

  it('reads the sheet named after the object, matching without regard to case', async () => {
    const got = await pages(await connect(dir), 'accounts');
    expect(got.map((p) => p.source)).toEqual(['book.xlsx#accounts']);
    const recs = got[0]!.records;
    expect(recs.map((r) => [r.id, r.row])).toEqual([
      ['X-1', 2],
      ['X-2', 4],
    ]);
  });

  it('gives dates as Date values, formulas as results and rich text as plain text', async () => {
    const [one, two] = await records(await connect(dir), 'accounts');
    expect(one!.fields.renewal_date).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(one!.fields.arr).toBe(12000);
    expect(two!.fields.name).toBe('Rich Text & Co');
    expect(two!.fields.arr).toBe(24000);
    expect(two!.fields.renewal_date).toBe(45991); // a plain number cell stays a number
    expect(two!.fields.site).toBe('homepage');
    expect(two!.fields.products).toBeUndefined();
  });

  it('reads other sheets of the same workbook', async () => {
    const recs = await records(await connect(dir), 'contacts');
    expect(recs).toEqual([
      { id: 'C-1', row: 2, fields: { contact_id: 'C-1', account_id: 'X-1', name: 'Ana Lima' } },
    ]);
  });

  it('yields nothing for a sheet that is not there, unless it is accounts', async () => {
    expect(await pages(await connect(dir), 'deals')).toEqual([]);
    const only = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    await buildWorkbook(only, ['contacts']);
    const err = await pages(await connect(only), 'accounts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toContain(only);
  });

  it('describes a sheet by its header row', async () => {
    const fields = await (await connect(dir)).describe!('accounts');
    expect(fields.map((f) => f.name)).toEqual([
      'account_id',
      'name',
      'arr',
      'renewal_date',
      'products',
      'site',
    ]);
  });

  it('refuses a file that is not a workbook, naming it', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    writeFileSync(join(bad, 'export.xlsx'), 'account_id,name\n');
    const err = await pages(await connect(bad), 'accounts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/^export\.xlsx: cannot read the workbook/);
  });

  it('refuses a folder with two workbooks rather than guessing', async () => {
    const two = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    await buildWorkbook(two);
    writeFileSync(join(two, 'other.xlsx'), '');
    await expect(pages(await connect(two), 'accounts')).rejects.toThrow(/2 XLSX workbooks/);
  });
});
