/**
 * Lines the files connector cannot read: each is an issue naming the file, the line(s), the
 * reason and the raw text (cut), and the rest of the file is kept; a file mostly made of them is
 * unreadable. Files are generated here (not the demo), with the bad lines at varying places.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RAW_LIMIT } from '../../../connectors/files/line-problems.js';
import { UnreadableSourceError } from '../../../src/errors.js';
import { connect, pages } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bad-lines-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const HEADER = 'account_id,name,arr';
const good = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `K${from + i},Org ${from + i},${1000 * (from + i)}`);

async function read(files: Record<string, string | Buffer>, object = 'accounts') {
  const got = await pages(await connect(folder(files)), object);
  return {
    ids: got.flatMap((p) => p.records.map((r) => r.id)),
    rows: got.flatMap((p) => p.records.map((r) => r.row)),
    issues: got.flatMap((p) => p.issues ?? []),
  };
}

/** Deterministic bytes that are not text (an LCG), `n` of them. */
function garbage(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('files connector: lines that cannot be read', () => {
  it('skips a line with a stray quote in a formula cell and keeps the others', async () => {
    const lines = [HEADER, ...good(3), 'K4,=HYPERLINK("http://x";"y"),400', ...good(5, 5)];
    const { ids, rows, issues } = await read({ 'accounts.csv': lines.join('\n') + '\n' });
    expect(ids).toEqual(['K1', 'K2', 'K3', 'K5', 'K6', 'K7', 'K8', 'K9']);
    expect(rows).toEqual([2, 3, 4, 6, 7, 8, 9, 10]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 5 });
    expect(issues[0]!.reason).toMatch(/^accounts\.csv line 5: Invalid Opening Quote/);
    expect(issues[0]!.raw).toContain('K4,=HYPERLINK("http://x";"y"');
  });

  it('names every line an unterminated quote swallowed, and keeps the lines before it', async () => {
    // CSV cannot tell where a quote left open was meant to end: csv-parse reads on to the end
    // of the file looking for it. Those lines are named in one issue (CRLF counted once).
    const lines = [HEADER, ...good(20), 'K21,"Never closed,2100', ...good(3, 22)];
    const { ids, issues } = await read({ 'accounts.csv': lines.join('\r\n') + '\r\n' });
    expect(ids).toEqual(good(20).map((l) => l.split(',')[0]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 22 });
    expect(issues[0]!.reason).toMatch(/^accounts\.csv lines 22–25: Quote Not Closed/);
    expect(issues[0]!.raw).toMatch(/^K21,"Never closed,2100\nK22,/);
  });

  it('reports a quote never closed at the end of the file', async () => {
    const lines = [HEADER, ...good(8), 'K9,"Open to the end,900'];
    const { ids, issues } = await read({ 'accounts.csv': lines.join('\n') });
    expect(ids).toHaveLength(8);
    expect(issues[0]!.reason).toMatch(/^accounts\.csv line 10: Quote Not Closed/);
  });

  it('makes a 20 KB block of binary garbage one issue, with the raw text cut', async () => {
    const head = [
      'account_id,date,metric,value',
      ...Array.from({ length: 400 }, (_, i) => `K${i},2026-03-01,api_calls,${i}`),
    ].join('\n');
    const tail = Array.from({ length: 400 }, (_, i) => `K${i},2026-03-08,api_calls,${i}`).join(
      '\n',
    );
    const body = Buffer.concat([
      Buffer.from(head + '\n'),
      garbage(20_000),
      Buffer.from('\n' + tail),
    ]);
    const { ids, issues } = await read({ 'usage.csv': body, 'accounts.csv': HEADER }, 'usage');
    expect(ids).toHaveLength(800);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.length).toBeLessThanOrEqual(3);
    expect(issues.every((i) => i.reason.startsWith('usage.csv line'))).toBe(true);
    expect(issues.some((i) => /binary/.test(i.reason))).toBe(true);
    expect(issues.every((i) => (i.raw ?? '').length <= RAW_LIMIT + 1)).toBe(true);
  });

  it('refuses a file with more than half its lines unreadable, naming the counts', async () => {
    const lines = [HEADER, ...good(3), ...Array.from({ length: 4 }, (_, i) => `K${9 + i},a,b,c,d`)];
    const err = await read({ 'accounts.csv': lines.join('\n') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableSourceError);
    expect((err as Error).message).toBe(
      'accounts.csv: mostly unreadable: 4 of 7 data lines could not be read; the run goes on without it',
    );
  });

  it('refuses a binary file (a workbook saved as .csv) at its first line', async () => {
    const err = await read({ 'accounts.csv': garbage(5000, 3) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableSourceError);
    expect((err as Error).message).toMatch(/^accounts\.csv: /);
  });

  it('keeps formula-looking cells as text and reads negative numbers as text to type later', async () => {
    const lines = [HEADER, 'K1,=SUM(A1:A9),-1200', 'K2,+cmd,-5', 'K3,@risk,"=1+2"'];
    const got = await pages(
      await connect(folder({ 'accounts.csv': lines.join('\n') })),
      'accounts',
    );
    const fields = got.flatMap((p) => p.records.map((r) => r.fields));
    expect(fields.map((f) => f.name)).toEqual(['=SUM(A1:A9)', '+cmd', '@risk']);
    expect(fields.map((f) => f.arr)).toEqual(['-1200', '-5', '=1+2']);
    expect(got.flatMap((p) => p.issues ?? [])).toEqual([]);
  });

  it('skips a JSON item that is not an object and keeps the rest', async () => {
    const items = [{ account_id: 'J1' }, 'oops', { account_id: 'J3' }];
    const { ids, issues } = await read({ 'accounts.json': JSON.stringify(items) });
    expect(ids).toEqual(['J1', 'J3']);
    expect(issues).toEqual([
      {
        row: 3,
        reason: 'accounts.json item 2: not an object; skipped, the rest of the file is kept',
        raw: '"oops"',
      },
    ]);
  });
});
