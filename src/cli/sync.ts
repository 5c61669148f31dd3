/** `headroom sync`: pull, score, write back what changed, write the output files. */
import type { Command } from 'commander';
import { openStoreFromEnv } from '../runtime/store.js';
import { resolveSyncConnection } from '../runtime/connection.js';
import { syncOnce } from '../runtime/sync-once.js';
import type { RunReport } from '../sync/types.js';
import { cliContext, EXIT, parseAsOf, runCommand, today, type CliContext } from './context.js';
import { progressReporter } from './progress.js';

interface SyncFlags {
  connector?: string;
  connection?: string;
  source?: string;
  out?: string;
  asOf?: string;
  mapping?: string;
  dryRun?: boolean;
  full?: boolean;
  writeBack?: boolean;
  allowMassChange?: boolean;
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description(
      'pull a connection, score it, write back only what changed, and write the output files',
    )
    .option('--connector <name>', 'files, salesforce or hubspot')
    .option(
      '--connection <name>',
      'a connection from config/connections.yaml (or the name for this one)',
    )
    .option('--source <dir>', 'the folder to read (files connector)')
    .option(
      '--out <dir>',
      'write opportunities.json, accounts.json, expansion-playbook.md and issues.json here',
    )
    .option('--as-of <date>', 'the run’s date, YYYY-MM-DD (default: today)')
    .option('--mapping <file>', 'mapping file (default: mappings/<connector>.yaml)')
    .option(
      '--dry-run',
      'print the write plan (counts per object, sample field diffs) and write nothing to the CRM',
    )
    .option('--full', 'ignore watermarks: pull everything and notice deletions')
    .option('--no-write-back', 'read only, even when the mapping has a write-back section')
    .option(
      '--allow-mass-change',
      'confirm a run the mass-change guard held (more than 20% of accounts gone or open opportunities closing)',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 the run failed or was held (mass change), 2 bad usage or configuration.\n' +
        'Example: headroom sync --connector files --source examples/demo --out out --as-of 2026-11-24',
    )
    .action((flags: SyncFlags) => runCommand(() => sync(flags)));
}

async function sync(flags: SyncFlags): Promise<number> {
  const ctx = cliContext();
  const asOf = parseAsOf(flags.asOf ?? ctx.env.HEADROOM_AS_OF, today());
  const connection = await resolveSyncConnection(flags, ctx.env);
  const store = await openStoreFromEnv(ctx.env);
  const progress = progressReporter(ctx.tty);
  try {
    const { report, written, kept } = await syncOnce({
      store,
      connection,
      env: ctx.env,
      log: ctx.log,
      asOf,
      out: flags.out,
      dryRun: flags.dryRun,
      full: flags.full,
      allowMassChange: flags.allowMassChange,
      onProgress: progress.onProgress,
    });
    progress.stop();
    printReport(ctx, report, written, kept);
    // A held run did not do its work: schedulers see it as a failure until someone confirms.
    return report.status === 'failed' || report.status === 'held' ? EXIT.failed : EXIT.ok;
  } finally {
    progress.stop();
    await store.close();
  }
}

function printReport(ctx: CliContext, r: RunReport, written: string[], kept: string[]): void {
  const s = r.stats;
  ctx.print(
    `run ${r.runId} ${r.status}${r.dryRun ? ' (dry run)' : ''}: ${r.connection} as of ${r.asOf}`,
  );
  if (r.status === 'skipped') {
    ctx.print('  another run of this connection is in progress; nothing done');
    return;
  }
  if (r.held) {
    ctx.print(`  ${r.held.message}`);
    ctx.print(
      `  pulled ${s.pulled}, mapped ${s.mapped}, issues ${s.issues}; nothing deleted, closed or written`,
    );
    return;
  }
  ctx.print(`  pulled ${s.pulled}, mapped ${s.mapped}, issues ${s.issues}, deleted ${s.deletes}`);
  if (s.unchanged.length)
    ctx.print(`  unchanged since last read, not read again: ${s.unchanged.join(', ')}`);
  if (r.unchangedSince !== undefined)
    ctx.print(`  nothing changed since run ${r.unchangedSince}: its results stand`);
  else
    ctx.print(
      `  opportunities: ${s.opportunities.new} new, ${s.opportunities.changed} changed, ${s.opportunities.closed} closed`,
    );
  if (s.results) {
    const { accounts, opportunities, tier1Expansion } = s.results;
    ctx.print(
      `  ${accounts} accounts, ${opportunities} opportunities (${tier1Expansion} Tier 1 expansion)`,
    );
  }
  for (const [section, plan] of Object.entries(r.plan)) {
    if (!plan) continue;
    ctx.print(
      `  ${r.dryRun ? 'would write' : 'wrote'} ${section} → ${plan.to}: ${plan.records} records (${plan.mode})`,
    );
    if (r.dryRun)
      for (const sample of plan.samples.slice(0, 3))
        ctx.print(
          `    ${sample.created ? 'create' : 'update'} ${sample.key}: ${JSON.stringify(sample.changed).slice(0, 200)}`,
        );
  }
  if (!r.dryRun)
    ctx.print(
      `  writes: ${JSON.stringify(s.writes)}, errors ${s.writeErrors}, API calls ${s.apiCalls}`,
    );
  for (const w of s.warnings) ctx.print(`  warning: ${w.message}`);
  if (r.error) ctx.print(`  error: ${r.error}`);
  for (const f of written) ctx.print(`  wrote ${f}`);
  for (const f of kept) ctx.print(`  kept ${f} (already these results)`);
}
