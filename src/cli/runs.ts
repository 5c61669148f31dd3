/** `headroom runs`: sync run history. */
import type { Command } from 'commander';
import { openStoreFromEnv } from '../runtime/store.js';
import { listRuns } from '../store/runs.js';
import { cliContext, EXIT, runCommand } from './context.js';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list sync runs: counts, write-back, API calls, durations and errors')
    .option('--connection <name>', 'only this connection')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action((flags: { connection?: string; limit: string; json?: boolean }) =>
      runCommand(async () => {
        const ctx = cliContext();
        const store = await openStoreFromEnv(ctx.env);
        try {
          const runs = await listRuns(store, {
            ...(flags.connection ? { connection: flags.connection } : {}),
            limit: Number(flags.limit) || 20,
          });
          if (flags.json) ctx.print(JSON.stringify(runs, null, 2));
          else if (!runs.length) ctx.print('no runs yet');
          else for (const run of runs) ctx.print(formatRun(run));
          return EXIT.ok;
        } finally {
          await store.close();
        }
      }),
    );
}

/** One run on one line, and its warnings (implausible figures) on the lines below. */
export function formatRun(run: Awaited<ReturnType<typeof listRuns>>[number]): string {
  const s = (run.stats ?? {}) as Record<string, unknown>;
  const opp = (s.opportunities ?? {}) as Record<string, number>;
  const secs = typeof s.durationMs === 'number' ? `${(s.durationMs / 1000).toFixed(1)}s` : '-';
  const line = [
    `#${run.id}`,
    run.connection,
    run.status + (run.dryRun ? ' (dry run)' : ''),
    `as of ${run.asOf}`,
    `pulled ${s.pulled ?? 0}`,
    `mapped ${s.mapped ?? 0}`,
    `issues ${s.issues ?? 0}`,
    `opps +${opp.new ?? 0}/~${opp.changed ?? 0}/-${opp.closed ?? 0}`,
    `writes ${JSON.stringify(s.writes ?? {})}`,
    `api ${s.apiCalls ?? 0}`,
    secs,
    run.error ? `error: ${run.error}` : '',
  ]
    .filter(Boolean)
    .join('  ');
  const warnings = Array.isArray(s.warnings) ? (s.warnings as { message?: unknown }[]) : [];
  return [line, ...warnings.map((w) => `    warning: ${String(w.message)}`)].join('\n');
}
