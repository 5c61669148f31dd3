/**
 * The mass-change guard on every connector, with the ordinary ways a pull comes back short: a
 * source that empties, a mapping `where` edited to match nothing, an export cut short. Each run
 * after a good one is held before it deletes, closes or writes anything, records the figures, and
 * goes through once confirmed (`--allow-mass-change`).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listOpportunities } from '../../src/store/opportunities.js';
import { getRun } from '../../src/store/runs.js';
import { fakePortal, HS_BASE, type FakePortal } from './fake-hubspot.js';
import { fakeOrg, SF_INSTANCE, type FakeOrg } from './fake-salesforce.js';
import { openHarness, type Harness } from './harness.js';
import { buildFacts, type Facts } from './portfolio.js';
import { renderHubspot } from './render-hubspot.js';
import { renderSalesforce } from './render-salesforce.js';

const HS_MAPPING = 'test/fixtures/e2e/hubspot-full.yaml';

let facts: Facts;
let h: Harness;
let org: FakeOrg;
let portal: FakePortal;
let tmp: string;

beforeAll(async () => {
  nock.disableNetConnect();
  vi.stubEnv('SALESFORCE_INSTANCE_URL', SF_INSTANCE);
  vi.stubEnv('SALESFORCE_ACCESS_TOKEN', '00D-test-token');
  vi.stubEnv('HUBSPOT_BASE_URL', HS_BASE);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-test-token');
  vi.stubEnv('HUBSPOT_RATE_LIMIT_PER_10S', '1000');
  vi.stubEnv('HUBSPOT_SEARCH_RATE_PER_SECOND', '100');
  facts = await buildFacts(20, 31);
  const modified = Date.now() - 3 * 86_400_000;
  org = fakeOrg(renderSalesforce(facts, modified));
  portal = fakePortal(renderHubspot(facts, modified));
  h = await openHarness();
  tmp = h.outDir('mappings');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(tmp, { recursive: true });
});
afterAll(async () => {
  await h?.close();
  if (facts) rmSync(facts.dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

/** A copy of `file` with its account `where` replaced (what an ops edit does). */
function withWhere(file: string, from: RegExp, where: string): string {
  const out = join(tmp, file.split('/').pop()!);
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(out, text.replace(from, where));
  return out;
}

async function expectHeld(
  run: (allow: boolean) => ReturnType<Harness['sync']>,
  connection: string,
  what: 'accounts' | 'opportunities',
) {
  const openBefore = (await listOpportunities(h.store, { connection })).length;
  const { report } = await run(false);
  expect(report.status).toBe('held');
  expect(report.held).toMatchObject({ what });
  expect(report.held!.share).toBeGreaterThan(0.2);
  expect(report.error).toMatch(/--allow-mass-change/);
  expect(report.stats.deletes).toBe(0);
  expect(report.stats.writes).toEqual({ account: 0, opportunity: 0, task: 0 });
  expect((await listOpportunities(h.store, { connection })).length).toBe(openBefore);
  const row = await getRun(h.store, report.runId);
  expect(row).toMatchObject({ status: 'held', stats: { massChange: { what } } });
  return report;
}

describe('files: an export cut short, then one that empties', () => {
  const source = () => facts.dir;
  const run = (allow: boolean) =>
    h.sync(
      { connector: 'files', connection: 'mc-files', source: source() },
      { allowMassChange: allow },
    );
  const accountsCsv = () => join(facts.dir, 'accounts.csv');
  let full: string;

  it('holds an export that lost 40% of its accounts, then goes through once confirmed', async () => {
    expect((await run(false)).report.status).toBe('succeeded');
    full = readFileSync(accountsCsv(), 'utf8');
    const lines = full.trimEnd().split('\n');
    writeFileSync(
      accountsCsv(),
      lines.slice(0, 1 + Math.ceil((lines.length - 1) * 0.6)).join('\n'),
    );
    const held = await expectHeld(run, 'mc-files', 'accounts');
    expect(held.held).toMatchObject({ before: 20, gone: 8, after: 12 });
    const confirmed = await run(true);
    expect(confirmed.report.status).toBe('succeeded');
    expect(confirmed.report.stats.deletes).toBeGreaterThanOrEqual(8);
  });

  it('always holds an accounts file with no accounts', async () => {
    writeFileSync(accountsCsv(), full.slice(0, full.indexOf('\n') + 1));
    const held = await expectHeld(run, 'mc-files', 'accounts');
    expect(held.held).toMatchObject({ after: 0 });
    writeFileSync(accountsCsv(), full);
  });
});

describe('salesforce: a where that matches nothing, then an org that empties', () => {
  const base = (allow: boolean, mapping?: string) =>
    h.sync(
      { connector: 'salesforce', connection: 'mc-sf', ...(mapping ? { mapping } : {}) },
      { full: true, allowMassChange: allow },
    );

  it('holds a full pull after the account where was edited to match nothing', async () => {
    expect((await base(false)).report.status).toBe('succeeded');
    const mapping = withWhere(
      'mappings/salesforce.yaml',
      /where: "Type IN \([^)]*\)"/,
      `where: "Type = 'Nobody'"`,
    );
    await expectHeld((allow) => base(allow, mapping), 'mc-sf', 'accounts');
  });

  it('holds a pull from an org whose accounts are gone', async () => {
    const accounts = org.data.get('Account')!;
    org.data.set('Account', []);
    await expectHeld((allow) => base(allow), 'mc-sf', 'accounts');
    org.data.set('Account', accounts);
    expect((await base(false)).report.status).toBe('succeeded');
  });
});

describe('hubspot: a where that matches nothing, then a portal that lost most companies', () => {
  const base = (allow: boolean, mapping = HS_MAPPING) =>
    h.sync(
      { connector: 'hubspot', connection: 'mc-hs', mapping },
      { full: true, allowMassChange: allow },
    );

  it('holds a full pull after the company filter was edited to match nothing', async () => {
    expect((await base(false)).report.status).toBe('succeeded');
    const mapping = withWhere(
      HS_MAPPING,
      /where: 'lifecyclestage IN \([^)]*\)'/,
      `where: 'lifecyclestage IN (nobody)'`,
    );
    await expectHeld((allow) => base(allow, mapping), 'mc-hs', 'accounts');
  });

  it('holds, then confirms, a pull that lost half the companies', async () => {
    const companies = portal.data.get('companies')!;
    portal.data.set('companies', companies.slice(0, 10));
    await expectHeld((allow) => base(allow), 'mc-hs', 'accounts');
    const confirmed = await base(true);
    expect(confirmed.report.status).toBe('succeeded');
    expect(confirmed.report.stats.deletes).toBeGreaterThanOrEqual(10);
  });
});
