/**
 * Incremental sync of 100k mirrored accounts with 1% changed, on embedded PGlite: the whole
 * export is pulled and mapped again (as the files connector does), only changed rows reach the
 * mirror, and only changed results are written back. Target: well under a minute.
 */
import type { Connector, RawPage, WriteOutcome } from '../connectors/types.js';
import { readFileSync } from 'node:fs';
import { parseMappingText } from '../src/mapping/load.js';
import type { AccountSummary, Opportunity } from '../src/model/output.js';
import { openStore } from '../src/store/open.js';
import { runSync } from '../src/sync/run-sync.js';
import type { Analyze, SyncConnection } from '../src/sync/types.js';
import type { Bench } from './types.js';

const WRITE_BACK = `
writeBack:
  account: { to: Account, fields: { Expansion_Score__c: bestScore, Expansion_Tier__c: bestTier } }
  opportunity:
    to: Expansion_Opportunity__c
    key: Headroom_Key__c
    fields: { Account__c: account.crmId, Score__c: scores.composite, Tier__c: tier }
`;
const ACCOUNTS = Number(process.env.BENCH_SYNC_ACCOUNTS ?? 100_000);
const CHANGED = Math.round(ACCOUNTS / 100);

function source(active: (i: number) => number, written: { records: number }): Connector {
  return {
    name: 'bench',
    async *pull(request): AsyncGenerator<RawPage> {
      if (request.object !== 'accounts') return;
      for (let start = 0; start < ACCOUNTS; start += 5000) {
        const records = [];
        for (let i = start; i < Math.min(ACCOUNTS, start + 5000); i++) {
          records.push({
            id: `A${i}`,
            row: i + 2,
            fields: {
              account_id: `A${i}`,
              name: `Account ${i}`,
              owner_email: `o${i % 50}@example.com`,
              arr: `$${10_000 + (i % 90) * 1000}`,
              licensed_seats: '100',
              active_seats: String(active(i)),
              plan: 'professional',
              renewal_date: '2026-12-31',
              health_score: String(50 + (i % 50)),
            },
          });
        }
        yield { records, source: 'accounts.csv' };
      }
    },
    async write(batch): Promise<WriteOutcome[]> {
      written.records += batch.records.length;
      return batch.records.map((r) => ({ key: r.key, ok: true, crmId: r.key }));
    },
  };
}

const analyze: Analyze = (portfolio, asOf) => {
  const opportunities: Opportunity[] = [];
  const accounts: AccountSummary[] = portfolio.accounts.map((a) => {
    const util = a.seats ? a.seats.active / a.seats.licensed : 0;
    const composite = Math.max(1, Math.min(10, Math.round(util * 100) / 10));
    const tier = composite >= 9 ? 1 : composite >= 8 ? 2 : 4;
    if (util >= 0.8) {
      opportunities.push({
        id: `${a.id}:seat_expansion`,
        accountId: a.id,
        accountName: a.name,
        type: 'seat_expansion',
        category: 'expansion',
        title: `Add seats at ${a.name}`,
        description: '',
        evidence: [
          {
            signal: 'seat_utilization',
            text: `${a.seats?.active} of ${a.seats?.licensed} seats in use`,
            value: util,
          },
        ],
        currentState: '',
        proposedState: '',
        estimatedArr: Math.round(a.arr * 0.2),
        scores: { revenue: composite, effort: 3, likelihood: composite, composite },
        tier,
        health: 'green',
        timing: 'now',
        timingReason: '',
        deadline: asOf,
        renewalAligned: false,
        stakeholders: {},
        pitch: '',
        approach: [],
        objections: [],
        risks: [],
        confidence: 0.8,
      });
    }
    return {
      accountId: a.id,
      name: a.name,
      arr: a.arr,
      health: 'green',
      healthReasons: [],
      readiness: 'not_ready',
      bestScore: util >= 0.8 ? composite : 0,
      bestTier: util >= 0.8 ? tier : 0,
      potentialArr: 0,
      opportunityCount: util >= 0.8 ? 1 : 0,
      flags: [],
    };
  });
  return { opportunities, accounts, settingsVersion: 'bench' };
};

const bench: Bench = {
  name: 'sync',
  description: `incremental sync of ${ACCOUNTS} mirrored accounts with 1% changed (PGlite): seconds and rows written`,
  async run() {
    const store = await openStore({ dataDir: 'memory://' });
    const connection: SyncConnection = {
      name: 'bench',
      connector: 'files',
      mappingFile: 'mappings/files.yaml',
      writeBack: true,
      options: {},
      mapping: parseMappingText(
        readFileSync(new URL('../mappings/files.yaml', import.meta.url), 'utf8') + WRITE_BACK,
        'files.yaml',
      ),
    };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const base = (i: number) => 40 + (i % 60);
    const firstWritten = { records: 0 };
    let t = Date.now();
    const first = await runSync({
      store,
      connection,
      connector: source(base, firstWritten),
      analyze,
      asOf: '2026-03-02',
      log,
    });
    const initialSeconds = (Date.now() - t) / 1000;
    const written = { records: 0 };
    // 1%: every 100th account adds 5 active seats (some cross the 80% line, all change score).
    const changed = (i: number) => (i % 100 === 0 ? Math.min(100, base(i) + 5) : base(i));
    const rss0 = process.memoryUsage().rss;
    t = Date.now();
    const second = await runSync({
      store,
      connection,
      connector: source(changed, written),
      analyze,
      asOf: '2026-03-02',
      log,
    });
    const seconds = (Date.now() - t) / 1000;
    await store.close();
    if (first.status !== 'succeeded' || second.status !== 'succeeded')
      throw new Error(first.error ?? second.error);
    return {
      accounts: ACCOUNTS,
      changedAccounts: CHANGED,
      initialSyncSeconds: initialSeconds,
      initialCrmRecordsWritten: firstWritten.records,
      seconds,
      accountsPerSecond: Math.round(ACCOUNTS / seconds),
      mirrorRowsWritten: second.stats.mirrorUpserts,
      snapshotRowsWritten: second.stats.snapshots,
      opportunitiesChanged: second.stats.opportunities.new + second.stats.opportunities.changed,
      crmRecordsWritten: written.records,
      phaseMs: JSON.stringify(second.stats.phaseMs),
      peakRssMb: Math.round(Math.max(rss0, process.memoryUsage().rss) / 1e6),
    };
  },
};

export default bench;
