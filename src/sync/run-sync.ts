/**
 * One sync run of one connection: lock → pull, map, mirror → snapshot → analyze → track
 * opportunities → read back people's decisions → plan the write-back → write what changed →
 * record the run. A run that cannot take the connection's lock is recorded as skipped.
 */
import { LimitReachedError } from '../../connectors/types.js';
import type { Issue } from '../model/output.js';
import { NEUTRAL_OBJECTS, type Account } from '../model/records.js';
import { addIssues } from '../store/issues.js';
import { finishRun, startRun } from '../store/runs.js';
import { snapshotAccounts } from '../store/snapshots.js';
import { saveSummaries } from '../store/summaries.js';
import { writeStates } from '../store/write-state.js';
import { planWrites, type PlannedBatch } from './plan-write.js';
import { pullObject } from './pull.js';
import type { Pulled } from './pulled.js';
import { portfolioFromPull } from './pulled-portfolio.js';
import { readBackStatuses } from './read-back.js';
import { trackOpportunities } from './track-opportunities.js';
import { emptyStats, type RunReport, type RunSyncOptions, type WritePlanSummary } from './types.js';
import { executeWrites } from './write-back.js';

const SAMPLES = 5;

export function summarizePlan(batches: PlannedBatch[]): WritePlanSummary {
  const out: WritePlanSummary = {};
  for (const b of batches) {
    out[b.section] = {
      to: b.object,
      mode: b.mode,
      records: b.records.length,
      fields: b.records.reduce((n, r) => n + r.changed.length, 0),
      samples: b.records.slice(0, SAMPLES).map((r) => ({
        key: r.key,
        created: r.created,
        changed: Object.fromEntries(r.changed.map((f) => [f, r.fields[f]])),
      })),
    };
  }
  return out;
}

export async function runSync(options: RunSyncOptions): Promise<RunReport> {
  const { store, connection, connector, asOf, log } = options;
  const dryRun = options.dryRun ?? false;
  const started = Date.now();
  const stats = emptyStats();
  const base = { connection: connection.name, connector: connection.connector, asOf, dryRun };
  const release = await store.tryLock(`sync:${connection.name}`);
  if (!release) {
    const error = `another run of ${connection.name} is in progress`;
    const runId = await startRun(store, { ...base, status: 'skipped', error });
    options.onRunStarted?.(runId);
    log.info({ connection: connection.name, runId }, `sync skipped: ${error}`);
    return {
      runId,
      connection: connection.name,
      status: 'skipped',
      asOf,
      dryRun,
      stats,
      plan: {},
      issues: [],
      error,
    };
  }
  let runId: number;
  try {
    runId = await startRun(store, base);
    options.onRunStarted?.(runId);
  } catch (err) {
    await release();
    throw err;
  }
  // A connector instance may serve several runs (the scheduler): count this run's calls only.
  const callsBefore = connector.usage?.().calls ?? 0;
  const report: RunReport = {
    runId,
    connection: connection.name,
    status: 'succeeded',
    asOf,
    dryRun,
    stats,
    plan: {},
    issues: [],
  };
  const issues: Issue[] = report.issues;
  let mark = Date.now();
  const lap = (phase: string) => {
    const now = Date.now();
    stats.phaseMs[phase] = (stats.phaseMs[phase] ?? 0) + now - mark;
    mark = now;
  };
  try {
    log.info({ connection: connection.name, runId, asOf, dryRun }, 'sync started');
    const objects = NEUTRAL_OBJECTS.filter((o) => connection.mapping.objects[o]);
    const pulled: Pulled[] = [];
    for (const [i, object] of objects.entries()) {
      const r = await pullObject({
        store,
        connector,
        connection: connection.name,
        runId,
        object,
        spec: connection.mapping.objects[object]!,
        full: options.full ?? false,
      });
      stats.pulled += r.pulled;
      stats.mapped += r.mapped;
      stats.mirrorUpserts += r.upserts;
      stats.deletes += r.deletes;
      issues.push(...r.issues);
      pulled.push(r.view);
      options.onProgress?.('pull', i + 1, objects.length);
    }
    stats.issues = issues.length;
    await addIssues(store, connection.name, runId, issues);
    lap('pull');
    stats.snapshots = await snapshotAccounts(store, connection.name, asOf, runId);
    lap('snapshot');
    const portfolio = await portfolioFromPull(store, connection.name, asOf, pulled);
    lap('portfolio');
    options.onProgress?.('analyze', 0, 1);
    const analysis = await options.analyze(portfolio, asOf);
    report.analysis = analysis;
    lap('analyze');
    options.onProgress?.('analyze', 1, 1);
    const tracked = await trackOpportunities(store, {
      connection: connection.name,
      runId,
      asOf,
      opportunities: analysis.opportunities,
      settingsVersion: analysis.settingsVersion,
    });
    stats.opportunities = { new: tracked.new, changed: tracked.changed, closed: tracked.closed };
    await saveSummaries(store, connection.name, runId, analysis.accounts);
    lap('track');

    const wb = connection.writeBack ? connection.mapping.writeBack : undefined;
    if (wb) {
      options.onProgress?.('read-back', 0, 1);
      stats.statusChanges = await readBackStatuses({
        db: store,
        connector,
        connection: connection.name,
        writeBack: wb,
        states: tracked.states,
        asOf,
        log,
      });
      options.onProgress?.('read-back', 1, 1);
      lap('read-back');
      const batches = planWrites({
        writeBack: wb,
        accounts: new Map(portfolio.accounts.map((a): [string, Account] => [a.id, a])),
        summaries: analysis.accounts,
        opportunities: analysis.opportunities,
        states: tracked.states,
        written: {
          account: await writeStates(store, connection.name, 'account'),
          opportunity: await writeStates(store, connection.name, 'opportunity'),
          task: await writeStates(store, connection.name, 'task'),
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
            connection: connection.name,
            runId,
            batches,
            log,
            batchSize: options.writeBatchSize ?? 200,
            onProgress: (done, total) => options.onProgress?.('write', done, total),
            result: written,
          });
        } finally {
          lap('write');
          stats.writeErrors = written.errors.length;
          if (written.errors.length) {
            issues.push(...written.errors);
            await addIssues(store, connection.name, runId, written.errors);
          }
        }
      }
    }
  } catch (err) {
    report.status = 'failed';
    report.error =
      err instanceof LimitReachedError
        ? `${err.message}: the run stopped; the next run resumes where this one stopped`
        : (err as Error).message;
    log.error({ connection: connection.name, runId, err }, `sync failed: ${report.error}`);
  } finally {
    stats.apiCalls = (connector.usage?.().calls ?? 0) - callsBefore;
    stats.durationMs = Date.now() - started;
    try {
      await finishRun(store, runId, {
        status: report.status === 'skipped' ? 'failed' : report.status,
        stats,
        ...(report.error ? { error: report.error } : {}),
      });
    } finally {
      await release();
    }
  }
  log.info({ connection: connection.name, runId, status: report.status, stats }, 'sync finished');
  return report;
}
