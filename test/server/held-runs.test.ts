/**
 * A run the mass-change guard held: the console shows its figures and a "Confirm and run" button
 * that starts the same connection again with the mass change allowed; the API takes
 * `allowMassChange` too. Only the latest run of a connection, and only a held one, is confirmed.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/db.js';
import { finishRun, startRun } from '../../src/store/runs.js';
import { API_TOKEN } from './crm-requests.js';
import { seededStore, testDeps, type TestDeps } from './seed.js';

let store: Store;
let deps: TestDeps;
let app: ReturnType<typeof createApp>;
let held: number;
const bearer = { Authorization: `Bearer ${API_TOKEN}` };
const form = (path: string) =>
  request(app)
    .post(path)
    .set(bearer)
    .set('Origin', 'http://console.test')
    .set('Host', 'console.test')
    .type('form')
    .send({});

async function run(connection: string, status: 'held' | 'succeeded'): Promise<number> {
  const id = await startRun(store, {
    connection,
    connector: 'salesforce',
    asOf: '2026-03-02',
    dryRun: false,
  });
  await finishRun(store, id, {
    status,
    stats:
      status === 'held'
        ? { massChange: { what: 'accounts', before: 40, gone: 31, threshold: 0.2 } }
        : {},
    ...(status === 'held'
      ? { error: 'held before any write: 31 of 40 accounts (78%) would disappear' }
      : {}),
  });
  return id;
}

beforeAll(async () => {
  store = await seededStore();
  deps = testDeps(store, { apiToken: API_TOKEN });
  app = createApp(deps);
  held = await run('salesforce-prod', 'held');
});
afterAll(() => store.close());

describe('held runs', () => {
  it('shows the figures and the confirm button on the runs page and the run page', async () => {
    for (const path of ['/runs', `/runs/${held}`]) {
      const res = await request(app).get(path).set(bearer).set('Accept', 'text/html');
      expect(res.text).toContain(`action="/runs/${held}/confirm"`);
      expect(res.text).toContain('31 of 40');
      expect(res.text).toContain('Confirm and run');
    }
  });

  it('confirms: the same connection runs again with the mass change allowed', async () => {
    const res = await form(`/runs/${held}/confirm`);
    expect(res.status).toBe(303);
    expect(deps.started.at(-1)).toEqual({
      connection: 'salesforce-prod',
      dryRun: false,
      allowMassChange: true,
    });
  });

  it('refuses to confirm a run that is not held, or not the latest of its connection', async () => {
    const ok = await run('hubspot-main', 'succeeded');
    expect((await form(`/runs/${ok}/confirm`)).status).toBe(409);
    const old = await run('hubspot-main', 'held');
    await run('hubspot-main', 'succeeded');
    expect((await form(`/runs/${old}/confirm`)).status).toBe(409);
    expect((await form('/runs/999999/confirm')).status).toBe(404);
  });

  it('takes allowMassChange on POST /api/runs', async () => {
    const res = await request(app)
      .post('/api/runs')
      .set(bearer)
      .send({ connection: 'files', allowMassChange: true });
    expect(res.status).toBe(202);
    expect(deps.started.at(-1)).toEqual({
      connection: 'files',
      dryRun: false,
      allowMassChange: true,
    });
  });
});
