import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/db.js';
import { listOpportunities, saveOpportunities } from '../../src/store/opportunities.js';
import { API_TOKEN } from './crm-requests.js';
import { seededStore, testDeps, type TestDeps } from './seed.js';
import { oppId } from './seed-data.js';

const ADD_ON = oppId('files:acct-1', 'add_on');

let store: Store;
let deps: TestDeps;
let app: ReturnType<typeof createApp>;
const auth = { Authorization: `Bearer ${API_TOKEN}` };
const get = (path: string) => request(app).get(path).set(auth);
const post = (path: string, body?: object) => request(app).post(path).set(auth).send(body);
const put = (path: string, body: object | string, type = 'application/json') =>
  request(app).put(path).set(auth).type(type).send(body);

beforeAll(async () => {
  store = await seededStore();
  deps = testDeps(store, { apiToken: API_TOKEN });
  app = createApp(deps);
});
afterAll(() => store.close());

/** Every error answers one shape. */
function expectError(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe('auth', () => {
  it('refuses the API without a token, or with a wrong one', async () => {
    expectError(await request(app).get('/api/accounts'), 401, 'unauthorized');
    expectError(
      await request(app).get('/api/accounts').set('Authorization', 'Bearer wrong-token-0123456789'),
      401,
      'unauthorized',
    );
  });
});

describe('GET /api/accounts', () => {
  it('lists every scored account, best first, with its owner', async () => {
    const res = await get('/api/accounts');
    expect(res.status).toBe(200);
    expect(res.body.accounts).toHaveLength(5);
    expect(res.body.accounts[0]).toMatchObject({ bestScore: 8.6, owner: { name: 'Dana Ruiz' } });
  });

  it('filters by tier, health, owner and readiness', async () => {
    const ids = async (q: string) =>
      (await get(`/api/accounts?${q}`)).body.accounts.map(
        (a: { accountId: string }) => a.accountId,
      );
    expect(await ids('tier=1&connection=files')).toEqual(['files:acct-1']);
    expect(await ids('health=red')).toEqual(['files:acct-3']);
    expect(await ids('readiness=needs_nurturing')).toEqual(['files:acct-2']);
    expect(await ids('owner=DANA.RUIZ@vendor.example&connection=files')).toHaveLength(3);
    expect(await ids('owner=nobody')).toEqual([]);
  });

  it('refuses an invalid filter with the parameter named', async () => {
    const res = await get('/api/accounts?tier=9');
    expectError(res, 400, 'invalid_request');
    expect(res.body.error.message).toContain('tier');
    expectError(await get('/api/accounts?colour=blue'), 400, 'invalid_request');
  });
});

describe('GET /api/accounts/:id', () => {
  it('answers the account with opportunities, evidence, score history and narratives', async () => {
    const res = await get('/api/accounts/files:acct-1');
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ id: 'files:acct-1', name: 'Northwind Logistics' });
    const [seats] = res.body.opportunities;
    expect(seats.type).toBe('seat_expansion');
    expect(seats.evidence[0].text).toContain('88%');
    expect(seats.scoreHistory.map((h: { cause: string }) => h.cause)).toEqual(['new', 'settings']);
    expect(res.body.narratives.qbrAgenda.sections[0].title).toMatch(/value/i);
    expect(res.body.narratives.outreach.length).toBeGreaterThan(0);
  });

  it('includes the champion plan and the unlock plan of a red account whose champion left', async () => {
    const res = await get('/api/accounts/files:acct-3');
    expect(
      res.body.narratives.championPlans.map((p: { contactName: string }) => p.contactName),
    ).toEqual(['Elena Park']);
    expect(res.body.narratives.unlock.items.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown account', async () => {
    expectError(await get('/api/accounts/files:nope'), 404, 'not_found');
  });
});

describe('opportunities', () => {
  it('filters by connection, tier, status and type', async () => {
    const tier1 = await get('/api/opportunities?tier=1&connection=files');
    expect(tier1.body.opportunities.map((o: { id: string }) => o.id)).toEqual([
      oppId('files:acct-1', 'seat_expansion'),
    ]);
    const dismissed = await get('/api/opportunities?status=dismissed');
    expect(dismissed.body.opportunities).toMatchObject([
      { id: oppId('files:acct-2', 'tier_upgrade'), statusReason: 'budget frozen until Q3' },
    ]);
    expectError(await get('/api/opportunities?type=bogus'), 400, 'invalid_request');
  });

  it('dismisses with a reason, and the next sync keeps it dismissed', async () => {
    expectError(await post(`/api/opportunities/${ADD_ON}/dismiss`, {}), 400, 'invalid_request');
    const res = await post(`/api/opportunities/${ADD_ON}/dismiss`, {
      reason: 'Already evaluating a BI tool',
    });
    expect(res.status).toBe(200);
    expect(res.body.opportunity).toMatchObject({
      status: 'dismissed',
      statusReason: 'Already evaluating a BI tool',
    });
    // The sync detects it again and saves it: the person's decision stands.
    const [row] = await listOpportunities(store, {
      connection: 'files',
      accountId: 'files:acct-1',
      status: 'dismissed',
    });
    await saveOpportunities(store, 'files', '2026-03-09', [
      { opportunity: row!.data, contentHash: 'c2', dataHash: 'd2', settingsVersion: 's2' },
    ]);
    const again = await get('/api/opportunities?status=dismissed&accountId=files:acct-1');
    expect(again.body.opportunities).toMatchObject([{ id: ADD_ON, lastSeen: '2026-03-09' }]);
    expectError(await post(`/api/opportunities/${ADD_ON}/accept`), 409, 'conflict');
  });

  it('accepts an open opportunity, and 404s an unknown one', async () => {
    const res = await post(
      `/api/opportunities/${oppId('hubspot-main:9876543210', 'seat_expansion')}/accept`,
      { note: 'on it' },
    );
    expect(res.body.opportunity.status).toBe('accepted');
    expectError(await post('/api/opportunities/nope/accept'), 404, 'not_found');
  });
});

describe('runs', () => {
  it('lists runs and pages a run’s issues', async () => {
    const runs = (await get('/api/runs?connection=files')).body.runs;
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['succeeded', 'succeeded']);
    const first = runs[1].id;
    const issues = await get(`/api/runs/${first}/issues`);
    expect(issues.body).toMatchObject({
      total: 1,
      issues: [{ row: 11, field: 'arr', value: 'lots', reason: 'not a currency amount' }],
    });
    expect((await get(`/api/runs/${first}`)).body.run.connection).toBe('files');
    expectError(await get('/api/runs/9999/issues'), 404, 'not_found');
    expectError(await get('/api/runs/abc'), 400, 'invalid_request');
  });

  it('starts a sync through the injected runner', async () => {
    const res = await post('/api/runs', { connection: 'files', dryRun: true });
    expect(res.status).toBe(202);
    expect(res.body.runId).toBe('101');
    expect(deps.started).toEqual([{ connection: 'files', dryRun: true }]);
    expectError(await post('/api/runs', { connection: 'nope' }), 404, 'not_found');
    expectError(
      await post('/api/runs', { connection: 'files', dryRun: 'yes' }),
      400,
      'invalid_request',
    );
  });
});

describe('mappings', () => {
  const original = readFileSync('mappings/files.yaml', 'utf8');

  it('reads the connection’s mapping', async () => {
    const res = await get('/api/mappings/files');
    expect(res.body).toMatchObject({ connection: 'files', connector: 'files', version: null });
    expect(res.body.text).toBe(original);
    expectError(await get('/api/mappings/nope'), 404, 'not_found');
  });

  it('refuses an invalid mapping with the key path and a suggestion, and saves nothing', async () => {
    const bad = original.replace('      arr: { field: arr', '      arrr: { field: arr');
    const res = await put('/api/mappings/files', { text: bad });
    expectError(res, 422, 'invalid_config');
    expect(res.body.error.details).toContainEqual({
      path: 'objects.account.fields.arrr',
      message: expect.stringContaining('"arr"'),
    });
    expect(readFileSync(`${deps.mappingsDir}/files.yaml`, 'utf8')).toBe(original);
    const wrong = await put('/api/mappings/files', {
      text: original.replace('connector: files', 'connector: hubspot'),
    });
    expectError(wrong, 422, 'invalid_config');
  });

  it('saves a valid mapping as a new version (JSON or YAML body)', async () => {
    const edited = original.replace('region: region', 'region: sales_region');
    expect((await put('/api/mappings/files', { text: edited })).body.version).toBe(1);
    expect((await put('/api/mappings/files', edited, 'application/yaml')).body.version).toBe(2);
    expect(readFileSync(`${deps.mappingsDir}/files.yaml`, 'utf8')).toBe(edited);
    expect((await get('/api/mappings/files')).body.version).toMatchObject({
      version: 2,
      savedBy: 'bearer',
    });
  });

  it('previews a mapping on sample records: neutral records and the issue of a bad value', async () => {
    const res = await post('/api/mappings/files/preview', { text: original, n: 2 });
    expect(res.status).toBe(200);
    expect(res.body.records.account).toMatchObject([{ id: 'files:acct-1', arr: 120000 }]);
    expect(res.body.issues).toContainEqual(
      expect.objectContaining({ recordId: 'acct-2', field: 'arr', value: 'lots' }),
    );
    expectError(
      await post('/api/mappings/files/preview', { text: 'connector: [' }),
      422,
      'invalid_config',
    );
    expectError(await post('/api/mappings/files/preview', { n: 500 }), 400, 'invalid_request');
  });
});

describe('catalog and settings', () => {
  it('reads the catalog and refuses an invalid one', async () => {
    const res = await get('/api/catalog');
    expect(res.body.catalog.tiers.map((t: { key: string }) => t.key)).toEqual([
      'starter',
      'professional',
      'enterprise',
    ]);
    const bad = res.body.text.replace('seatPrice: 300', 'seatPrice: -3');
    const refused = await put('/api/catalog', { text: bad });
    expectError(refused, 422, 'invalid_config');
    expect(refused.body.error.details[0].path).toBe('tiers.0.seatPrice');
    expect(
      (
        await put('/api/catalog', {
          text: res.body.text.replace('seatPrice: 300', 'seatPrice: 320'),
        })
      ).body.version,
    ).toBe(1);
    expect((await get('/api/catalog')).body.catalog.tiers[0].seatPrice).toBe(320);
  });

  it('reads default scoring settings, refuses unknown keys, saves valid ones', async () => {
    const res = await get('/api/settings');
    expect(res.body).toMatchObject({
      text: '',
      settings: { usage: { seatThreshold: 0.8 } },
      version: null,
    });
    expectError(
      await put('/api/settings', { text: 'usage: { seatTreshold: 0.7 }' }),
      422,
      'invalid_config',
    );
    expect((await put('/api/settings', { text: 'usage:\n  seatThreshold: 0.75\n' })).status).toBe(
      200,
    );
    expect((await get('/api/settings')).body.settings.usage.seatThreshold).toBe(0.75);
  });
});

describe('connections', () => {
  it('lists connections and discovers fields', async () => {
    expect((await get('/api/connections')).body.connections).toHaveLength(3);
    const res = await get('/api/connections/salesforce-prod/fields/Account');
    expect(res.body.fields.map((f: { name: string }) => f.name)).toEqual(['Id', 'ARR__c']);
    expectError(await get('/api/connections/nope/fields/Account'), 404, 'not_found');
  });
});

describe('request bodies', () => {
  it('refuses malformed JSON and bodies over the size limit', async () => {
    expectError(
      await put('/api/mappings/files', '{"text":', 'application/json'),
      400,
      'invalid_json',
    );
    expectError(
      await put('/api/mappings/files', { text: 'x'.repeat(1_100_000) }),
      413,
      'payload_too_large',
    );
  });

  it('answers unknown API paths with the same error shape', async () => {
    expectError(await get('/api/nothing-here'), 404, 'not_found');
  });
});
