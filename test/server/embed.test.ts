import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener } from '../../src/server/app.js';
import { signEmbedLink } from '../../src/server/signatures.js';
import type { Store } from '../../src/store/db.js';
import { setOpportunityStatus } from '../../src/store/opportunities.js';
import { finishRun, startRun } from '../../src/store/runs.js';
import {
  API_TOKEN,
  canvasEnvelope,
  canvasRequest,
  CONSUMER_SECRET,
  EMBED_SECRET,
  HUBSPOT_SECRET,
} from './crm-requests.js';
import { oppId } from './seed-data.js';
import { seededStore, testDeps } from './seed.js';

const PUBLIC = 'https://headroom.example.com';
let store: Store;
// What the server runs: the embed fast lane in front of the Express app.
let app: ReturnType<typeof createRequestListener>;

beforeAll(async () => {
  store = await seededStore();
  app = createRequestListener(
    testDeps(store, {
      apiToken: API_TOKEN,
      embedSecret: EMBED_SECRET,
      canvasConsumerSecret: CONSUMER_SECRET,
      hubspotClientSecret: HUBSPOT_SECRET,
      publicBaseUrl: PUBLIC,
    }),
  );
});
afterAll(() => store.close());

function expectRefused(res: request.Response, code: string): void {
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ error: { code } });
}

describe('GET /embed/accounts/:id', () => {
  it('renders the compact account view through a signed link, frameable by the CRMs only', async () => {
    const res = await request(app).get(signEmbedLink(EMBED_SECRET, 'files:acct-1'));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Northwind Logistics');
    expect(res.text).toContain('Seat utilization has been 88% or higher for 5 weeks');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://*.lightning.force.com');
    expect(csp).toContain('https://*.hubspot.com');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('refuses no signature, a tampered one, another account’s and an expired one', async () => {
    expectRefused(await request(app).get('/embed/accounts/files:acct-1'), 'unauthorized');
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    expectRefused(await request(app).get(link.replace(/sig=.{4}/, 'sig=AAAA')), 'bad_signature');
    expectRefused(
      await request(app).get(link.replace('files%3Aacct-1', 'files%3Aacct-2')),
      'bad_signature',
    );
    const expired = signEmbedLink(EMBED_SECRET, 'files:acct-1', 60, Date.now() - 120_000);
    expectRefused(await request(app).get(expired), 'link_expired');
  });

  it('escapes a CRM name holding markup', async () => {
    const res = await request(app).get(signEmbedLink(EMBED_SECRET, 'files:acct-2'));
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<b>Co</b>');
    expect(res.text).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;',
    );
  });

  it('lets a signed-in console user open it without a link', async () => {
    const res = await request(app)
      .get('/embed/accounts/files:acct-1')
      .set('Authorization', `Bearer ${API_TOKEN}`);
    expect(res.status).toBe(200);
  });
});

describe('POST /salesforce/canvas', () => {
  const post = (signed?: string) =>
    request(app)
      .post('/salesforce/canvas')
      .type('form')
      .send(signed === undefined ? {} : { signed_request: signed });

  it('renders the account of the record in a verified signed request', async () => {
    const res = await post(
      canvasRequest(canvasEnvelope({ attributes: { type: 'Account' }, Id: '001Hs00000AbCdEIAZ' })),
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('Northwind Logistics');
    expect(res.text).toContain(`${PUBLIC}/accounts/salesforce-prod%3A001Hs00000AbCdEIAZ`);
    expect(res.headers['content-security-policy']).toContain('https://*.force.com');
  });

  it('follows a non-account record to its account', async () => {
    const record = {
      attributes: { type: 'Opportunity' },
      Id: '006Hs00000XyZ1AAA',
      AccountId: '001Hs00000AbCdEIAZ',
    };
    expect((await post(canvasRequest(canvasEnvelope(record)))).status).toBe(200);
  });

  it('refuses a request signed with another secret, or none, with 401', async () => {
    const envelope = canvasEnvelope({ attributes: { type: 'Account' }, Id: '001Hs00000AbCdEIAZ' });
    expectRefused(
      await post(canvasRequest(envelope, 'some-other-consumer-secret')),
      'bad_signature',
    );
    expectRefused(await post(), 'unauthorized');
  });

  it('answers 404 for a record Headroom has not scored', async () => {
    const res = await post(
      canvasRequest(canvasEnvelope({ attributes: { type: 'Account' }, Id: '001Hs00000ZZZZZZZZ' })),
    );
    expect(res.status).toBe(404);
  });
});

describe('console framing', () => {
  it('forbids framing the console', async () => {
    const res = await request(app).get('/').set('Authorization', `Bearer ${API_TOKEN}`);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

// Last: these change the seeded data the tests above read.
describe('embedded view cache', () => {
  const title = 'Northwind Logistics: seat expansion';

  it('shows a dismissal made through this server at once', async () => {
    const app = createRequestListener(
      testDeps(store, { apiToken: API_TOKEN, embedSecret: EMBED_SECRET }),
    );
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    expect((await request(app).get(link)).text).toContain(title);
    await request(app)
      .post(`/api/opportunities/${oppId('files:acct-1', 'seat_expansion')}/dismiss`)
      .set('Authorization', `Bearer ${API_TOKEN}`)
      .send({ reason: 'Seats bought through a reseller' });
    expect((await request(app).get(link)).text).not.toContain(title);
  });

  it('shows a change made by another process once a sync run is recorded', async () => {
    const app = createRequestListener({
      ...testDeps(store, { embedSecret: EMBED_SECRET }),
      viewCacheMs: 0,
    });
    const link = signEmbedLink(EMBED_SECRET, 'salesforce-prod:001Hs00000AbCdEIAZ');
    expect((await request(app).get(link)).text).toContain(title);
    // Another process (a CLI sync on the same database) changes the data and records its run.
    await setOpportunityStatus(
      store,
      'salesforce-prod',
      oppId('salesforce-prod:001Hs00000AbCdEIAZ', 'seat_expansion'),
      {
        status: 'won',
        by: 'crm',
      },
    );
    expect((await request(app).get(link)).text).toContain(title);
    const run = await startRun(store, {
      connection: 'salesforce-prod',
      connector: 'salesforce',
      asOf: '2026-03-03',
      dryRun: false,
    });
    await finishRun(store, run, { status: 'succeeded', stats: {} });
    expect((await request(app).get(link)).text).not.toContain(title);
  });
});
