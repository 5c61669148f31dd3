/**
 * A realistic store for the server tests, seeded through the store's own functions: a files
 * connection with three accounts (a healthy one at its seat ceiling, one whose CRM name is
 * markup, a red one whose champion left), the same first account mirrored from Salesforce and
 * HubSpot connections (Canvas and the HubSpot app card, portal 62515), two sync runs with issues and a score history.
 */
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { RawRecord } from '../../connectors/types.js';
import { mapRecords } from '../../src/mapping/apply.js';
import { parseMappingText } from '../../src/mapping/load.js';
import {
  AccountSchema,
  ContactSchema,
  OpportunitySchema,
  type Account,
  type AccountSummary,
  type Opportunity,
} from '../../src/model/index.js';
import type { ServerDeps } from '../../src/server/deps.js';
import type { Store } from '../../src/store/db.js';
import { upsertMirror } from '../../src/store/mirror.js';
import { openStore } from '../../src/store/open.js';
import { saveOpportunities, setOpportunityStatus } from '../../src/store/opportunities.js';
import { addIssues } from '../../src/store/issues.js';
import { finishRun, startRun } from '../../src/store/runs.js';
import { addScoreHistory } from '../../src/store/score-history.js';
import { saveSummaries } from '../../src/store/summaries.js';
import { account, contacts, opportunity, summary } from './seed-data.js';

export const AS_OF = '2026-03-02';
export const XSS_NAME = '<script>alert("x")</script> & <b>Co</b>';

export async function seedConnection(
  store: Store,
  connection: string,
  accounts: Account[],
  opps: Opportunity[],
  sums: AccountSummary[],
) {
  const run1 = await startRun(store, {
    connection,
    connector: connection.split('-')[0]!,
    asOf: '2026-02-23',
    dryRun: false,
  });
  await finishRun(store, run1, {
    status: 'succeeded',
    stats: { pulled: accounts.length, issues: 1 },
  });
  const run2 = await startRun(store, {
    connection,
    connector: connection.split('-')[0]!,
    asOf: AS_OF,
    dryRun: false,
  });
  const mirror = (object: string, rows: { id: string; accountId: string; data: unknown }[]) =>
    upsertMirror(
      store,
      connection,
      object,
      run2,
      rows.map((r) => ({ ...r, hash: `h-${r.id}` })),
    );
  await mirror(
    'account',
    accounts.map((a) => ({ id: a.id, accountId: a.id, data: AccountSchema.parse(a) })),
  );
  const people = accounts.flatMap((a) => contacts(a));
  await mirror(
    'contact',
    people.map((c) => ({ id: c.id, accountId: c.accountId, data: ContactSchema.parse(c) })),
  );
  const valid = opps.map((o) => OpportunitySchema.parse(o));
  await saveOpportunities(
    store,
    connection,
    AS_OF,
    valid.map((o) => ({
      opportunity: o,
      contentHash: `c-${o.id}`,
      dataHash: `d-${o.id}`,
      settingsVersion: 's2',
    })),
  );
  await saveSummaries(store, connection, run2, sums);
  const first = valid[0]!;
  await addScoreHistory(store, connection, [
    {
      opportunityId: first.id,
      runId: run1,
      asOf: '2026-02-23',
      scores: { ...first.scores, composite: 6.4, likelihood: 6 },
      tier: 2,
      dataHash: 'd-old',
      settingsVersion: 's1',
      cause: 'new',
    },
    {
      opportunityId: first.id,
      runId: run2,
      asOf: AS_OF,
      scores: first.scores,
      tier: first.tier,
      dataHash: `d-${first.id}`,
      settingsVersion: 's2',
      cause: 'settings',
    },
  ]);
  await addIssues(store, connection, run1, [
    {
      source: 'accounts.csv',
      object: 'account',
      recordId: 'acct-9',
      row: 11,
      field: 'arr',
      value: 'lots',
      reason: 'not a currency amount',
      skipped: false,
    },
  ]);
  await finishRun(store, run2, {
    status: 'succeeded',
    stats: { pulled: accounts.length, opportunitiesNew: opps.length },
  });
  return { run1, run2 };
}

/** A fresh in-memory store with the portfolio above. */
export async function seededStore(): Promise<Store> {
  const store = await openStore({ dataDir: 'memory://' });
  const a1 = account('files', 'acct-1', 'Northwind Logistics', { health: 'green' });
  const a2 = account('files', 'acct-2', XSS_NAME, { health: 'yellow' });
  const a3 = account('files', 'acct-3', 'Redwood Health', { health: 'red' });
  const o1 = opportunity(a1, 'seat_expansion', 1, 8.6);
  const o2 = opportunity(a1, 'add_on', 2, 7.4);
  const o3 = opportunity(a2, 'tier_upgrade', 3, 5.9);
  const o4 = opportunity(a3, 'stabilization', 4, 4.2);
  await seedConnection(
    store,
    'files',
    [a1, a2, a3],
    [o1, o2, o3, o4],
    [
      summary(a1, 'green', [o1, o2]),
      summary(a2, 'yellow', [o3]),
      summary(a3, 'red', [o4], ['champion_left', 'at_risk']),
    ],
  );
  await setOpportunityStatus(store, 'files', o3.id, {
    status: 'dismissed',
    by: 'seed',
    reason: 'budget frozen until Q3',
  });
  for (const [conn, crmId] of [
    ['salesforce-prod', '001Hs00000AbCdEIAZ'],
    ['hubspot-main', '9876543210'],
  ] as const) {
    const a = account(conn, crmId, 'Northwind Logistics', { health: 'green' });
    const o = opportunity(a, 'seat_expansion', 1, 8.6);
    await seedConnection(store, conn, [a], [o], [summary(a, 'green', [o])]);
  }
  return store;
}

/** Raw records the fake connection hands to mapping previews (one with an unreadable ARR). */
export const SAMPLE_ACCOUNTS: RawRecord[] = [
  {
    id: 'acct-1',
    row: 2,
    fields: {
      account_id: 'acct-1',
      name: 'Northwind Logistics',
      arr: '$120,000',
      licensed_seats: '200',
      active_seats: '181',
    },
  },
  {
    id: 'acct-2',
    row: 3,
    fields: {
      account_id: 'acct-2',
      name: 'Bluebird Labs',
      arr: 'lots',
      licensed_seats: '40',
      active_seats: '12',
    },
  },
];

export interface TestDeps extends ServerDeps {
  started: { connection: string; dryRun: boolean; allowMassChange?: boolean }[];
}

/** Server dependencies over `store`, with files in a temporary folder and fake connector calls. */
export function testDeps(store: Store, config: ServerDeps['config'] = {}): TestDeps {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-server-'));
  copyFileSync('config/catalog.yaml', join(dir, 'catalog.yaml'));
  copyFileSync('mappings/files.yaml', join(dir, 'files.yaml'));
  const started: TestDeps['started'] = [];
  return {
    store,
    config,
    catalogFile: join(dir, 'catalog.yaml'),
    settingsFile: join(dir, 'scoring.yaml'),
    mappingsDir: dir,
    connections: [
      { name: 'files', connector: 'files' },
      { name: 'salesforce-prod', connector: 'salesforce' },
      { name: 'hubspot-main', connector: 'hubspot', hubspotPortalId: '62515' },
    ],
    started,
    startRun: async (connection, { dryRun, allowMassChange }) => {
      started.push({ connection, dryRun, ...(allowMassChange ? { allowMassChange } : {}) });
      return String(100 + started.length);
    },
    previewMapping: async (connection, text, n) => {
      const mapping = parseMappingText(text, `${connection}.yaml`);
      const spec = mapping.objects.account!;
      const { records, issues } = mapRecords('account', spec, SAMPLE_ACCOUNTS.slice(0, n), {
        connection,
        source: 'accounts.csv',
      });
      return { records: { account: records }, issues };
    },
    describeFields: async (_connection, object) => [
      { name: 'Id', label: `${object} ID`, type: 'id' },
      { name: 'ARR__c', label: 'ARR', type: 'currency', writable: true },
    ],
    log: pino({ level: 'silent' }),
    metrics: new Registry(),
    asOf: () => AS_OF,
  };
}
