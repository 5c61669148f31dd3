/**
 * HubSpot connector at 10,000 companies against a local plain-http server speaking HubSpot's
 * list and batch-update wire format: a full pull, then a write-back of every company, with the
 * default budget (100 calls per rolling 10 s). Targets: ceil(N/100) calls each way, never more
 * than 100 calls in any 10 s window.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubspotConnector } from '../connectors/hubspot/index.js';
import type { Bench } from './types.js';

const N = 10_000;

async function body(
  req: IncomingMessage,
): Promise<{ inputs: { id: string; properties: object }[] }> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text) as { inputs: { id: string; properties: object }[] };
}

function startServer() {
  const times: number[] = [];
  const server = createServer((req, res) => {
    times.push(Date.now());
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && url.pathname === '/crm/v3/objects/companies') {
      const start = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      const results = Array.from({ length: Math.min(limit, N - start) }, (_, i) => {
        const id = String(100_000 + start + i);
        const at = new Date(Date.UTC(2026, 0, 1) + start + i).toISOString();
        return {
          id,
          properties: {
            hs_object_id: id,
            name: `Company ${id}`,
            arr: '12000',
            hs_lastmodifieddate: at,
          },
          createdAt: at,
          updatedAt: at,
          archived: false,
        };
      });
      const next = start + limit < N ? { paging: { next: { after: String(start + limit) } } } : {};
      return res.end(JSON.stringify({ results, ...next }));
    }
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/companies/batch/update') {
      return void body(req).then((b) => {
        const now = new Date().toISOString();
        const results = b.inputs.map((i) => ({
          id: i.id,
          properties: i.properties,
          createdAt: now,
          updatedAt: now,
          archived: false,
        }));
        res.end(JSON.stringify({ status: 'COMPLETE', results, startedAt: now, completedAt: now }));
      });
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ status: 'error', message: 'not found' }));
  });
  return new Promise<{ url: string; times: number[]; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        times,
        close: () => server.close(),
      }),
    ),
  );
}

function maxPerWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

const bench: Bench = {
  name: 'hubspot',
  description: `HubSpot: full pull + write-back of ${N} companies at 100 calls/10 s (target ${N / 100} calls each, <= 100 per 10 s window)`,
  async run() {
    const server = await startServer();
    try {
      const connector = await createHubspotConnector({
        connection: `bench-${Date.now()}`,
        options: { HUBSPOT_BASE_URL: server.url, HUBSPOT_ACCESS_TOKEN: 'pat-bench-token' },
      });
      const t0 = performance.now();
      let pulled = 0;
      for await (const page of connector.pull({ object: 'companies', fields: ['name', 'arr'] }))
        pulled += page.records.length;
      const pullSeconds = (performance.now() - t0) / 1000;
      const pullCalls = server.times.length;
      const records = Array.from({ length: N }, (_, i) => ({
        key: String(100_000 + i),
        fields: { headroom_score: 7.5, headroom_tier: 2 },
      }));
      const t1 = performance.now();
      const outcomes = await connector.write!({ object: 'companies', mode: 'update', records });
      const writeSeconds = (performance.now() - t1) / 1000;
      return {
        companies: N,
        pulledRecords: pulled,
        pullCalls,
        pullSeconds: Number(pullSeconds.toFixed(2)),
        writeCalls: server.times.length - pullCalls,
        writeOk: outcomes.filter((o) => o.ok).length,
        writeSeconds: Number(writeSeconds.toFixed(2)),
        totalCalls: connector.usage!().calls,
        maxCallsPer10sWindow: maxPerWindow(server.times, 10_000),
      };
    } finally {
      server.close();
    }
  },
};

export default bench;
