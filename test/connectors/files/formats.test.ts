import { describe, expect, it } from 'vitest';
import { SourceError, UnreadableSourceError } from '../../../src/errors.js';
import { connect, fixture, pages, records } from './helpers.js';

describe('files connector: delimited and JSON formats', () => {
  it('reads a comma CSV with a BOM, trimmed headers, quoted commas, quotes and newlines', async () => {
    const conn = await connect(fixture('dirty'));
    const recs = await records(conn, 'accounts');
    expect(recs.map((r) => r.id)).toEqual(['A-1', 'A-2', 'accounts-4', 'A-4', 'A-5', 'A-6']);
    const [first, second] = recs;
    expect(Object.keys(first!.fields)[0]).toBe('account_id'); // BOM and spaces gone
    expect(first!.fields.name).toBe('Acme, Inc.');
    expect(second!.fields.name).toBe('Fjord "North" Health');
    expect(recs[5]!.fields.name).toBe('Multi\nLine & Co');
  });

  it('numbers rows as a spreadsheet does: header 1, quoted newlines inside one row', async () => {
    const recs = await records(await connect(fixture('dirty')), 'accounts');
    expect(recs.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('names the file on every page and pages by pageSize', async () => {
    const got = await pages(await connect(fixture('dirty'), { pageSize: 4 }), 'accounts');
    expect(got.map((p) => p.records.length)).toEqual([4, 2]);
    expect(got.map((p) => p.source)).toEqual(['accounts.csv', 'accounts.csv']);
  });

  it('detects a semicolon delimiter from the header line', async () => {
    const recs = await records(await connect(fixture('semicolon')), 'accounts');
    // Each row with the digest of its cells, whoever pulls it (`row-tap.ts`).
    const digest = expect.stringMatching(/^[0-9a-f]{24}$/);
    expect(recs).toEqual([
      {
        id: 'S-1',
        row: 2,
        bytesHash: digest,
        cellsHash: digest,
        fields: {
          account_id: 'S-1',
          name: 'Smith; Sons',
          arr: '12.000,50',
          products: 'insight_studio',
          employees: '120',
        },
      },
      {
        id: 'S-2',
        row: 3,
        bytesHash: digest,
        cellsHash: digest,
        fields: { account_id: 'S-2', name: 'Plain Co', arr: '5000', products: '', employees: '' },
      },
    ]);
  });

  it('reads TSV, with quoted tabs', async () => {
    const recs = await records(await connect(fixture('tsv')), 'accounts');
    expect(recs.map((r) => r.fields.name)).toEqual(['Tab, Co', 'Quoted\tTab']);
  });

  it('reads JSON arrays of objects, keeping nested objects', async () => {
    const got = await pages(await connect(fixture('json')), 'accounts');
    expect(got[0]!.source).toBe('accounts.json');
    expect(got[0]!.records.map((r) => [r.id, r.row])).toEqual([
      ['J-1', 2],
      ['J-2', 3],
    ]);
    expect(got[0]!.records[0]!.fields.owner).toEqual({ email: 'o@vendor.example' });
  });

  it('gives rows of objects without an id column `<object>-<row>` ids', async () => {
    const recs = await records(await connect(fixture('dirty')), 'usage');
    expect(recs.map((r) => r.id)).toEqual(['usage-2', 'usage-3', 'usage-4', 'usage-5']);
  });

  it('yields nothing for a missing optional file', async () => {
    expect(await pages(await connect(fixture('json')), 'contacts')).toEqual([]);
  });

  it('refuses a folder without accounts, naming the folder', async () => {
    const conn = await connect(fixture('no-accounts'));
    const err = await pages(conn, 'accounts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).message).toContain('no-accounts');
    expect((err as SourceError).message).toMatch(/no accounts file/);
  });

  it('refuses a folder that does not exist when the connector is created', async () => {
    await expect(connect(fixture('nope'))).rejects.toThrow(/nope: cannot read the folder/);
  });

  it('reports an unclosed quote with file and lines; a file mostly made of it is unreadable', async () => {
    // Two of the three data lines are swallowed by the quote: more than half the file is lost.
    const err = await pages(await connect(fixture('broken')), 'accounts').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableSourceError);
    expect((err as Error).message).toBe(
      'accounts.csv: mostly unreadable: 2 of 3 data lines could not be read; the run goes on without it',
    );
  });

  it('skips a row with more cells than the header, naming the file and the line', async () => {
    const got = await pages(await connect(fixture('extra-fields')), 'accounts');
    expect(got.flatMap((p) => p.records.map((r) => r.id))).toEqual(['E-1']);
    expect(got.flatMap((p) => p.issues ?? [])).toEqual([
      {
        row: 3,
        reason:
          'accounts.csv line 3: 4 fields but the header has 3 (an unquoted delimiter?); skipped, the rest of the file is kept',
        raw: 'E-2,Unquoted, comma,200',
      },
    ]);
  });

  it('names the file and the line of invalid JSON', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'headroom-json-'));
    writeFileSync(join(dir, 'accounts.json'), '[\n  {"account_id": "X"},\n  {"account_id": }\n]\n');
    const err = await pages(await connect(dir), 'accounts').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^accounts\.json: cannot parse line 3/);
  });

  it('describes header columns so mappings can be checked against them', async () => {
    const conn = await connect(fixture('semicolon'));
    const fields = await conn.describe!('accounts');
    expect(fields.map((f) => f.name)).toEqual([
      'account_id',
      'name',
      'arr',
      'products',
      'employees',
    ]);
    expect(await conn.describe!('deals')).toEqual([]);
  });
});
