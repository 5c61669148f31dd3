/**
 * The same id twice in one source: an issue naming both rows, and a winner by a rule users can
 * predict (the last row of a file; the most recently modified where the source says).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawRecord } from '../../connectors/types.js';
import { readMirror } from '../../src/store/mirror.js';
import type { Store } from '../../src/store/db.js';
import { DuplicateTracker } from '../../src/sync/duplicates.js';
import { runSync } from '../../src/sync/run-sync.js';
import { pullObject } from '../../src/sync/pull.js';
import type { Connector } from '../../connectors/types.js';
import { backends } from '../store/backends.js';
import { exportFolder, filesConnection, memoryLog, seatAnalyzer } from './fixtures.js';
import { createFilesConnector } from '../../connectors/files/index.js';

const raw = (id: string, extra: Partial<RawRecord>): RawRecord => ({ id, fields: {}, ...extra });

describe('DuplicateTracker', () => {
  it('lets the last row of a file win and names both rows', () => {
    const t = new DuplicateTracker('account');
    expect(t.check(raw('1042', { row: 3 }), 'accounts.csv')).toBeUndefined();
    expect(t.check(raw('7', { row: 4 }), 'accounts.csv')).toBeUndefined();
    const v = t.check(raw('1042', { row: 9 }), 'accounts.csv')!;
    expect(v.keep).toBe(true);
    expect(v.issue).toMatchObject({ object: 'account', recordId: '1042', row: 9, skipped: true });
    expect(v.issue.reason).toBe(
      'duplicate id 1042: accounts.csv row 3 and accounts.csv row 9; accounts.csv row 9 kept (the last one read)',
    );
  });

  it('names the file of each row when an id recurs across files, in any order', () => {
    const t = new DuplicateTracker('usage');
    expect(t.check(raw('U1', { row: 3 }), 'usage-a.csv')).toBeUndefined();
    expect(t.check(raw('U2', { row: 2 }), 'usage-b.csv')).toBeUndefined();
    expect(t.check(raw('U1', { row: 5 }), 'usage-b.csv')!.issue.reason).toBe(
      'duplicate id U1: usage-a.csv row 3 and usage-b.csv row 5; usage-b.csv row 5 kept (the last one read)',
    );
    expect(t.check(raw('U1', { row: 9 }), 'usage-a.csv')!.issue.reason).toBe(
      'duplicate id U1: usage-b.csv row 5 and usage-a.csv row 9; usage-a.csv row 9 kept (the last one read)',
    );
    expect(t.check(raw('U2', { row: 4 }), 'usage-a.csv')!.issue.reason).toBe(
      'duplicate id U2: usage-b.csv row 2 and usage-a.csv row 4; usage-a.csv row 4 kept (the last one read)',
    );
  });

  it('keeps the modification time of a row that has one', () => {
    const t = new DuplicateTracker('deal');
    t.check(raw('9', { row: 2, modifiedAt: '2026-03-05T10:00:00.000Z' }), 'deals.csv');
    const older = t.check(
      raw('9', { row: 7, modifiedAt: '2026-03-01T10:00:00.000Z' }),
      'deals.csv',
    )!;
    expect(older.keep).toBe(false);
    expect(older.issue.reason).toBe(
      'duplicate id 9: deals.csv row 2 and deals.csv row 7; deals.csv row 2 kept (the most recently modified)',
    );
  });

  it('lets the most recently modified record win where the source dates them', () => {
    const t = new DuplicateTracker('contact');
    t.check(raw('003A', { modifiedAt: '2026-03-02T10:00:00.000Z' }), 'crm');
    const older = t.check(raw('003A', { modifiedAt: '2026-03-01T10:00:00.000Z' }), 'crm')!;
    expect(older.keep).toBe(false);
    expect(older.issue.reason).toMatch(
      /^duplicate id 003A: record 003A \(modified 2026-03-02.*\) and record 003A \(modified 2026-03-01.*\); record 003A \(modified 2026-03-02.*\) kept \(the most recently modified\)$/,
    );
    const newer = t.check(raw('003A', { modifiedAt: '2026-03-05T10:00:00.000Z' }), 'crm')!;
    expect(newer.keep).toBe(true);
  });
});

describe.each(backends())('a duplicated account id in an export on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => backend.cleanup());

  it('keeps the last row, reports both rows, and sinks nothing', async () => {
    const folder = exportFolder([
      { id: 'D1', licensed: 100, active: 50 },
      { id: 'D2', licensed: 10, active: 5 },
      { id: 'D1', licensed: 100, active: 97 },
    ]);
    try {
      const connection = filesConnection('dups', folder.dir);
      const report = await runSync({
        store,
        connection: { ...connection, writeBack: false },
        connector: await createFilesConnector({
          connection: 'dups',
          options: { source: folder.dir },
        }),
        analyze: seatAnalyzer(),
        asOf: '2026-03-02',
        log: memoryLog(),
      });
      expect(report.status).toBe('succeeded');
      const dup = report.issues.filter((i) => /^duplicate id D1/.test(i.reason));
      expect(dup).toHaveLength(1);
      expect(dup[0]!.reason).toContain('accounts.csv row 2 and accounts.csv row 4');
      const accounts = (await readMirror(store, 'dups')).get('account') as {
        crmId: string;
        seats?: { active: number };
      }[];
      expect(accounts.map((a) => a.crmId).sort()).toEqual(['D1', 'D2']);
      expect(accounts.find((a) => a.crmId === 'D1')!.seats?.active).toBe(97);
    } finally {
      folder.cleanup();
    }
  });

  type Row = { id: string; fields: Record<string, string> };
  /** A first load of accounts, a page a record, each written before the next is read. */
  const pullPageByPage = (connection: string, rows: Row[]) =>
    pullObject({
      store,
      connector: {
        async *pull() {
          for (const [i, r] of rows.entries())
            yield { records: [{ ...r, row: i + 2 }], source: 'accounts.csv' };
        },
      } as unknown as Connector,
      connection,
      runId: 1,
      object: 'account',
      spec: filesConnection(connection, '/nowhere').mapping.objects.account!,
      full: true,
      flushAt: 1,
    });

  it('on a first load, a winner whose twin was already written replaces it', async () => {
    // A page a record, written page by page: the first D7 is in the mirror before the second.
    const rows = [
      { id: 'D7', fields: { account_id: 'D7', name: 'First', arr: '100' } },
      { id: 'D8', fields: { account_id: 'D8', name: 'Other', arr: '100' } },
      { id: 'D7', fields: { account_id: 'D7', name: 'Second', arr: '100' } },
    ];
    const result = await pullPageByPage('first-load', rows);
    expect(result.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^duplicate id D7/)]);
    const accounts = (await readMirror(store, 'first-load')).get('account') as {
      crmId: string;
      name: string;
    }[];
    expect(accounts.map((a) => `${a.crmId} ${a.name}`).sort()).toEqual(['D7 Second', 'D8 Other']);
  });

  it('on a first load, a row repeated as it was is written once and nothing is deleted', async () => {
    // The repeat comes after its twin was written (a page a record, flushed one by one): the
    // pull tells it by its text, not by the batch it is in.
    const row = { id: 'D9', fields: { account_id: 'D9', name: 'Same', arr: '100' } };
    const rows = [row, { id: 'D10', fields: { account_id: 'D10', name: 'Other', arr: '1' } }, row];
    const result = await pullPageByPage('repeat', rows);
    expect(result.upserts).toBe(2);
    expect(result.after).toBe(2);
    expect(result.deleteIds).toEqual([]);
    expect([...result.view!.records.keys()].sort()).toEqual(['D10', 'D9']);
    expect(result.view!.unmapped.size).toBe(0);
  });
});
