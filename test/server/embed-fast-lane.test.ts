/**
 * The embed fast lane (embed-fast-lane.ts) answers record-page loads ahead of Express; it must
 * answer exactly as the Express route does, and leave everything else to it.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createRequestListener } from '../../src/server/app.js';
import { signEmbedLink } from '../../src/server/signatures.js';
import type { Store } from '../../src/store/db.js';
import { API_TOKEN, EMBED_SECRET } from './crm-requests.js';
import { seededStore, testDeps } from './seed.js';

let store: Store;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(() => store.close());

// A fixed public URL: supertest serves each request on a new port, and the page links to it.
const config = {
  apiToken: API_TOKEN,
  embedSecret: EMBED_SECRET,
  publicBaseUrl: 'https://headroom.example.com',
};

/** A listener (fast lane in front) with its log lines and metrics at hand. */
function listener() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const metrics = new Registry();
  const deps = { ...testDeps(store, config), log: pino({ level: 'info' }, sink), metrics };
  return { handler: createRequestListener(deps), lines, metrics };
}

/** Headers that say when and over which socket, not what was answered. */
const comparable = (headers: Record<string, string>) => {
  const { date: _d, connection: _c, 'keep-alive': _k, ...rest } = headers;
  return rest;
};

describe('embed fast lane', () => {
  it('answers a signed link exactly as the Express route does, on a miss and on a hit', async () => {
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    const viaExpress = await request(createApp(testDeps(store, config))).get(link);
    const { handler } = listener();
    const miss = await request(handler).get(link);
    const hit = await request(handler).get(link);
    for (const res of [miss, hit]) {
      expect(res.status).toBe(200);
      expect(res.text).toBe(viaExpress.text);
      expect(comparable(res.headers)).toEqual(comparable(viaExpress.headers));
    }
    expect(viaExpress.headers['content-security-policy']).toContain('frame-ancestors');
  });

  it('answers 304 to a browser that holds the page (If-None-Match)', async () => {
    const { handler } = listener();
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    const first = await request(handler).get(link);
    const again = await request(handler).get(link).set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    const changed = await request(handler).get(link).set('If-None-Match', 'W/"other"');
    expect(changed.status).toBe(200);
  });

  it('leaves refused, unknown and odd requests to Express and its error shape', async () => {
    const { handler } = listener();
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    const tampered = await request(handler).get(link.replace(/sig=.{4}/, 'sig=AAAA'));
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ error: { code: 'bad_signature' } });
    const doubled = await request(handler).get(`${link}&sig=${link.split('sig=')[1]}`);
    expect(doubled.status).toBe(401);
    const unknown = await request(handler).get(signEmbedLink(EMBED_SECRET, 'files:nobody'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
    const head = await request(handler).head(link);
    expect(head.status).toBe(200);
    const api = await request(handler).get('/api/accounts');
    expect(api.status).toBe(401);
  });

  it('serves a signed link next to a garbled cookie, and keeps serving', async () => {
    // The cookie is not valid percent-encoding: reading it threw, inside the HTTP server's
    // request listener, where nothing catches (the process went down).
    const { handler } = listener();
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    const odd = await request(handler).get(link).set('Cookie', 'headroom_session=%E0%A4%A');
    expect(odd.status).toBe(200);
    expect((await request(handler).get(link)).status).toBe(200);
  });

  it('records the route metric and a log line without the link signature', async () => {
    const { handler, lines, metrics } = listener();
    const link = signEmbedLink(EMBED_SECRET, 'files:acct-1');
    await request(handler).get(link);
    await request(handler).get(link);
    const served = lines.filter(
      (l) => l.msg === 'request' && l.path === '/embed/accounts/files%3Aacct-1',
    );
    expect(served).toHaveLength(2);
    expect(served[0]).toMatchObject({ method: 'GET', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('sig=');
    const text = await metrics.getSingleMetricAsString('headroom_http_request_duration_seconds');
    expect(text).toContain(
      'headroom_http_request_duration_seconds_count{method="GET",route="/embed/accounts/:id",status="200"} 2',
    );
  });
});
