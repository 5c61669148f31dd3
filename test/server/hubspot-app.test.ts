/**
 * The HubSpot app card's endpoints as `hubspot.fetch` reaches them: HubSpot appends portalId,
 * userId, userEmail and appId to the URL and v3-signs method + URI + body + timestamp.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener } from '../../src/server/app.js';
import type { Store } from '../../src/store/db.js';
import { opportunityStates } from '../../src/store/opportunities.js';
import { EMBED_SECRET, HUBSPOT_SECRET, hubspotFetchHeaders } from './crm-requests.js';
import { oppId } from './seed-data.js';
import { seededStore, testDeps } from './seed.js';

const PUBLIC = 'https://headroom.example.com';
const PROXY = 'portalId=62515&userId=4242&userEmail=ae%40vendor.example&appId=31337';
const COMPANY = '9876543210';
const SEAT = oppId(`hubspot-main:${COMPANY}`, 'seat_expansion');
let store: Store;
let app: ReturnType<typeof createRequestListener>;

beforeAll(async () => {
  store = await seededStore();
  const deps = testDeps(store, {
    hubspotClientSecret: HUBSPOT_SECRET,
    embedSecret: EMBED_SECRET,
    apiToken: 'test-api-token-0123456789',
    publicBaseUrl: PUBLIC,
  });
  // A second portal with its own connection: the same company id there is another company.
  deps.connections.push({ name: 'hubspot-eu', connector: 'hubspot', hubspotPortalId: '77777' });
  app = createRequestListener(deps);
});
afterAll(() => store.close());

const get = (path: string, o: { ageMs?: number; secret?: string; signed?: string } = {}) =>
  request(app)
    .get(path)
    .set(hubspotFetchHeaders('GET', `${PUBLIC}${o.signed ?? path}`, '', o));
const post = (path: string, body: object, signedBody = JSON.stringify(body)) =>
  request(app)
    .post(path)
    .set(hubspotFetchHeaders('POST', `${PUBLIC}${path}`, signedBody))
    .send(JSON.stringify(body));
const company = (id = COMPANY, proxy = PROXY) => `/hubspot/app-card/companies/${id}?${proxy}`;

describe('GET /hubspot/app-card/companies/:id', () => {
  it('answers the shared card view model for a verified request from the portal', async () => {
    const res = await get(company());
    expect(res.status).toBe(200);
    expect(res.body.card).toMatchObject({
      accountId: `hubspot-main:${COMPANY}`,
      name: 'Northwind Logistics',
      score: '8.6',
      tierLabel: 'Tier 1 · Pursue immediately',
      health: { light: 'green', label: 'Healthy' },
      readiness: { value: 'ready_now', label: 'Ready now' },
      link: `${PUBLIC}/accounts/hubspot-main%3A${COMPANY}`,
      nextAction: { text: 'Week 1: share the utilization trend with Priya Shah.' },
    });
    expect(res.body.card.opportunities[0]).toMatchObject({
      id: SEAT,
      typeLabel: 'Seat Expansion',
      estimatedArrText: '$21,600',
      deadline: '2026-04-15',
      topEvidence: 'Seat utilization has been 88% or higher for 5 weeks (181 of 200 seats).',
      actions: ['accept', 'dismiss'],
    });
    expect(res.body.focus).toBeUndefined();
  });

  it('refuses a bad signature, another URL’s signature and missing headers with 401', async () => {
    const wrong = await get(company(), { secret: 'some-other-client-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad_signature');
    const other = await get(company(), { signed: company('111') });
    expect(other.body.error.code).toBe('bad_signature');
    const none = await request(app).get(company());
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
  });

  it('refuses a timestamp older than five minutes', async () => {
    const res = await get(company(), { ageMs: 5 * 60_000 + 1_000 });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('stale_request');
    expect((await get(company(), { ageMs: 4 * 60_000 })).status).toBe(200);
  });

  it('refuses a portal no connection is configured for, and keeps portals apart', async () => {
    const stranger = await get(company(COMPANY, PROXY.replace('62515', '11111')));
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toMatchObject({ code: 'wrong_portal' });
    expect(stranger.body.error.message).toContain('11111');
    const noPortal = await get(company(COMPANY, 'userId=4242&appId=31337'));
    expect(noPortal.status).toBe(403);
    // Portal 77777 has its own connection, which has never seen company 9876543210.
    const eu = await get(company(COMPANY, PROXY.replace('62515', '77777')));
    expect(eu.status).toBe(404);
  });

  it('answers 404 for a company Headroom has not synced', async () => {
    const res = await get(company('555000111'));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('555000111');
  });
});

describe('deal cards and accept / dismiss', () => {
  const opp = (id: string, action = '') =>
    `/hubspot/app-card/opportunities/${encodeURIComponent(id)}${action}?${PROXY}`;

  it('answers the account of an Expansion deal with its opportunity in focus', async () => {
    const res = await get(opp(SEAT));
    expect(res.status).toBe(200);
    expect(res.body.card.name).toBe('Northwind Logistics');
    expect(res.body.focus).toMatchObject({ id: SEAT, status: 'open', tier: 1 });
  });

  it('does not reach an opportunity of another connection', async () => {
    const files = oppId('files:acct-1', 'seat_expansion');
    expect((await get(opp(files))).status).toBe(404);
    expect((await post(opp(files, '/dismiss'), { reason: 'x' })).status).toBe(404);
  });

  it('refuses a dismissal without a reason, or with a body other than the one signed', async () => {
    const empty = await post(opp(SEAT, '/dismiss'), {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('reason');
    const tampered = await post(opp(SEAT, '/dismiss'), { reason: 'no budget' }, '{"reason":"x"}');
    expect(tampered.status).toBe(401);
    expect((await opportunityStates(store, 'hubspot-main')).get(SEAT)?.status).toBe('open');
  });

  it('accepts, then dismisses with a reason the next sync keeps', async () => {
    const accepted = await post(opp(SEAT, '/accept'), {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.focus).toMatchObject({ status: 'accepted', actions: ['dismiss'] });

    const res = await post(opp(SEAT, '/dismiss'), { reason: 'Seats bought through a reseller' });
    expect(res.status).toBe(200);
    expect(res.body.focus).toMatchObject({
      status: 'dismissed',
      statusReason: 'Seats bought through a reseller',
      actions: [],
    });
    expect(res.body.card.opportunities.map((o: { id: string }) => o.id)).not.toContain(SEAT);
    // What the sync reads before writing: a final status it never rewrites or reopens.
    expect((await opportunityStates(store, 'hubspot-main')).get(SEAT)?.status).toBe('dismissed');
    const { rows } = await store.query<{ status_changed_by: string }>(
      'SELECT status_changed_by FROM opportunities WHERE id = $1',
      [SEAT],
    );
    expect(rows[0]?.status_changed_by).toBe('hubspot:user 4242');
    // The company card shows the change at once (the view cache was told).
    expect((await get(company())).body.card.opportunities).toHaveLength(0);
  });
});
