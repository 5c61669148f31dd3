/**
 * `headroom sync` of a generated 100k-account folder end to end (files connector → mapping →
 * mirror → snapshots → scoring and narratives → opportunity tracking → output files), as
 * `syncOnce` runs it. Six runs: a full sync into an empty embedded store (PGlite on disk), the
 * same on the Postgres server when DATABASE_URL is set, an unchanged re-sync (mirror rows
 * rewritten must be 0), a re-sync with 1% of the accounts changed (the export rewritten with every
 * cell quoted, so every row's bytes move while its cells stay: since 2026-12-07 only the edited
 * rows are parsed, before every row was), another 1% in the format that left (only the edited
 * rows' bytes move, as in a daily export from one system), and the next day's run on the same
 * exports (not a target: every account is scored again). After each full sync, the store's
 * floor on that backend: the rows the full sync left, written again into an empty store and
 * nothing else done (`store-floor.ts`), the least a full sync can take there. Targets: full
 * ≤ 30 s and ≤ 1.5 GB peak RSS, re-syncs ≤ 10 s. Peak RSS is the process's so far: the full
 * embedded sync runs first, so its figure is its own (the floor's PGlite thread, opened after
 * it, counts in the later runs'). CPU seconds count both cores (PGlite, GC threads).
 * `BENCH_100K_ACCOUNTS` and `BENCH_100K_WEEKS` change the folder's shape.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generatePortfolio } from '../examples/generate/portfolio.js';
import { loadEnv } from '../src/env.js';
import { createLogger } from '../src/log.js';
import { resolveSyncConnection } from '../src/runtime/connection.js';
import { syncOnce } from '../src/runtime/sync-once.js';
import type { Store } from '../src/store/db.js';
import { openStore } from '../src/store/open.js';
import { changeAccounts } from './change-accounts.js';
import { peakRssMb, round } from './measure.js';
import { storeFloor } from './store-floor.js';
import type { Bench } from './types.js';

const ACCOUNTS = Number(process.env.BENCH_100K_ACCOUNTS ?? 100_000);
/** Four weekly readings: 15 usage rows an account, near the 1.28M of the folder. */
const WEEKS = Number(process.env.BENCH_100K_WEEKS ?? 4);
const AS_OF = '2026-11-24';
const NEXT_DAY = '2026-11-25';

type Figures = Record<string, number | string | boolean>;

/** The store's tables with their out-of-line values and indexes, in MB: what a run leaves on
 * disk (the embedded store vacuums the rows a run rewrote, `store/planner-stats.ts`). */
async function schemaMb(store: Store): Promise<number> {
  const { rows } = await store.query<{ bytes: string }>(
    `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [store.schema],
  );
  return Math.round(Number(rows[0]?.bytes ?? 0) / 2 ** 20);
}

async function timedSync(
  store: Store,
  folder: string,
  out: string,
  tag: string,
  f: Figures,
  asOf = AS_OF,
) {
  const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
  const connection = await resolveSyncConnection({ connector: 'files', source: folder }, env);
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const { report } = await syncOnce({
    store,
    connection,
    env,
    log: createLogger('warn'),
    asOf,
    out,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  if (report.status !== 'succeeded') throw new Error(`${tag}: sync failed: ${report.error}`);
  f[`${tag}_seconds`] = round(seconds, 2);
  f[`${tag}_cpuSeconds`] = round((cpu.user + cpu.system) / 1e6, 2);
  f[`${tag}_peakRssMb`] = peakRssMb();
  f[`${tag}_storeMb`] = await schemaMb(store);
  f[`${tag}_mirrorRowsWritten`] = report.stats.mirrorUpserts;
  f[`${tag}_pulledInWorker`] = report.stats.pulledInWorker.join(',');
  f[`${tag}_unchangedSources`] = report.stats.unchanged.join(',');
  f[`${tag}_keptResults`] = report.unchangedSince !== undefined;
  f[`${tag}_opportunitiesWritten`] =
    report.stats.opportunities.new + report.stats.opportunities.changed;
  for (const [phase, ms] of Object.entries(report.stats.phaseMs))
    f[`${tag}_phaseSeconds_${phase}`] = round(ms / 1000, 2);
  // Of each phase, the seconds the main thread was busy: near the phase's own, it is the
  // bottleneck; far below, the phase waited on the database, the pull worker or the server.
  for (const [phase, ms] of Object.entries(report.stats.phaseBusyMs))
    f[`${tag}_phaseBusySeconds_${phase}`] = round(ms / 1000, 2);
  // What syncOnce does after the run: outcomes, the playbook and the output files.
  f[`${tag}_phaseSeconds_outputs`] = round(seconds - report.stats.durationMs / 1000, 2);
  // Each run's figures as soon as it ends: a 100k run on a busy machine takes long.
  const mine = Object.entries(f).filter(([k]) => k.startsWith(`${tag}_`));
  process.stderr.write(`${JSON.stringify(Object.fromEntries(mine))}\n`);
  // Not the report: it holds the run's analysis (every opportunity with its narratives: 221 MB
  // of heap at 20k accounts), which kept alive would weigh on every later run's garbage
  // collection here, as it does not in a scheduled sync.
  return { pulled: report.stats.pulled, opportunities: report.analysis?.opportunities.length ?? 0 };
}

/**
 * The store's floor after a full sync (`store-floor.ts`): its rows written again into an empty
 * store on the same backend, nothing else done. No full sync that leaves those rows takes less
 * time on that store, nor, on two cores, less than half the floor's CPU seconds (PGlite's
 * thread, or the server's process when it runs on this machine).
 */
async function floorOf(store: Store, into: Store, tag: string, f: Figures): Promise<void> {
  const floor = await storeFloor(store, into);
  f[`${tag}_seconds`] = floor.seconds;
  if (store.backend === 'pglite') f[`${tag}_cpuSeconds`] = floor.cpuSeconds;
  if (floor.serverCpuSeconds !== undefined) f[`${tag}_serverCpuSeconds`] = floor.serverCpuSeconds;
  for (const t of floor.tables) {
    if (t.rows < 10_000) continue;
    f[`${tag}_rows_${t.table}`] = t.rows;
    f[`${tag}_seconds_${t.table}`] = t.seconds;
  }
  const mine = Object.entries(f).filter(([k]) => k.startsWith(`${tag}_`));
  process.stderr.write(`${JSON.stringify(Object.fromEntries(mine))}\n`);
}

async function onServer(url: string, folder: string, out: string, f: Figures): Promise<void> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, schema });
  try {
    await timedSync(store, folder, out, 'fullPg', f);
    const into = await openStore({ databaseUrl: url, schema: `${schema}_floor` });
    try {
      await floorOf(store, into, 'floorPg', f);
    } finally {
      await into.close();
    }
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_floor CASCADE`);
    await client.end();
  }
}

const bench: Bench = {
  name: 'files-sync-100k',
  description: `headroom sync of ${ACCOUNTS} generated accounts: full (PGlite; Postgres with DATABASE_URL), unchanged re-sync, 1% changed (every row re-quoted), 1% more in that format, the next day; the store's floor (the full sync's rows written again, nothing else); targets full ≤ 30 s / 1.5 GB, re-syncs ≤ 10 s`,
  async run() {
    const f: Figures = { accounts: ACCOUNTS, weeks: WEEKS };
    const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-100k-'));
    const folder = join(dir, 'in');
    try {
      const summary = await generatePortfolio({
        out: folder,
        accounts: ACCOUNTS,
        seed: 7,
        weeks: WEEKS,
      });
      for (const [file, rows] of Object.entries(summary.rows)) f[`rows_${file}`] = rows;
      const store = await openStore({ dataDir: join(dir, 'db') });
      try {
        const full = await timedSync(store, folder, join(dir, 'out'), 'full', f);
        f.records = full.pulled;
        f.opportunities = full.opportunities;
        // Measured here, before the re-syncs add rows: the full sync's rows. Its own PGlite
        // thread, ended before the next run (its memory counts in the later runs' peak RSS).
        const into = await openStore({ dataDir: join(dir, 'floor-db') });
        try {
          await floorOf(store, into, 'floor', f);
        } finally {
          await into.close();
          rmSync(join(dir, 'floor-db'), { recursive: true, force: true });
        }
        await timedSync(store, folder, join(dir, 'out'), 'unchanged', f);
        f.changedAccounts = changeAccounts(folder, 100);
        await timedSync(store, folder, join(dir, 'out'), 'changed1pct', f);
        // The day after, edited in the format that edit left (every cell quoted): the rows that
        // did not change are byte for byte what the last pull read (\`row-tap.ts\`).
        f.changedAccountsSameFormat = changeAccounts(folder, 100);
        await timedSync(store, folder, join(dir, 'out'), 'changed1pctSameFormat', f);
        // The next day's scheduled run: the exports as they were, every account scored again
        // (timing and deadlines move with the date).
        await timedSync(store, folder, join(dir, 'out'), 'nextDay', f, NEXT_DAY);
      } finally {
        await store.close();
      }
      const url = process.env.DATABASE_URL;
      if (url) await onServer(url, folder, join(dir, 'out-pg'), f);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return f;
  },
};

export default bench;
