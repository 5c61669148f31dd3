/**
 * One sync run of one connection: lock → pull, map, mirror → snapshot → analyze → track
 * opportunities → read back people's decisions → plan the write-back → write what changed →
 * record the run. A run that cannot take the connection's lock is recorded as skipped.
 */
import { performance } from 'node:perf_hooks';
import { LimitReachedError } from '../../connectors/types.js';
import type { Issue } from '../model/output.js';
import type { Portfolio } from '../model/records.js';
import { addIssues } from '../store/issues.js';
import { bulkOpportunityStates, openOpportunityCount } from '../store/bulk/opportunity-states.js';
import { finishRun, lastSucceededRun, startRun } from '../store/runs.js';
import { snapshotAccounts } from '../store/snapshots.js';
import { resultFigures, saveSummaries } from '../store/summaries.js';
import { applyPull } from './apply-pull.js';
import { closingCounts, holdRun } from './hold-run.js';
import { checkOpportunities, DEFAULT_MASS_CHANGE_SHARE } from './mass-change-guard.js';
import { accountsHold, pullAll } from './pull-phase.js';
import { portfolioFromPull } from './pulled-portfolio.js';
import { trackOpportunities } from './track-opportunities.js';
import { emptyStats, type Analysis, type RunReport, type RunSyncOptions } from './types.js';
import { runWarnings } from './run-warnings.js';
import { analyzeChanged } from './changed-accounts.js';
import { refreshPlannerStats } from '../store/planner-stats.js';
import { inputsKey, keptFigures, pullChangedNothing, standingRun } from './unchanged-run.js';
import { writeBackPhase } from './write-phase.js';

export { summarizePlan } from './plan-summary.js';

export async function runSync(options: RunSyncOptions): Promise<RunReport> {
  const { store, connection, connector, asOf, log } = options;
  const dryRun = options.dryRun ?? false;
  // Durations on the monotonic clock: the machine's clock may be stepped during a long run.
  const started = performance.now();
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
  /** Recorded with a run that succeeded: what its results depended on besides the mirror, and
   * what its analyzer kept of the portfolio as a whole. */
  let inputs: string | undefined;
  let state: unknown;
  let mark = performance.now();
  let busy = performance.eventLoopUtilization();
  // Each phase's time summed unrounded over its laps, then rounded: rounding each lap made a
  // phase of many short laps report more busy than elapsed milliseconds.
  const elapsed = new Map<string, { ms: number; busy: number }>();
  const lap = (phase: string) => {
    const now = performance.now();
    const elu = performance.eventLoopUtilization();
    const sum = elapsed.get(phase) ?? { ms: 0, busy: 0 };
    elapsed.set(phase, sum);
    sum.ms += now - mark;
    // The two clocks are read microseconds apart: never more busy than elapsed.
    sum.busy += Math.min(elu.active - busy.active, now - mark);
    stats.phaseMs[phase] = Math.round(sum.ms);
    stats.phaseBusyMs[phase] = Math.round(sum.busy);
    mark = now;
    busy = elu;
  };
  try {
    log.info({ connection: connection.name, runId, asOf, dryRun }, 'sync started');
    const pulls = await pullAll({
      store,
      connector,
      connection,
      runId,
      full: options.full ?? false,
      stats,
      issues,
      catalog: options.catalog,
      pullWorker: options.pullWorker,
      log,
      onProgress: options.onProgress,
    });
    stats.issues = issues.length;
    await addIssues(store, connection.name, runId, issues);
    lap('pull');
    const key =
      options.analysisKey !== undefined
        ? await inputsKey({ store, connection, asOf, analysisKey: options.analysisKey })
        : undefined;
    // The run before, when its results stand for this run to build on.
    const nothingNew = pullChangedNothing(pulls);
    const standing =
      key &&
      (await standingRun({
        store,
        connection,
        runId,
        key,
        dryRun,
        inPlace: options.resultsInPlace ?? (() => Promise.resolve(true)),
        changed: !nothingNew,
      }));
    if (standing && nothingNew) {
      // Pulls that read nothing new may still have moved a watermark.
      for (const p of pulls) await applyPull(store, connection.name, p, runId);
      report.unchangedSince = standing.resultsRun;
      const results = keptFigures(standing.stats);
      if (results) stats.results = results;
      inputs = key;
      state = standing.analysisState;
      lap('unchanged');
      log.info(
        { connection: connection.name, runId, keeps: standing.id },
        `nothing changed since run ${standing.id}: its results stand`,
      );
      return report;
    }
    const guard = {
      share: options.massChange?.share ?? connection.massChangeShare ?? DEFAULT_MASS_CHANGE_SHARE,
      allow: options.massChange?.allow ?? false,
    };
    const comparedWith = await lastSucceededRun(store, connection.name);
    const accountsHeld = accountsHold(pulls, guard, comparedWith);
    if (accountsHeld) return holdRun(report, accountsHeld, log);
    // The accounts whose account or usage records the pull changed, and any without one yet.
    const snapshotted = pulls
      .filter((p) => p.object === 'account' || p.object === 'usage')
      .flatMap((p) => [...p.touched]);
    // The day's snapshot: taken before a share is analyzed (which reads the store throughout),
    // beside the analysis of the whole portfolio once the analyzer has read the store. The
    // portfolio's seat history is read as the snapshot will leave it (`seatHistory`).
    let snapshot: Promise<number> | undefined;
    const takeSnapshot = () => {
      snapshot ??= snapshotAccounts(store, connection.name, asOf, snapshotted);
      // Awaited below; a failure meanwhile is not an unhandled rejection.
      snapshot.catch(() => undefined);
    };
    const snapshotTaken = async () => {
      takeSnapshot();
      stats.snapshots = await snapshot!;
      lap('snapshot');
    };
    if (standing && options.analyzeShare) await snapshotTaken();
    options.onProgress?.('analyze', 0, 1);
    // Only the accounts whose records changed, where the last run's results stand for the rest.
    const changed =
      standing && options.analyzeShare
        ? await analyzeChanged({
            store,
            connection: connection.name,
            asOf,
            pulls,
            previous: standing.analysisState,
            analyzeShare: options.analyzeShare,
          })
        : undefined;
    let portfolio: Portfolio | undefined;
    let analysis: Analysis;
    if (changed) {
      analysis = changed.analysis;
      lap('analyze');
    } else {
      // Scored as the mirror will be once this run's deletions are applied, before they are.
      portfolio = await portfolioFromPull(
        store,
        connection.name,
        asOf,
        pulls.flatMap((p) => (p.view ? [p.view] : [])),
        snapshot ? undefined : snapshotted,
      );
      lap('portfolio');
      try {
        analysis = await options.analyze(portfolio, asOf, takeSnapshot);
      } catch (err) {
        // Nothing of this run goes on writing after it has failed.
        await snapshot?.catch(() => undefined);
        throw err;
      }
      lap('analyze');
      await snapshotTaken();
    }
    const warn = (figures: Parameters<typeof runWarnings>[0]) => {
      stats.warnings = runWarnings(figures);
      for (const w of stats.warnings)
        log.warn({ connection: connection.name, runId, ...w }, w.message);
    };
    const pulled = Object.fromEntries(pulls.map((p) => [p.object, p.pulled]));
    const thresholds = options.warnThresholds;
    // A share's figures are the whole portfolio's only once stored (below).
    if (!changed) warn({ pulled, issues, accounts: analysis.accounts, thresholds });
    options.onProgress?.('analyze', 1, 1);
    const scope = changed?.accounts;
    const states = await bulkOpportunityStates(store, connection.name, scope);
    const closing = closingCounts(
      states,
      analysis.opportunities,
      scope && (await openOpportunityCount(store, connection.name)),
    );
    const opportunitiesHeld = checkOpportunities(closing, guard, comparedWith);
    if (opportunitiesHeld) return holdRun(report, opportunitiesHeld, log);
    report.analysis = analysis;
    if (scope) {
      report.changedAccounts = scope;
      stats.changedAccounts = scope.length;
    }
    for (const p of pulls) stats.deletes += await applyPull(store, connection.name, p, runId);
    const tracked = await trackOpportunities(store, {
      connection: connection.name,
      runId,
      asOf,
      opportunities: analysis.opportunities,
      settingsVersion: analysis.settingsVersion,
      states,
    });
    stats.opportunities = { new: tracked.new, changed: tracked.changed, closed: tracked.closed };
    await saveSummaries(store, connection.name, runId, analysis.accounts, scope);
    stats.results = scope
      ? await resultFigures(store, connection.name)
      : {
          accounts: analysis.accounts.length,
          red: analysis.accounts.filter((a) => a.health === 'red').length,
          opportunities: analysis.opportunities.length,
          tier1Expansion: analysis.opportunities.filter(
            (o) => o.tier === 1 && o.category === 'expansion',
          ).length,
        };
    if (changed)
      warn({
        pulled,
        issues,
        red: { red: stats.results.red, of: stats.results.accounts },
        thresholds,
      });
    state = analysis.state;
    lap('track');

    const wb = connection.writeBack ? connection.mapping.writeBack : undefined;
    if (wb)
      await writeBackPhase({
        ...options,
        writeBack: wb,
        runId,
        report,
        // A connection that writes back never analyzes a share (`unchanged-run.ts`).
        portfolio: portfolio!,
        tracked,
        lap,
      });
    // The embedded store has no autovacuum to keep the planner's statistics or reclaim the rows
    // the run rewrote (`planner-stats.ts`). The run's results are stored by now: upkeep that
    // failed costs the next run time or disk, not this one its results.
    try {
      const { analyzed, vacuumed } = await refreshPlannerStats(store);
      if (analyzed.length || vacuumed.length) {
        lap('statistics');
        log.info(
          { connection: connection.name, runId, analyzed, vacuumed },
          'planner statistics refreshed, dead rows vacuumed',
        );
      }
    } catch (err) {
      log.warn(
        { connection: connection.name, runId, err },
        `planner statistics not refreshed, dead rows not vacuumed: ${(err as Error).message}`,
      );
    }
    inputs = key;
  } catch (err) {
    report.status = 'failed';
    report.error =
      err instanceof LimitReachedError
        ? `${err.message}: the run stopped; the next run resumes where this one stopped`
        : (err as Error).message;
    log.error({ connection: connection.name, runId, err }, `sync failed: ${report.error}`);
  } finally {
    if (report.status === 'succeeded' && inputs !== undefined) {
      report.inputsKey = inputs;
      report.resultsRun = report.unchangedSince ?? runId;
    }
    stats.apiCalls = (connector.usage?.().calls ?? 0) - callsBefore;
    stats.durationMs = Math.round(performance.now() - started);
    try {
      await finishRun(store, runId, {
        status: report.status === 'skipped' ? 'failed' : report.status,
        stats: report.held ? { ...stats, massChange: report.held } : stats,
        ...(report.error ? { error: report.error } : {}),
        ...(report.inputsKey !== undefined
          ? { inputsKey: report.inputsKey, analysisState: state, resultsRun: report.resultsRun! }
          : {}),
      });
    } finally {
      await release();
    }
  }
  log.info({ connection: connection.name, runId, status: report.status, stats }, 'sync finished');
  return report;
}
