/**
 * Latency of the embedded account view (what a Salesforce or HubSpot record page loads) under
 * 100 concurrent requests on loopback, against a 2,000-account PGlite store. Two bounded phases:
 * - cold: 1,000 requests, each for an account not opened since the last sync (a cache miss: one
 *   query; PGlite runs queries one at a time, so 100 misses at once queue behind each other);
 * - warm: 3,000 requests over those accounts, reopened (the steady state of record pages).
 * Target: p95 under 50 ms.
 */
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { Registry } from 'prom-client';
import { quantileSorted } from 'simple-statistics';
import { startServer } from '../src/server/app.js';
import { signEmbedLink } from '../src/server/signatures.js';
import { AccountSchema, ContactSchema } from '../src/model/index.js';
import type { Store } from '../src/store/db.js';
import { openStore } from '../src/store/open.js';
import { upsertMirror } from '../src/store/mirror.js';
import { saveOpportunities } from '../src/store/opportunities.js';
import { startRun } from '../src/store/runs.js';
import { saveSummaries } from '../src/store/summaries.js';
import { account, contacts, opportunity, summary } from '../test/server/seed-data.js';
import type { Bench } from './types.js';

const ACCOUNTS = 2000;
const CONCURRENCY = 100;
const COLD = 1000;
const WARM = 3000;
const SECRET = 'bench-embed-secret-0123456789';

async function seed(store: Store) {
  const run = await startRun(store, {
    connection: 'files',
    connector: 'files',
    asOf: '2026-03-02',
    dryRun: false,
  });
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) =>
    account('files', `acct-${i}`, `Account ${i}`, { health: i % 7 === 0 ? 'red' : 'green' }),
  );
  const opps = accounts.flatMap((a, i) => [
    opportunity(a, 'seat_expansion', 1 + (i % 3), 8.1),
    opportunity(a, 'add_on', 2 + (i % 3), 6.9),
    opportunity(a, 'professional_services', 4, 4.4),
  ]);
  await upsertMirror(
    store,
    'files',
    'account',
    run,
    accounts.map((a) => ({ id: a.id, accountId: a.id, data: AccountSchema.parse(a), hash: a.id })),
  );
  const people = accounts.flatMap(contacts).map((c) => ContactSchema.parse(c));
  await upsertMirror(
    store,
    'files',
    'contact',
    run,
    people.map((c) => ({ id: c.id, accountId: c.accountId, data: c, hash: c.id })),
  );
  await saveOpportunities(
    store,
    'files',
    '2026-03-02',
    opps.map((o) => ({ opportunity: o, contentHash: o.id, dataHash: o.id, settingsVersion: 's1' })),
  );
  await saveSummaries(
    store,
    'files',
    run,
    accounts.map((a, i) => summary(a, i % 7 === 0 ? 'red' : 'green', opps.slice(i * 3, i * 3 + 3))),
  );
  await store.exec('ANALYZE');
}

/**
 * The load generator, in a worker thread so the client's own HTTP work does not share the
 * server's event loop (as with a real browser). Plain JS. One worker and one keep-alive agent
 * for the whole bench, as browsers keep their connections: each `{ links, total }` message runs
 * `total` GETs over `links` with `concurrency` in flight and posts back each latency in ms.
 */
const CLIENT = `
const { parentPort, workerData: { port, concurrency } } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = (path) => new Promise((resolve, reject) => {
  const start = process.hrtime.bigint();
  http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
    res.resume();
    res.on('end', () => res.statusCode === 200
      ? resolve(Number(process.hrtime.bigint() - start) / 1e6)
      : reject(new Error(path + ': HTTP ' + res.statusCode)));
  }).on('error', reject);
});
parentPort.on('message', ({ links, total }) => {
  if (!links) return agent.destroy(), parentPort.close();
  let next = 0;
  const out = [];
  const worker = async () => { while (next < total) out.push(await get(links[next++ % links.length])); };
  const started = process.hrtime.bigint();
  Promise.all(Array.from({ length: concurrency }, worker)).then(
    () => parentPort.postMessage({ ms: out, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    (err) => { throw err; },
  );
});
`;

interface Client {
  /** `total` requests over `links` with CONCURRENCY in flight at any time; latencies sorted. */
  load(links: string[], total: number): Promise<{ ms: number[]; seconds: number }>;
  close(): Promise<void>;
}

function client(port: number): Client {
  const w = new Worker(CLIENT, { eval: true, workerData: { port, concurrency: CONCURRENCY } });
  return {
    load: (links, total) =>
      new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        w.once('error', onError);
        w.once('message', (r: { ms: number[]; seconds: number }) => {
          w.off('error', onError);
          resolve({ ms: r.ms.sort((a, b) => a - b), seconds: r.seconds });
        });
        w.postMessage({ links, total });
      }),
    close: async () => {
      w.postMessage({});
      await new Promise((r) => w.once('exit', r));
    },
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;

function figures(prefix: string, { ms, seconds }: { ms: number[]; seconds: number }) {
  return {
    [`${prefix}P50Ms`]: round(quantileSorted(ms, 0.5)),
    [`${prefix}P95Ms`]: round(quantileSorted(ms, 0.95)),
    [`${prefix}P99Ms`]: round(quantileSorted(ms, 0.99)),
    [`${prefix}RequestsPerSecond`]: Math.round(ms.length / seconds),
  };
}

/** Cold then warm figures of the embedded view served from `store` (seeded here). */
async function measureOn(store: Store) {
  await seed(store);
  const deps = {
    store,
    // A token, as in production: record pages then pass on their link signature alone (without
    // one, loopback requests like the bench's count as the local demo and skip the check).
    config: { embedSecret: SECRET, apiToken: 'bench-api-token-0123456789' },
    catalogFile: 'config/catalog.yaml',
    settingsFile: 'config/scoring.yaml',
    mappingsDir: 'mappings',
    connections: [{ name: 'files', connector: 'files' }],
    startRun: () => Promise.reject(new Error('not in the bench')),
    previewMapping: () => Promise.reject(new Error('not in the bench')),
    describeFields: () => Promise.reject(new Error('not in the bench')),
    log: pino({ level: 'silent' }),
    metrics: new Registry(),
  };
  const server = await startServer(deps, 0);
  const port = Number(new URL(server.url).port);
  // Distinct accounts in a scattered order (a stride coprime with ACCOUNTS).
  const links = Array.from({ length: COLD }, (_, i) =>
    signEmbedLink(SECRET, `files:acct-${(i * 37) % ACCOUNTS}`, 3600),
  );
  const measured = new Set(links.map((l) => l.split('?')[0]));
  const others = Array.from({ length: ACCOUNTS }, (_, i) =>
    signEmbedLink(SECRET, `files:acct-${i}`, 3600),
  ).filter((l) => !measured.has(l.split('?')[0]));
  const browsers = client(port);
  try {
    // Open the sockets and JIT both paths (miss and hit) on accounts outside the measured set.
    await browsers.load(others, 2 * others.length);
    const cold = await browsers.load(links, COLD);
    const warm = await browsers.load(links, WARM);
    return { cold, warm };
  } finally {
    await browsers.close();
    await server.close();
  }
}

const bench: Bench = {
  name: 'embed',
  description: `Embedded account view: p50/p95 latency at ${CONCURRENCY} concurrent requests on loopback (target p95 < 50 ms); PGlite in-process and in its own thread, and Postgres when DATABASE_URL is set`,
  async run() {
    const embedded = await openStore({ dataDir: 'memory://' });
    const { cold, warm } = await measureOn(embedded).finally(() => embedded.close());
    const out: Record<string, number | boolean> = {
      accounts: ACCOUNTS,
      concurrency: CONCURRENCY,
      coldRequests: COLD,
      warmRequests: WARM,
      ...figures('cold', cold),
      ...figures('warm', warm),
      warmP95UnderTarget: quantileSorted(warm.ms, 0.95) < 50,
      coldP95UnderTarget: quantileSorted(cold.ms, 0.95) < 50,
    };
    // The same with PGlite in its own thread, as `npm start` opens a data folder.
    const threaded = await openStore({ dataDir: 'memory://', thread: true });
    const t = await measureOn(threaded).finally(() => threaded.close());
    Object.assign(out, figures('threadCold', t.cold), figures('threadWarm', t.warm));
    const url = process.env.DATABASE_URL;
    if (url) {
      // The same on a Postgres server, in a schema of its own, dropped afterwards.
      const schema = `bench_embed_${process.pid}`;
      const pg = await openStore({ databaseUrl: url, schema });
      try {
        const r = await measureOn(pg);
        Object.assign(out, figures('postgresCold', r.cold), figures('postgresWarm', r.warm));
      } finally {
        await pg.exec(`DROP SCHEMA ${schema} CASCADE`);
        await pg.close();
      }
    }
    return out;
  },
};

export default bench;
