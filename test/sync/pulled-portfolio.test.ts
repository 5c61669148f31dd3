/**
 * A run scores the portfolio its pull left in memory instead of reading the mirror back. That
 * portfolio must be the one the mirror holds after the run (what the console and `headroom
 * playbook` read with `buildPortfolio`), and score to byte-identical outputs: on full and
 * incremental pulls, deletions, a record that fails to map this time (the mirror keeps its last
 * good version), seat history from snapshots, and a generated folder (not the demo) scored by
 * the real pipeline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesConnector } from '../../connectors/files/index.js';
import { generatePortfolio } from '../../examples/generate/portfolio.js';
import { loadEnv } from '../../src/env.js';
import { parseMappingText } from '../../src/mapping/load.js';
import type { Portfolio } from '../../src/model/records.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { resolveSyncConnection } from '../../src/runtime/connection.js';
import { loadScoringConfig } from '../../src/runtime/scoring-config.js';
import type { Store } from '../../src/store/db.js';
import { buildPortfolio } from '../../src/sync/portfolio.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { Analyze, SyncConnection } from '../../src/sync/types.js';
import { backends } from '../store/backends.js';
import { memoryLog, seatAnalyzer } from './fixtures.js';
import { memoryCrm } from './memory-crm.js';

const MAPPING = `
connector: salesforce
version: 1
objects:
  account:
    from: Account
    fields:
      crmId: Id
      name: { field: Name, required: true }
      arr: { field: ARR__c, type: currency, required: true }
      seats.licensed: { field: Licensed_Seats__c, type: integer }
      seats.active: { field: Active_Seats__c, type: integer }
  contact:
    from: Contact
    fields:
      id: { field: Id, required: true }
      accountId: AccountId
      name: { field: Name, required: true }
      title: Title
`;

describe.each(backends())('the portfolio a run scores, on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => backend.cleanup());

  it('is the mirror after each run: full, incremental, deletions, a record failing to map', async () => {
    const crm = memoryCrm({ pageSize: 3 });
    const account = (id: string, active: number, name = `Org ${id}`) =>
      crm.put('Account', id, {
        Id: id,
        Name: name,
        ARR__c: '$40,000',
        Licensed_Seats__c: 100,
        Active_Seats__c: active,
      });
    // Ids that sort differently as text than as numbers, and out of insertion order.
    for (const [i, id] of ['001-10', '001-2', '001-1', 'A', '001-9', 'b'].entries()) {
      account(id, 40 + i * 11);
      crm.put('Contact', `C${9 - i}`, {
        Id: `C${9 - i}`,
        AccountId: id,
        Name: `P\t${i}`,
        Title: 'VP',
      });
    }
    const connection: SyncConnection = {
      name: 'crm',
      connector: 'salesforce',
      mappingFile: 'test.yaml',
      mapping: parseMappingText(MAPPING, 'test.yaml'),
      writeBack: false,
      options: {},
    };
    let scored: Portfolio | undefined;
    const seats = seatAnalyzer();
    const capture: Analyze = (p, asOf) => {
      scored = p;
      return seats(p, asOf);
    };
    const sync = async (asOf: string, full = false) => {
      const report = await runSync({
        store,
        connection,
        connector: crm,
        analyze: capture,
        asOf,
        log: memoryLog(),
        ...(full ? { full } : {}),
      });
      expect(report.status).toBe('succeeded');
      const mirror = await buildPortfolio(store, 'crm', asOf);
      expect(scored).toEqual(mirror);
      return { report, portfolio: scored! };
    };

    const first = await sync('2026-03-02');
    expect(first.portfolio.accounts.map((a) => a.crmId)).toEqual([
      '001-1',
      '001-10',
      '001-2',
      '001-9',
      'A',
      'b',
    ]);
    // Incremental: one account changed, the rest comes from the mirror; seat history grows.
    account('001-2', 97);
    const second = await sync('2026-03-03');
    expect(second.report.stats.pulled).toBe(1);
    expect(second.portfolio.accounts).toHaveLength(6);
    expect(second.portfolio.usage.filter((u) => u.accountId === 'crm:001-2')).toHaveLength(2);
    // Deleted at the source, and a record that no longer maps (required name blank).
    crm.remove('Account', 'A');
    account('b', 99, '');
    const third = await sync('2026-03-04');
    expect(third.report.stats.deletes).toBe(1);
    expect(third.portfolio.accounts.map((a) => a.crmId)).not.toContain('A');
    expect(third.portfolio.accounts.find((a) => a.crmId === 'b')?.name).toBe('Org b');
    // A full pull of the same state.
    await sync('2026-03-05', true);
  });

  it('scores a generated folder to the same outputs as the portfolio read back from the mirror', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-pulled-'));
    try {
      await generatePortfolio({ out: dir, accounts: 80, seed: 'pulled-portfolio', weeks: 6 });
      const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
      const connection = await resolveSyncConnection({ connector: 'files', source: dir }, env);
      const { catalog, settings } = loadScoringConfig(env, dir);
      const run = (p: Portfolio, asOf: string) => analyze(p, asOf, { catalog, settings });
      for (const asOf of ['2026-11-24', '2026-11-25']) {
        const report = await runSync({
          store,
          connection,
          connector: await createFilesConnector({
            connection: connection.name,
            options: { source: dir },
          }),
          analyze: run,
          asOf,
          log: memoryLog(),
        });
        expect(report.status).toBe('succeeded');
        const readBack = run(await buildPortfolio(store, connection.name, asOf), asOf);
        expect(report.analysis!.opportunities.length).toBeGreaterThan(20);
        expect(JSON.stringify(report.analysis!.opportunities)).toBe(
          JSON.stringify(readBack.opportunities),
        );
        expect(JSON.stringify(report.analysis!.accounts)).toBe(JSON.stringify(readBack.accounts));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
