/**
 * `npm start`: the main job on the embedded default. Syncs the bundled demo portfolio through the
 * files connector into the embedded database, writes the output files to `out/`, and serves the
 * console and the embedded views (plus any connections in config/connections.yaml).
 */
import { ConfigError } from './errors.js';
import { loadEnv } from './env.js';
import { createLogger } from './log.js';
import { configuredConnections, resolveSyncConnection } from './runtime/connection.js';
import { serve, stopOnSignals } from './runtime/serve.js';
import { syncOnce } from './runtime/sync-once.js';
import { openStoreFromEnv } from './runtime/store.js';
import { resolveConnection } from './sync/connections.js';

/** The date the bundled demo was generated for (examples/generate.ts's default): its usage history,
 * renewals and signals are relative to it, so the demo reads the same whatever today is. */
export const DEMO_AS_OF = '2026-11-24';
const DEMO = 'demo';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const store = await openStoreFromEnv(env);
  const demo = await resolveSyncConnection(
    { connector: 'files', connection: DEMO, source: env.HEADROOM_DEMO_SOURCE },
    env,
  );
  const configured = configuredConnections(env);
  const connections = [
    demo,
    ...configured.filter((c) => c.name !== DEMO).map((c) => resolveConnection(c)),
  ];
  const asOfFor = (name: string) =>
    env.HEADROOM_AS_OF ?? (name === DEMO ? DEMO_AS_OF : new Date().toISOString().slice(0, 10));

  const { report, written, kept } = await syncOnce({
    store,
    connection: demo,
    env,
    log,
    asOf: asOfFor(DEMO),
    out: env.HEADROOM_OUT,
  });
  if (report.status === 'failed')
    throw new Error(`demo sync failed: ${report.error ?? 'unknown error'}`);
  const s = report.stats;
  process.stdout.write(
    `Synced the demo portfolio (${env.HEADROOM_DEMO_SOURCE}) as of ${report.asOf}: ${s.results?.accounts ?? 0} accounts, ` +
      `${s.results?.opportunities ?? 0} opportunities, ${s.issues} issues (run ${report.runId}, ${(s.durationMs / 1000).toFixed(1)} s` +
      `${report.unchangedSince !== undefined ? `; nothing changed since run ${report.unchangedSince}` : ''})\n` +
      written.map((f) => `  wrote ${f}\n`).join('') +
      kept.map((f) => `  kept ${f}\n`).join(''),
  );

  const server = await serve({
    store,
    env,
    log,
    connections,
    schedules: new Map(
      configured.map((c) => [c.name, { schedule: c.schedule, timezone: c.timezone }]),
    ),
    asOfFor,
    outFor: (name) => (name === DEMO ? env.HEADROOM_OUT : undefined),
  });
  process.stdout.write(
    `Headroom is serving ${server.url.replace('127.0.0.1', 'localhost')}` +
      (env.HEADROOM_API_TOKEN
        ? ' (API token required)\n'
        : ' (no HEADROOM_API_TOKEN: console open on loopback only)\n'),
  );
  stopOnSignals(server.stop, log);
}

main().catch((err: unknown) => {
  process.stderr.write(`headroom: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
