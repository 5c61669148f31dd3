/**
 * A task create whose answer is lost: the fake portal does the batch create and then answers
 * 502 (a gateway dropped the response), or answers 502 without doing it. Either way the next run
 * looks the tasks up by `headroom_key` through the CRM search API and creates only those that
 * are absent: every Tier 1 opportunity ends up with exactly one task, none lost, none twice.
 */
import { rmSync } from 'node:fs';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakePortal, HS_BASE, type FakePortal } from './fake-hubspot.js';
import { openHarness, type Harness } from './harness.js';
import { buildFacts, type Facts } from './portfolio.js';
import { renderHubspot } from './render-hubspot.js';

const MAPPING = 'test/fixtures/e2e/hubspot-full.yaml';

let facts: Facts;
let h: Harness;

beforeAll(async () => {
  nock.disableNetConnect();
  vi.stubEnv('HUBSPOT_BASE_URL', HS_BASE);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-test-token');
  vi.stubEnv('HUBSPOT_RATE_LIMIT_PER_10S', '1000');
  vi.stubEnv('HUBSPOT_SEARCH_RATE_PER_SECOND', '100');
  facts = await buildFacts(24, 5);
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
  if (facts) rmSync(facts.dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

const keysOf = (portal: FakePortal) =>
  (portal.data.get('tasks') ?? []).map((t) => t.properties.headroom_key).sort();

describe.each([
  { lost: 'the answer (the tasks were created)', applied: true },
  { lost: 'the request (nothing was created)', applied: false },
])('a task create answered 502, having lost $lost', ({ applied }) => {
  let portal: FakePortal;
  const connection = `hs-unconfirmed-${applied ? 'done' : 'none'}`;
  const sync = () => h.sync({ connector: 'hubspot', connection, mapping: MAPPING });

  beforeAll(() => {
    nock.cleanAll();
    portal = fakePortal(renderHubspot(facts, Date.now() - 3 * 86_400_000));
  });

  it('reports the creates as unconfirmed, and the next run neither loses nor repeats them', async () => {
    portal.answerNext('create', 'tasks', 502, applied);
    const first = await sync();
    const tier1 = first.report.analysis!.opportunities.filter((o) => o.tier === 1);
    expect(tier1.length).toBeGreaterThan(0);
    const unconfirmed = first.report.issues.filter((i) => /UNCONFIRMED/.test(i.reason));
    expect(unconfirmed.map((i) => i.recordId).sort()).toEqual(tier1.map((o) => o.id).sort());
    expect(keysOf(portal)).toEqual(applied ? tier1.map((o) => o.id).sort() : []);

    portal.clear();
    const second = await sync();
    expect(second.report.status).toBe('succeeded');
    expect(portal.count('search', 'tasks')).toBeGreaterThan(0);
    expect(portal.count('create', 'tasks')).toBe(applied ? 0 : 1);
    expect(keysOf(portal)).toEqual(tier1.map((o) => o.id).sort());
    const settled = second.report.issues.filter((i) => i.object === 'task');
    expect(settled).toHaveLength(tier1.length);
    expect(
      settled.every((i) => (applied ? /not created again/ : /created now/).test(i.reason)),
    ).toBe(true);

    // Settled for good: a third run neither looks up nor creates anything.
    portal.clear();
    await sync();
    expect(portal.count('search', 'tasks')).toBe(0);
    expect(portal.count('create', 'tasks')).toBe(0);
    expect(keysOf(portal)).toEqual(tier1.map((o) => o.id).sort());
  });
});
