/**
 * The responses the HubSpot card's tests render (test/fixtures/hubspot-app/) are the server's
 * real answers: this suite asks the server for each and compares. After a deliberate change to
 * the card view model, rewrite them with `HEADROOM_UPDATE_FIXTURES=1 npx vitest run
 * test/server/hubspot-app-fixtures.test.ts` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardResponseSchema } from '../../connectors/hubspot/app/src/app/cards/card-schema.ts';
import type { OpportunityType } from '../../src/model/index.js';
import { createRequestListener } from '../../src/server/app.js';
import type { Store } from '../../src/store/db.js';
import { openStore } from '../../src/store/open.js';
import { HUBSPOT_SECRET, hubspotFetchHeaders } from './crm-requests.js';
import { account, oppId, opportunity, summary } from './seed-data.js';
import { seedConnection, testDeps } from './seed.js';

const DIR = 'test/fixtures/hubspot-app';
const PUBLIC = 'https://headroom.example.com';
const PROXY = 'portalId=62515&userId=4242&userEmail=ae%40vendor.example&appId=31337';
const update = process.env.HEADROOM_UPDATE_FIXTURES === '1';
let store: Store;
let app: ReturnType<typeof createRequestListener>;

const KESTREL: [OpportunityType, number, number][] = [
  ['seat_expansion', 1, 8.4],
  ['add_on', 2, 7.1],
  ['tier_upgrade', 2, 6.3],
  ['new_department', 3, 5.2],
  ['usage_expansion', 3, 4.8],
  ['professional_services', 4, 3.1],
  ['support_upgrade', 4, 2.6],
];

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  const kestrel = account('hubspot-main', '4410001', 'Kestrel Freight', { health: 'green' });
  const ko = KESTREL.map(([t, tier, s]) => opportunity(kestrel, t, tier, s));
  const osprey = account('hubspot-main', '4410002', 'Osprey Clinics', { health: 'red' });
  const oo = [opportunity(osprey, 'stabilization', 4, 3.4)];
  await seedConnection(
    store,
    'hubspot-main',
    [kestrel, osprey],
    [...ko, ...oo],
    [
      summary(kestrel, 'green', ko, ['just_renewed']),
      summary(osprey, 'red', oo, ['champion_left', 'at_risk']),
    ],
  );
  app = createRequestListener(
    testDeps(store, { hubspotClientSecret: HUBSPOT_SECRET, publicBaseUrl: PUBLIC }),
  );
});
afterAll(() => store?.close());

async function matches(name: string, path: string, body?: object): Promise<void> {
  const url = `${path}?${PROXY}`;
  const text = body ? JSON.stringify(body) : '';
  const headers = hubspotFetchHeaders(body ? 'POST' : 'GET', `${PUBLIC}${url}`, text);
  const res = body
    ? await request(app).post(url).set(headers).send(text)
    : await request(app).get(url).set(headers);
  const answer = { status: res.status, body: res.body as unknown };
  const file = join(DIR, `${name}.json`);
  if (update) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(answer, null, 2)}\n`);
  }
  expect(existsSync(file), `${file} is missing: run with HEADROOM_UPDATE_FIXTURES=1`).toBe(true);
  expect(answer).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  if (res.status === 200) expect(CardResponseSchema.safeParse(res.body).success).toBe(true);
}

describe('HubSpot card fixtures are the server’s answers', () => {
  const kestrelSeat = oppId('hubspot-main:4410001', 'seat_expansion');
  it('a company with seven opportunities', () =>
    matches('company', '/hubspot/app-card/companies/4410001'));
  it('a red company', () => matches('company-red', '/hubspot/app-card/companies/4410002'));
  it('a company Headroom has not synced', () =>
    matches('not-found', '/hubspot/app-card/companies/4410999'));
  it('an Expansion deal', () =>
    matches('deal', `/hubspot/app-card/opportunities/${encodeURIComponent(kestrelSeat)}`));
  it('the answer to an acceptance', () =>
    matches(
      'accepted',
      `/hubspot/app-card/opportunities/${encodeURIComponent(oppId('hubspot-main:4410001', 'add_on'))}/accept`,
      {},
    ));
  it('the answer to a dismissal', () =>
    matches(
      'dismissed',
      `/hubspot/app-card/opportunities/${encodeURIComponent(kestrelSeat)}/dismiss`,
      {
        reason: 'Seats bought through a reseller',
      },
    ));
});
