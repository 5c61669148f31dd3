/**
 * A dismissal made on the HubSpot app card holds through the next sync: sync a fake portal (CRM
 * v3 wire format); add seats to a company in HubSpot and see which of its deals the next sync
 * rewrites; dismiss one of them on the company's card (signed endpoint) with a reason; undo the
 * change: the next sync rewrites the others again and leaves the dismissed deal alone.
 */
import { rmSync } from 'node:fs';
import nock from 'nock';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRequestListener } from '../../src/server/app.js';
import { opportunityStates } from '../../src/store/opportunities.js';
import { HUBSPOT_SECRET, hubspotFetchHeaders } from '../server/crm-requests.js';
import { testDeps } from '../server/seed.js';
import { fakePortal, HS_BASE, type FakePortal } from './fake-hubspot.js';
import { openHarness, type Harness } from './harness.js';
import { buildFacts, type Facts } from './portfolio.js';
import { renderHubspot } from './render-hubspot.js';

const MAPPING = 'test/fixtures/e2e/hubspot-full.yaml';
const PUBLIC = 'https://headroom.example.com';
const PROXY = 'portalId=62515&userId=4242&userEmail=ae%40vendor.example&appId=31337';
let facts: Facts;
let portal: FakePortal;
let h: Harness;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  vi.stubEnv('HUBSPOT_BASE_URL', HS_BASE);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-test-token');
  vi.stubEnv('HUBSPOT_RATE_LIMIT_PER_10S', '1000');
  vi.stubEnv('HUBSPOT_SEARCH_RATE_PER_SECOND', '100');
  facts = await buildFacts();
  portal = fakePortal(renderHubspot(facts, Date.now() - 3 * 86_400_000));
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
  if (facts) rmSync(facts.dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

const sync = () => h.sync({ connector: 'hubspot', connection: 'hubspot', mapping: MAPPING });

describe('dismissing on the HubSpot card', () => {
  it('is kept by the next sync: the dismissed deal is never rewritten', async () => {
    expect((await sync()).report.status).toBe('succeeded');
    const deps = testDeps(h.store, { hubspotClientSecret: HUBSPOT_SECRET, publicBaseUrl: PUBLIC });
    deps.connections = [{ name: 'hubspot', connector: 'hubspot', hubspotPortalId: '62515' }];
    const app = createRequestListener(deps);

    // Control: which of a company's deals does a seat change rewrite?
    const company = (portal.data.get('companies') ?? [])[0]!;
    const seats = String(company.properties.active_seats ?? '0');
    const setSeats = (n: string) => portal.edit('companies', company.id, { active_seats: n });
    const upserts = () =>
      portal.calls
        .filter((c) => c.kind === 'upsert')
        .flatMap((c) => c.inputs!)
        .map((i) => i.id);
    portal.clear();
    setSeats(String(Number(seats) + 3));
    expect((await sync()).report.status).toBe('succeeded');
    const rewritten = upserts();
    expect(rewritten.length).toBeGreaterThan(0);
    const target = rewritten[0]!;

    const path = `/hubspot/app-card/companies/${company.id}?${PROXY}`;
    const card = await request(app)
      .get(path)
      .set(hubspotFetchHeaders('GET', `${PUBLIC}${path}`));
    expect(card.status).toBe(200);
    expect(card.body.card.opportunities.map((o: { id: string }) => o.id)).toContain(target);
    const dismiss = `/hubspot/app-card/opportunities/${encodeURIComponent(target)}/dismiss?${PROXY}`;
    const body = JSON.stringify({ reason: 'Customer is consolidating vendors this year' });
    const res = await request(app)
      .post(dismiss)
      .set(hubspotFetchHeaders('POST', `${PUBLIC}${dismiss}`, body))
      .send(body);
    expect(res.status).toBe(200);

    // Undo the change: every deal it rewrote is due again, but the dismissed one is left alone.
    portal.clear();
    setSeats(seats);
    expect((await sync()).report.status).toBe('succeeded');
    expect(upserts()).not.toContain(target);
    expect(upserts()).toEqual(rewritten.filter((id) => id !== target));
    expect((await opportunityStates(h.store, 'hubspot')).get(target)?.status).toBe('dismissed');
  });
});
