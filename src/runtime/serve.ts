/**
 * Run the server with its schedule: what `npm start` (after the demo sync) and `headroom serve`
 * share. Returns a stop function that ends the schedule, the server and the store in order.
 */
import type { Env } from '../env.js';
import type { Log } from '../log.js';
import { startServer } from '../server/index.js';
import type { Store } from '../store/db.js';
import { startScheduler, type Scheduler } from '../sync/scheduler.js';
import type { SyncConnection } from '../sync/types.js';
import { buildServerDeps } from './server-deps.js';
import { syncOnce } from './sync-once.js';

export interface ServeOptions {
  store: Store;
  env: Env;
  log: Log;
  connections: SyncConnection[];
  /** Per-connection cron expressions (from the connections file). */
  schedules?: Map<string, { schedule?: string | undefined; timezone?: string | undefined }>;
  asOfFor?: (connection: string) => string;
  outFor?: (connection: string) => string | undefined;
}

export async function serve(o: ServeOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const deps = buildServerDeps(o);
  const server = await startServer(deps, o.env.PORT, o.env.HOST);
  // Scheduled syncs run only where a schedule was asked for: SYNC_SCHEDULE for every connection,
  // or a connection's own `schedule` in the connections file.
  const scheduled = o.connections.filter(
    (c) => o.env.SYNC_SCHEDULE || o.schedules?.get(c.name)?.schedule,
  );
  let scheduler: Scheduler | undefined;
  if (scheduled.length) {
    const byName = new Map(scheduled.map((c) => [c.name, c]));
    scheduler = startScheduler({
      connections: scheduled.map((c) => ({ name: c.name, ...o.schedules?.get(c.name) })),
      runOne: (name) =>
        syncOnce({
          store: o.store,
          connection: byName.get(name)!,
          env: o.env,
          log: o.log,
          asOf: o.asOfFor?.(name) ?? new Date().toISOString().slice(0, 10),
          out: o.outFor?.(name),
        }),
      log: o.log,
      env: process.env,
    });
    o.log.info({ next: scheduler.next() }, 'scheduled syncs');
  }
  return {
    url: server.url,
    async stop() {
      await scheduler?.stop();
      await server.close();
      await o.store.close();
    },
  };
}

/** Stop cleanly on Ctrl-C / SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>, log: Log): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping');
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'error while stopping');
          process.exit(1);
        },
      );
    });
  }
}
