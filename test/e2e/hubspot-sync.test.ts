/**
 * `headroom sync --connector hubspot --out OUT` end to end against a fake portal in the CRM v3/v4
 * wire format, with `test/fixtures/e2e/hubspot-full.yaml` (the default mapping plus the custom
 * objects and properties that carry usage history, departments, signals and contact status):
 * the same outputs as the files connector, the HTTP calls, a re-sync writing nothing, a
 * one-account change, a dismissed deal, a dry run; and the unchanged default mapping against a
 * second portal. The `sync story` tests run in order.
 */
import { rmSync } from 'node:fs';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakePortal, HS_BASE, type FakePortal, type HsCall } from './fake-hubspot.js';
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
import { CUSTOM, FREE_STAGE, renderHubspot, type HsObject } from './render-hubspot.js';

const MAPPING = 'test/fixtures/e2e/hubspot-full.yaml';
const LISTED = ['contacts', 'deals', CUSTOM.usage, CUSTOM.department, CUSTOM.signal];
const WRITES = new Set(['upsert', 'update', 'create']);

let facts: Facts;
let portal: FakePortal;
let h: Harness;
let files: Outputs;

beforeAll(async () => {
  nock.disableNetConnect();
  vi.stubEnv('HUBSPOT_BASE_URL', HS_BASE);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-test-token');
  // The limiter is tested on a fake clock in test/connectors/hubspot; here it must not wait.
  vi.stubEnv('HUBSPOT_RATE_LIMIT_PER_10S', '1000');
  vi.stubEnv('HUBSPOT_SEARCH_RATE_PER_SECOND', '100');
  facts = await buildFacts();
  portal = fakePortal(renderHubspot(facts, Date.now() - 3 * 86_400_000));
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

const sync = (options: { out?: string; dryRun?: boolean } = {}, connection = 'hubspot') =>
  h.sync({ connector: 'hubspot', connection, mapping: MAPPING }, options);
const writes = (): HsCall[] => portal.calls.filter((c) => WRITES.has(c.kind));
const objects = (type: string): HsObject[] => portal.data.get(type) ?? [];
const inputs = (kind: string) =>
  writes()
    .filter((c) => c.kind === kind)
    .flatMap((c) => c.inputs!);

describe('hubspot sync story', () => {
  let first: Outputs;

  it('writes the same output files as the files connector', async () => {
    const out = h.outDir('hubspot');
    const { report } = await sync({ out });
    expect(report.status).toBe('succeeded');
    first = readOutputs(out);
    expect(first.accounts).toHaveLength(facts.accounts.length);
    expect(accountFacts(first)).toEqual(accountFacts(files));
    expect(opportunityFacts(first)).toEqual(opportunityFacts(files));
    expect(first.issues).toEqual(files.issues);
    expect(playbookHeadline(first.playbook)).toEqual(playbookHeadline(files.playbook));
    expect(playbookHeadline(first.playbook)).toHaveLength(5);
    expect(tier1Headings(first.playbook)).toEqual(tier1Headings(files.playbook));
    expect(tier1Headings(first.playbook).length).toBeGreaterThan(0);
  });

  it('pulled in ceil(N/100) list calls per object and wrote back in ceil(M/100) calls', () => {
    const deals = objects('deals').filter((d) => !d.properties.headroom_key);
    expect(portal.count('properties')).toBe(1 + LISTED.length);
    // Companies are filtered by lifecycle stage (the mapping's `where`): search, 200 a page.
    expect(portal.count('search', 'companies')).toBe(Math.ceil(objects('companies').length / 200));
    expect(portal.count('list', 'companies')).toBe(0);
    for (const type of LISTED) {
      const n = type === 'deals' ? deals.length : objects(type).length;
      // Deals are listed twice: the pull, then the read-back of stages before writing.
      expect(portal.count('list', type), type).toBe(
        Math.ceil(n / 100) * (type === 'deals' ? 2 : 1),
      );
    }
    expect(objects(CUSTOM.usage).length).toBeGreaterThan(100);
    expect(portal.count('assocRead')).toBe(0); // associations came inline with the list pages

    const m = first.opportunities.length;
    expect(portal.count('upsert', 'deals')).toBe(Math.ceil(m / 100));
    expect(portal.count('associate', 'deals')).toBe(Math.ceil(m / 100));
    const upserts = inputs('upsert');
    expect(new Set(upserts.map((i) => (i as { idProperty?: string }).idProperty))).toEqual(
      new Set(['headroom_key']),
    );
    expect(upserts.map((i) => i.id).sort()).toEqual(first.opportunities.map((o) => o.id).sort());
    const created = objects('deals').filter((d) => d.properties.headroom_key);
    expect(new Set(created.map((d) => d.properties.dealstage))).toEqual(new Set(['1040000']));
    expect(created.every((d) => d.companies?.length === 1)).toBe(true);

    expect(portal.count('update', 'companies')).toBe(Math.ceil(facts.accounts.length / 100));
    for (const s of first.accounts) {
      const c = objects('companies').find((x) => x.properties.name === s.name)!;
      expect(c.properties.headroom_score, s.name).toBe(String(s.bestScore));
      expect(c.properties.headroom_tier, s.name).toBe(String(s.bestTier));
      expect(c.properties.headroom_health, s.name).toBe(s.health);
    }

    const tier1 = first.opportunities.filter((o) => o.tier === 1);
    expect(portal.count('create', 'tasks')).toBe(Math.ceil(tier1.length / 100));
    const name = (id: string | undefined) =>
      objects('companies').find((c) => c.id === id)?.properties.name;
    expect(
      objects('tasks').map((t) => `${name(t.companies?.[0])} | ${t.properties.hs_task_subject}`),
    ).toEqual(expect.arrayContaining(tier1.map((o) => `${o.accountName} | ${o.title}`)));
    expect(objects('tasks')).toHaveLength(tier1.length);
  });

  it('makes zero write calls on an immediate re-sync', async () => {
    portal.clear();
    const { report } = await sync({ out: h.outDir('resync') });
    expect(report.status).toBe('succeeded');
    expect(writes()).toEqual([]);
    expect(portal.count('associate')).toBe(0);
    expect(report.stats.writes).toEqual(NO_WRITES);
    expect(report.stats.opportunities).toEqual({ new: 0, changed: 0, closed: 0 });
    // Incremental: search and an archived listing per object, no list backfill but the read-back.
    for (const type of ['companies', ...LISTED]) {
      expect(portal.count('archived', type), type).toBe(1);
      expect(portal.count('search', type), type).toBeGreaterThan(0);
    }
    expect(portal.count('list')).toBe(Math.ceil(objects('deals').length / 100));
  });

  it('rewrites only the records of the one company whose seats changed', async () => {
    const c = objects('companies')[0]!;
    portal.clear();
    portal.edit('companies', c.id, { active_seats: String(Number(c.properties.active_seats) + 3) });
    const { report } = await sync();
    expect(report.stats.writes.opportunity).toBeGreaterThan(0);
    const byId = new Map(report.analysis!.opportunities.map((o) => [o.id, o.accountId]));
    expect(new Set(inputs('upsert').map((i) => byId.get(i.id!)))).toEqual(
      new Set([`hubspot:${c.id}`]),
    );
    expect(inputs('update').map((i) => i.id)).toEqual([c.id]);
    expect(inputs('create')).toEqual([]);
  });

  it('does not rewrite a deal a person moved to the Dismissed stage', async () => {
    const c = objects('companies')[0]!;
    const deal = objects('deals').find(
      (d) => d.properties.headroom_key && d.companies?.[0] === c.id,
    )!;
    portal.edit('deals', deal.id, { dealstage: '1040005' });
    portal.clear();
    portal.edit('companies', c.id, { active_seats: String(Number(c.properties.active_seats) + 3) });
    const { report } = await sync();
    expect(report.stats.statusChanges).toBe(1);
    const keys = inputs('upsert').map((i) => i.id);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain(deal.properties.headroom_key);
    expect(deal.properties.dealstage).toBe('1040005');
  });
});

describe('hubspot sync --dry-run', () => {
  it('returns the full write plan and makes no write call', async () => {
    portal.clear();
    const { report } = await sync({ dryRun: true }, 'hs-dry-run');
    const opportunities = report.analysis!.opportunities;
    expect(report.dryRun).toBe(true);
    expect(writes()).toEqual([]);
    expect(report.stats.writes).toEqual(NO_WRITES);
    expect(report.plan.account).toMatchObject({ to: 'companies', records: facts.accounts.length });
    expect(report.plan.opportunity).toMatchObject({ to: 'deals', records: opportunities.length });
    expect(report.plan.task?.records).toBe(opportunities.filter((o) => o.tier === 1).length);
    expect(report.plan.opportunity?.samples[0]?.changed).toMatchObject({
      headroom_key: expect.any(String),
      pipeline: 'Expansion',
      dealstage: 'Identified',
    });
  });
});

describe('hubspot sync with the default mappings/hubspot.yaml', () => {
  // It reads less than the files format holds (no usage history, departments, signals or contact
  // status), so its findings differ; what must hold is the plumbing.
  it('syncs and writes back in batches of 100, then re-syncs with zero writes', async () => {
    const base = 'http://hubspot-default.e2e.test';
    const second = fakePortal(renderHubspot(facts, Date.now() - 3 * 86_400_000), base);
    vi.stubEnv('HUBSPOT_BASE_URL', base);
    const run = (out?: string) =>
      h.sync({ connector: 'hubspot', connection: 'hs-default' }, out ? { out } : {});
    const out = h.outDir('hubspot-default');
    const { report } = await run(out);
    const outputs = readOutputs(out);
    expect(report.status).toBe('succeeded');
    expect(outputs.issues).toEqual([]);
    // The mapping's `where` keeps customers, trials and former customers, not a custom stage.
    const kept = facts.accounts.filter((a) => a.lifecycle !== 'free').map((a) => a.name);
    expect(outputs.accounts.map((a) => a.name).sort()).toEqual(kept.sort());
    const free = second.data
      .get('companies')!
      .filter((c) => c.properties.lifecyclestage === FREE_STAGE);
    expect(free.length).toBe(facts.accounts.length - kept.length);
    const m = outputs.opportunities.length;
    expect(m).toBeGreaterThan(100);
    expect(second.count('upsert', 'deals')).toBe(Math.ceil(m / 100));
    expect(second.count('update', 'companies')).toBe(1);
    expect(report.stats.writes).toEqual({
      account: kept.length,
      opportunity: m,
      task: outputs.opportunities.filter((o) => o.tier === 1).length,
    });
    second.clear();
    const again = await run();
    expect(again.report.status).toBe('succeeded');
    expect(second.calls.filter((c) => WRITES.has(c.kind))).toEqual([]);
    expect(again.report.stats.writes).toEqual(NO_WRITES);
  });
});
