import request from 'supertest';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { principal } from '../../src/server/auth.js';
import type { Store } from '../../src/store/db.js';
import { API_TOKEN } from './crm-requests.js';
import { seededStore, testDeps, type TestDeps } from './seed.js';
import { oppId } from './seed-data.js';

let store: Store;
let deps: TestDeps;
let app: ReturnType<typeof createApp>;
let cookie: string;
const page = (path: string) =>
  request(app).get(path).set('Cookie', cookie).set('Accept', 'text/html');
/** A console form post, from the console's own origin (the CSRF check compares it with Host). */
const form = (path: string, body: Record<string, string>) =>
  request(app)
    .post(path)
    .set('Cookie', cookie)
    .set('Origin', 'http://console.test')
    .set('Host', 'console.test')
    .type('form')
    .send(body);

beforeAll(async () => {
  store = await seededStore();
  deps = testDeps(store, { apiToken: API_TOKEN });
  app = createApp(deps);
});
afterAll(() => store.close());

describe('sign-in', () => {
  it('sends a browser without a session to the login form', async () => {
    const res = await request(app).get('/accounts?tier=1').set('Accept', 'text/html');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Faccounts%3Ftier%3D1');
  });

  it('refuses a wrong token and sets an HttpOnly, SameSite cookie for the right one', async () => {
    const wrong = await request(app).post('/login').type('form').send({ token: 'nope', next: '/' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('That token is not valid');
    const ok = await request(app)
      .post('/login')
      .type('form')
      .send({ token: API_TOKEN, next: 'https://evil.example/' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/');
    const set = String(ok.headers['set-cookie']);
    expect(set).toMatch(
      /headroom_session=.+; Max-Age=\d+; Path=\/; Expires=.+; HttpOnly; SameSite=Strict/,
    );
    cookie = set.split(';')[0]!;
    expect((await page('/')).status).toBe(200);
  });

  it('refuses a cookie-authenticated post from another site (CSRF)', async () => {
    const res = await request(app)
      .post('/runs')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ connection: 'files' });
    expect(res.status).toBe(403);
    expect(deps.started).toEqual([]);
  });

  it('without a token, answers loopback clients only, never through a proxy', async () => {
    const open = createApp(testDeps(store, {}));
    expect((await request(open).get('/api/runs')).status).toBe(200);
    const proxied = await request(open).get('/api/runs').set('X-Forwarded-For', '203.0.113.9');
    expect(proxied.status).toBe(403);
    const remote = {
      socket: { remoteAddress: '10.1.2.3' },
      headers: { host: 'localhost:3000' },
    } as unknown as Request;
    expect(principal(remote, undefined)).toBeUndefined();
    // DNS rebinding: a hostile name resolved to 127.0.0.1 reaches the socket with its own Host.
    expect((await request(open).get('/api/runs').set('Host', 'evil.example:3000')).status).toBe(
      403,
    );
    // A page on another site posting to the local console from this machine's browser.
    const csrf = await request(open)
      .post('/runs')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ connection: 'files' });
    expect(csrf.status).toBe(403);
  });
});

describe('pages', () => {
  it('renders the dashboard with pipeline tables and the NRR/GRR chart', async () => {
    const res = await page('/');
    expect(res.text).toContain('<svg');
    expect(res.text).toContain('NRR and GRR projection');
    expect(res.text).toMatch(/id="pipeline-by-tier"[\s\S]*Tier 1[\s\S]*\$21,600/);
    expect(res.text).toContain('Seat Expansion');
  });

  it('lists accounts with filters and escapes a name holding markup', async () => {
    const res = await page('/accounts?health=yellow');
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('Northwind');
    expect((await page('/accounts?tier=7')).status).toBe(400);
  });

  it('shows an account’s evidence, pitch, QBR agenda, outreach drafts and score history', async () => {
    const res = await page('/accounts/files:acct-1');
    expect(res.text).toContain(
      'Seat utilization has been 88% or higher for 5 weeks (181 of 200 seats).',
    );
    expect(res.text).toContain('Your team has been at 88% seat utilization');
    expect(res.text).toContain('id="qbr-agenda"');
    expect(res.text).toContain('id="outreach"');
    expect(res.text).toContain('The scoring settings changed; the data did not');
  });

  it('shows the champion plan and the unlock plan of a red account', async () => {
    const res = await page('/accounts/files:acct-3');
    expect(res.text).toContain('id="champion-plan"');
    expect(res.text).toContain('Elena Park left');
    expect(res.text).toContain('What would unlock expansion');
  });

  it('dismisses an opportunity from its form and shows the reason', async () => {
    const path = `/accounts/files:acct-1/opportunities/${oppId('files:acct-1', 'seat_expansion')}/dismiss`;
    const res = await form(path, { reason: 'Customer <em>froze</em> hiring' });
    expect(res.status).toBe(303);
    const after = await page('/accounts/files:acct-1');
    expect(after.text).toContain('data-status="dismissed"');
    expect(after.text).toContain('Customer &lt;em&gt;froze&lt;/em&gt; hiring');
  });

  it('previews a mapping with the issue of a bad value, refuses an invalid one, saves a valid one', async () => {
    const editor = await page('/mappings/files');
    const text = /<textarea[^>]*>([\s\S]*?)<\/textarea>/
      .exec(editor.text)![1]!
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const preview = await form('/mappings/files', { text, n: '2', action: 'preview' });
    expect(preview.text).toMatch(/Issues \(\d+\)[\s\S]*acct-2[\s\S]*&quot;lots&quot;/);
    const invalid = await form('/mappings/files', {
      text: text.replace('name: { field: name', 'nmae: { field: name'),
      action: 'save',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('objects.account.fields.nmae');
    const saved = await form('/mappings/files', { text, action: 'save' });
    expect(saved.text).toContain('Saved as version 1');
  });

  it('starts a sync and shows runs with their issues', async () => {
    const started = await form('/runs', { connection: 'files', dryRun: 'true' });
    expect(started.headers.location).toBe('/runs?started=101');
    expect(deps.started).toEqual([{ connection: 'files', dryRun: true }]);
    const runs = await page('/runs');
    expect(runs.text).toContain('id="runs"');
    // Newest first: the files connection's oldest run is the one that found the issue.
    const filesRuns = [...runs.text.matchAll(/href="\/runs\/(\d+)">#\d+<\/a><\/td>\s*<td>files</g)];
    const run = await page(`/runs/${filesRuns.at(-1)![1]}`);
    expect(run.text).toContain('not a currency amount');
  });

  it('answers an unknown page with an HTML error page', async () => {
    const res = await page('/no-such-page');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('operations', () => {
  it('answers /healthz and /readyz without a token', async () => {
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/readyz')).body).toEqual({ status: 'ready', store: 'pglite' });
  });

  it('answers 503 on /readyz when the store does not answer', async () => {
    const down = {
      ...store,
      query: () => Promise.reject(new Error('connection refused')),
    } as Store;
    const res = await request(createApp(testDeps(down, { apiToken: API_TOKEN }))).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('not_ready');
  });

  it('exposes Prometheus metrics to authenticated scrapers', async () => {
    expect((await request(app).get('/metrics')).status).toBe(401);
    await request(app).get('/api/runs').set('Authorization', `Bearer ${API_TOKEN}`);
    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${API_TOKEN}`);
    expect(res.text).toContain('headroom_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(
      /headroom_sync_runs_started_total\{connection="files",dry_run="true"\} 1/,
    );
    expect(res.text).toMatch(/headroom_http_errors_total\{code="unauthorized"\} \d+/);
    expect(res.text).toContain(
      'headroom_api_requests_total{method="GET",route="/api/runs",status="200"} 1',
    );
  });
});
