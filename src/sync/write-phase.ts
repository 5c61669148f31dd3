/**
 * The write-back half of a run: read back what people decided in the CRM, settle creates an
 * earlier run got no answer to, plan the write-back from the mapping and diff it against what was
 * last written, then write only what changed (nothing on a dry run).
 */
import type { Issue } from '../model/output.js';
import type { Account, Portfolio } from '../model/records.js';
import type { WriteBack } from '../mapping/schema.js';
import { addIssues } from '../store/issues.js';
import { writeStates } from '../store/write-state.js';
import { confirmCreates } from './confirm-creates.js';
import { summarizePlan } from './plan-summary.js';
import { planWrites } from './plan-write.js';
import { readBackStatuses } from './read-back.js';
import type { TrackResult } from './track-opportunities.js';
import type { RunReport, RunSyncOptions } from './types.js';
import { executeWrites } from './write-back.js';

export async function writeBackPhase(
  args: RunSyncOptions & {
    writeBack: WriteBack;
    runId: number;
    report: RunReport;
    portfolio: Portfolio;
    tracked: TrackResult;
    lap: (phase: string) => void;
  },
): Promise<void> {
  const { store, connector, asOf, log, runId, report, portfolio, tracked, lap } = args;
  const name = args.connection.name;
  const dryRun = args.dryRun ?? false;
  const { stats, issues } = report;
  const analysis = report.analysis!;
  args.onProgress?.('read-back', 0, 1);
  stats.statusChanges = await readBackStatuses({
    db: store,
    connector,
    connection: name,
    writeBack: args.writeBack,
    states: tracked.states,
    asOf,
    log,
  });
  args.onProgress?.('read-back', 1, 1);
  if (!dryRun) {
    const settled = await confirmCreates({
      store,
      connector,
      connection: name,
      runId,
      writeBack: args.writeBack,
      log,
    });
    issues.push(...settled);
    await addIssues(store, name, runId, settled);
  }
  lap('read-back');
  const batches = planWrites({
    writeBack: args.writeBack,
    accounts: new Map(portfolio.accounts.map((a): [string, Account] => [a.id, a])),
    summaries: analysis.accounts,
    opportunities: analysis.opportunities,
    states: tracked.states,
    written: {
      account: await writeStates(store, name, 'account'),
      opportunity: await writeStates(store, name, 'opportunity'),
      task: await writeStates(store, name, 'task'),
    },
  });
  report.plan = summarizePlan(batches);
  lap('plan');
  if (!dryRun) {
    const written = { writes: stats.writes, errors: [] as Issue[] };
    try {
      await executeWrites({
        store,
        connector,
        connection: name,
        runId,
        batches,
        log,
        batchSize: args.writeBatchSize ?? 200,
        onProgress: (done, total) => args.onProgress?.('write', done, total),
        result: written,
      });
    } finally {
      lap('write');
      stats.writeErrors = written.errors.length;
      if (written.errors.length) {
        issues.push(...written.errors);
        await addIssues(store, name, runId, written.errors);
      }
    }
  }
}
