/**
 * `headroom sync --connector salesforce --out OUT` end to end against a fake org in the REST wire
 * format: the same outputs as the files connector for the same portfolio, the HTTP calls a full
 * pull and the write-back take, a re-sync with nothing changed writing nothing, a one-account
 * change rewriting only that account, a dismissed opportunity left alone, and a dry run.
 * The tests of the `sync story` run in order: each starts from the org the previous one left.
 */
import { rmSync } from 'node:fs';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeOrg, SF_INSTANCE, type FakeOrg, type SfCall } from './fake-salesforce.js';
import { NO_WRITES, openHarness, type Harness } from './harness.js';
import {
  accountFacts,
  opportunityFacts,
  playbookHeadline,
  readOutputs,
  tier1Headings,
  type Outputs,
} from './outputs.js';
import { buildFacts, type Facts } from './portfolio.js';
import { renderSalesforce, type SfRow } from './render-salesforce.js';

const SOURCE_OBJECTS = [
  'Account',
  'Contact',
  'Opportunity',
  'Usage_Snapshot__c',
  'Department__c',
  'Account_Signal__c',
];
const WRITES = new Set(['upsert', 'update', 'create']);

let facts: Facts;
let org: FakeOrg;
let h: Harness;
let files: Outputs;

beforeAll(async () => {
  nock.disableNetConnect();
  vi.stubEnv('SALESFORCE_INSTANCE_URL', SF_INSTANCE);
  vi.stubEnv('SALESFORCE_ACCESS_TOKEN', '00D-test-token');
  facts = await buildFacts();
  org = fakeOrg(renderSalesforce(facts, Date.now() - 3 * 86_400_000));
  h = await openHarness();
  const out = h.outDir('files');
  await h.sync({ connector: 'files', source: facts.dir }, { out });
  files = readOutputs(out);
});
afterAll(async () => {
  await h?.close();
  if (facts) rmSync(facts.dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

const writes = (): SfCall[] => org.calls.filter((c) => WRITES.has(c.kind));
const rows = (object: string): SfRow[] => org.data.get(object) ?? [];
const accountOf = (id: unknown) => rows('Account').find((a) => a.Id === id)?.Name;

describe('salesforce sync story', () => {
  let first: Outputs;

  it('writes the same output files as the files connector', async () => {
    const out = h.outDir('salesforce');
    const { report, written } = await h.sync({ connector: 'salesforce' }, { out });
    expect(report.status).toBe('succeeded');
    expect(written.map((f) => f.slice(out.length + 1)).sort()).toEqual([
      'accounts.json',
      'expansion-playbook.md',
      'issues.json',
      'opportunities.json',
    ]);
    first = readOutputs(out);
    expect(first.accounts).toHaveLength(facts.accounts.length);
    expect(accountFacts(first)).toEqual(accountFacts(files));
    expect(opportunityFacts(first)).toEqual(opportunityFacts(files));
    expect(first.issues).toEqual(files.issues);
    expect(playbookHeadline(first.playbook)).toEqual(playbookHeadline(files.playbook));
    expect(playbookHeadline(first.playbook)).toHaveLength(5);
    expect(playbookHeadline(first.playbook)[0]).toBe(`Accounts Analyzed: ${facts.accounts.length}`);
    expect(tier1Headings(first.playbook)).toEqual(tier1Headings(files.playbook));
    expect(tier1Headings(first.playbook).length).toBeGreaterThan(0);
  });

  it('pulled each object in ceil(N/2000) query calls and wrote back in ceil(M/200) calls', () => {
    for (const object of SOURCE_OBJECTS) {
      const n = rows(object).length;
      expect(org.count('describe', object), object).toBe(1);
      expect(org.count('query', object) + org.count('queryMore', object), object).toBe(
        Math.ceil(n / 2000),
      );
    }
    expect(rows('Usage_Snapshot__c').length).toBeGreaterThan(2000); // a page boundary crossed
    expect(org.count('deleted')).toBe(0); // a full pull finds deletions by absence
    expect(org.count('query', 'Expansion_Opportunity__c')).toBe(1); // read-back of statuses

    const m = first.opportunities.length;
    const upserts = writes().filter((c) => c.kind === 'upsert');
    expect(m).toBeGreaterThan(200);
    expect(upserts).toHaveLength(Math.ceil(m / 200));
    const sent = upserts.flatMap((c) => c.records!);
    expect(sent.map((r) => r.Headroom_Key__c).sort()).toEqual(
      first.opportunities.map((o) => o.id).sort(),
    );
    expect(rows('Expansion_Opportunity__c').every((r) => r.Status__c === 'Open')).toBe(true);

    const updates = writes().filter((c) => c.kind === 'update');
    expect(updates).toHaveLength(Math.ceil(facts.accounts.length / 200));
    for (const s of first.accounts) {
      const a = rows('Account').find((r) => r.Name === s.name)!;
      expect(a.Expansion_Score__c, s.name).toBe(s.bestScore);
      expect(a.Expansion_Tier__c, s.name).toBe(s.bestTier);
      expect(a.Expansion_Potential_ARR__c, s.name).toBe(s.potentialArr);
    }

    const tier1 = first.opportunities.filter((o) => o.tier === 1);
    const tasks = rows('Task');
    expect(writes().filter((c) => c.kind === 'create')).toHaveLength(1);
    expect(tasks.map((t) => `${accountOf(t.WhatId)} | ${String(t.Subject)}`).sort()).toEqual(
      tier1.map((o) => `${o.accountName} | ${o.title}`).sort(),
    );
    for (const t of tasks) {
      const a = rows('Account').find((r) => r.Id === t.WhatId)!;
      expect(t.OwnerId).toBe(a.OwnerId);
    }
  });

  it('makes zero write calls on an immediate re-sync', async () => {
    org.clear();
    const { report } = await h.sync({ connector: 'salesforce' }, { out: h.outDir('resync') });
    expect(report.status).toBe('succeeded');
    expect(writes()).toEqual([]);
    expect(report.stats.writes).toEqual(NO_WRITES);
    expect(report.stats.opportunities).toEqual({ new: 0, changed: 0, closed: 0 });
    // Incremental: one query (and one getDeleted) per object, plus the status read-back.
    for (const object of SOURCE_OBJECTS) {
      expect(org.count('query', object), object).toBe(1);
      expect(org.count('deleted', object), object).toBe(1);
    }
    expect(report.stats.apiCalls).toBe(org.calls.length - org.count('describe'));
  });

  it('rewrites only the records of the one account whose seats changed', async () => {
    const a = rows('Account')[0]!;
    org.clear();
    org.edit('Account', a.Id, { Active_Seats__c: Number(a.Active_Seats__c) + 3 });
    const { report } = await h.sync({ connector: 'salesforce' });
    expect(report.stats.writes.opportunity).toBeGreaterThan(0);
    const sent = writes().flatMap((c) => c.records!.map((r) => r.Account__c ?? r.id ?? r.WhatId));
    expect(sent.length).toBe(
      report.stats.writes.account + report.stats.writes.opportunity + report.stats.writes.task,
    );
    expect(new Set(sent)).toEqual(new Set([a.Id]));
  });

  it('does not rewrite an opportunity a person dismissed in Salesforce', async () => {
    const a = rows('Account')[0]!;
    const mine = rows('Expansion_Opportunity__c').filter((r) => r.Account__c === a.Id);
    const dismissed = mine[0]!;
    org.edit('Expansion_Opportunity__c', dismissed.Id, { Status__c: 'Dismissed' });
    org.clear();
    // A second seat change: without the dismissal every one of the account's rows would change.
    org.edit('Account', a.Id, { Active_Seats__c: Number(a.Active_Seats__c) + 3 });
    const { report } = await h.sync({ connector: 'salesforce' });
    expect(report.stats.statusChanges).toBe(1);
    const keys = writes()
      .filter((c) => c.kind === 'upsert')
      .flatMap((c) => c.records!.map((r) => r.Headroom_Key__c));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain(dismissed.Headroom_Key__c);
    expect(dismissed.Status__c).toBe('Dismissed');
  });
});

describe('salesforce sync --dry-run', () => {
  it('returns the full write plan and makes no write call', async () => {
    org.clear();
    const { report } = await h.sync(
      { connector: 'salesforce', connection: 'sf-dry-run' },
      { dryRun: true },
    );
    expect(report.dryRun).toBe(true);
    expect(writes()).toEqual([]);
    expect(report.stats.writes).toEqual(NO_WRITES);
    const opportunities = report.analysis!.opportunities;
    expect(report.plan.account).toMatchObject({ to: 'Account', mode: 'update', records: 72 });
    expect(report.plan.opportunity).toMatchObject({
      to: 'Expansion_Opportunity__c',
      mode: 'upsert',
      records: opportunities.length,
    });
    expect(report.plan.task?.records).toBe(opportunities.filter((o) => o.tier === 1).length);
    expect(report.plan.opportunity?.samples[0]).toMatchObject({
      created: true,
      changed: expect.objectContaining({ Headroom_Key__c: expect.any(String) }),
    });
  });
});
