/** `headroom serve`: the server and the in-server schedule for the configured connections. */
import type { Command } from 'commander';
import { configuredConnections } from '../runtime/connection.js';
import { serve, stopOnSignals } from '../runtime/serve.js';
import { openStoreFromEnv } from '../runtime/store.js';
import { resolveConnection } from '../sync/connections.js';
import { cliContext, runCommand } from './context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the console, API and embedded views; run scheduled syncs (SYNC_SCHEDULE or a connection’s schedule)',
    )
    .action(() =>
      runCommand(async () => {
        const ctx = cliContext();
        const configured = configuredConnections(ctx.env);
        const store = await openStoreFromEnv(ctx.env);
        const server = await serve({
          store,
          env: ctx.env,
          log: ctx.log,
          connections: configured.map((c) => resolveConnection(c)),
          schedules: new Map(
            configured.map((c) => [c.name, { schedule: c.schedule, timezone: c.timezone }]),
          ),
        });
        ctx.print(`Headroom is serving ${server.url}`);
        stopOnSignals(server.stop, ctx.log);
        // Keep the command alive until a signal stops the server.
        await new Promise<never>(() => undefined);
      }),
    );
}
