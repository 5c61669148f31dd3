import { createWriteStream, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
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

/**
 * Rewrites a workbook's archive part by part, as other producers lay it out: `edit` gets every
 * part's name and text and returns the parts to store, in the order to store them.
 */
async function relayout(
  from: string,
  to: string,
  edit: (parts: [string, string][]) => [string, string][],
): Promise<void> {
  const zip = await yauzl.openPromise(from, { lazyEntries: true, autoClose: false });
  const parts: [string, string][] = [];
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue; // a folder entry
    parts.push([entry.fileName, await text(await zip.openReadStreamPromise(entry))]);
  }
  zip.close();
  const out = new yazl.ZipFile();
  for (const [name, body] of edit(parts)) out.addBuffer(Buffer.from(body), name);
  out.end();
  await finished(out.outputStream.pipe(createWriteStream(to)));
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

  it('finds sheets through the workbook relationships, wherever and in whatever order they are stored', async () => {
    // Absolute targets and parts not named sheetN.xml (other writers' layouts), stored last first.
    const moved = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    await relayout(join(dir, 'book.xlsx'), join(moved, 'book.xlsx'), (parts) =>
      parts
        .map(([name, body]): [string, string] => [
          name.replace(/worksheets\/sheet(\d)\.xml$/, 'worksheets/part-$1.xml'),
          name.endsWith('workbook.xml.rels')
            ? body.replace(
                /Target="worksheets\/sheet(\d)\.xml"/g,
                'Target="/xl/worksheets/part-$1.xml"',
              )
            : body,
        ])
        .reverse(),
    );
    const conn = await connect(moved);
    expect(await records(conn, 'contacts')).toEqual(await records(await connect(dir), 'contacts'));
    const accounts = await records(conn, 'accounts');
    expect(accounts.map((r) => [r.id, r.row, r.fields.renewal_date])).toEqual([
      ['X-1', 2, new Date(Date.UTC(2026, 2, 1))],
      ['X-2', 4, 45991],
    ]);
  });

  it('reads the dates of a workbook on the 1904 date system (Excel for Mac) as the same days', async () => {
    const mac = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('accounts');
    ws.addRow(['account_id', 'renewal_date']);
    ws.addRow(['M-1', new Date(Date.UTC(2027, 0, 31))]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(join(mac, 'mac.xlsx'));
    const [one] = await records(await connect(mac), 'accounts');
    expect(one!.fields.renewal_date).toEqual(new Date(Date.UTC(2027, 0, 31)));
  });

  it('refuses a workbook that lists a sheet it does not hold, naming the sheet', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    await relayout(join(dir, 'book.xlsx'), join(broken, 'book.xlsx'), (parts) =>
      parts.filter(([name]) => name !== 'xl/worksheets/sheet2.xml'),
    );
    const err = await pages(await connect(broken), 'contacts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(
      /^book\.xlsx: cannot read the workbook: sheet "contacts" is listed but its part is missing/,
    );
    expect(await records(await connect(broken), 'accounts')).toHaveLength(2);
  });

  it('refuses a folder with two workbooks rather than guessing', async () => {
    const two = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    await buildWorkbook(two);
    writeFileSync(join(two, 'other.xlsx'), '');
    await expect(pages(await connect(two), 'accounts')).rejects.toThrow(/2 XLSX workbooks/);
  });
});

describe('files connector: a workbook whose sheets come before its shared strings', () => {
  // What streaming writers produce (exceljs's own, and the demo generator's --format xlsx). Read
  // front to back, such an archive must be spilled to temporary files, and exceljs's reader did
  // so with a race: now and then a sheet or the sheet names were lost (a sheet read as absent,
  // with no error) or a deleted temporary file failed to open after the read had finished.
  const SHEETS = ['accounts', 'contacts', 'deals', 'usage'];
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-xlsx-'));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: join(dir, 'streamed.xlsx'),
      useSharedStrings: true,
    });
    for (const name of SHEETS) {
      const ws = wb.addWorksheet(name);
      ws.addRow(['ref', 'account_id', 'note']).commit();
      for (let i = 1; i <= 40; i++) ws.addRow([`${name}-${i}`, `A-${i}`, `${name} ${i}`]).commit();
      ws.commit();
    }
    await wb.commit();
  });

  const spilled = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));

  it('reads every sheet whole on every read, without a stray error or a temporary file', async () => {
    const stray: unknown[] = [];
    const onError = (e: unknown) => stray.push(e);
    process.on('uncaughtException', onError);
    const before = spilled();
    try {
      for (let round = 0; round < 15; round++) {
        for (const name of SHEETS) {
          const conn = await connect(dir);
          const fields = await conn.describe!(name);
          expect(fields.map((f) => f.name)).toEqual(['ref', 'account_id', 'note']);
          const recs = await records(conn, name);
          expect(recs.map((r) => r.fields.note)).toEqual(
            Array.from({ length: 40 }, (_, i) => `${name} ${i + 1}`),
          );
        }
      }
      // A file stream opened after its file was deleted fails on a later turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(stray).toEqual([]);
    expect(spilled()).toEqual(before);
  });
});
