/**
 * The in-server schedule: one node-cron task per connection. A tick that comes while the
 * previous run of the same connection is still going is skipped with a log line (runs in other
 * processes are kept out by the run lock in `runSync`).
 * https://github.com/node-cron/node-cron (6-field expressions allow seconds)
 */
import { schedule, validate } from 'node-cron';
import { ConfigError } from '../errors.js';
import type { SyncLogger } from './types.js';

/** @default every hour on the hour */
export const DEFAULT_SCHEDULE = '0 * * * *';

export interface ScheduledConnection {
  name: string;
  /** Cron expression. @default SYNC_SCHEDULE, else DEFAULT_SCHEDULE */
  schedule?: string | undefined;
  /** IANA zone. @default SYNC_TIMEZONE, else UTC */
  timezone?: string | undefined;
}

export interface Scheduler {
  /** Stop ticking and wait for runs in progress to finish. */
  stop(): Promise<void>;
  /** Run a connection now as a tick would (skipped when its previous run is still going). */
  trigger(name: string): Promise<'ran' | 'skipped'>;
  /** Next tick per connection. */
  next(): Record<string, Date | null>;
}

export function startScheduler(args: {
  connections: ScheduledConnection[];
  /** Runs one connection (the caller builds the connector and calls runSync). */
  runOne: (name: string) => Promise<unknown>;
  log: SyncLogger;
  env?: Record<string, string | undefined>;
}): Scheduler {
  const env = args.env ?? process.env;
  const running = new Map<string, Promise<unknown>>();
  const trigger = async (name: string): Promise<'ran' | 'skipped'> => {
    if (running.has(name)) {
      args.log.info(
        { connection: name },
        `scheduled sync of ${name} skipped: the previous run is still going`,
      );
      return 'skipped';
    }
    const run = args
      .runOne(name)
      .catch((err: unknown) =>
        args.log.error({ connection: name, err }, `scheduled sync of ${name} failed`),
      )
      .finally(() => running.delete(name));
    running.set(name, run);
    await run;
    return 'ran';
  };
  const tasks = args.connections.map((c) => {
    const expression = c.schedule ?? env.SYNC_SCHEDULE ?? DEFAULT_SCHEDULE;
    if (!validate(expression)) {
      throw new ConfigError(c.schedule ? `connection ${c.name}` : 'SYNC_SCHEDULE', [
        { path: 'schedule', message: `"${expression}" is not a valid cron expression` },
      ]);
    }
    const timezone = c.timezone ?? env.SYNC_TIMEZONE ?? 'UTC';
    args.log.info({ connection: c.name, schedule: expression, timezone }, 'sync scheduled');
    return {
      name: c.name,
      task: schedule(expression, () => trigger(c.name), { timezone, name: `sync:${c.name}` }),
    };
  });
  return {
    trigger,
    next: () => Object.fromEntries(tasks.map((t) => [t.name, t.task.getNextRun()])),
    stop: async () => {
      await Promise.all(tasks.map((t) => t.task.destroy()));
      await Promise.all(running.values());
    },
  };
}
