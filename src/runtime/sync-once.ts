/**
 * One sync of one connection as every entry point runs it (`headroom sync`, `npm start`, the
 * scheduler, `POST /api/runs`): connector → `runSync` (pull, mirror, score, diffed write-back) →
 * the output files, when asked for.
 */
import { join } from 'node:path';
import type { Connector } from '../../connectors/types.js';
import type { Env } from '../env.js';
import type { Log } from '../log.js';
import { renderPlaybook } from '../narrative/index.js';
import { OUTPUT_FILES, writeOutputs } from '../output/write-outputs.js';
import { groupBy } from '../pipeline/analyze.js';
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import { forgetOutputFiles, outputFilesInPlace, recordOutputFiles } from '../store/output-files.js';
import { HEADROOM_VERSION } from '../version.js';
import { runSync } from '../sync/index.js';
import type { RunReport, SyncConnection, SyncPhase } from '../sync/types.js';
import { checkMappingAgainstCrm, openConnector } from './connector.js';
import { createAnalyzer } from './analyzer.js';
import { recordOutcomes, retroHistory, signalPrecisionSection } from './learn.js';
import { loadScoringConfig, withDeclaredScales } from './scoring-config.js';
import type { WarnThresholds } from '../sync/run-warnings.js';

export interface SyncOnceOptions {
  store: Store;
  connection: SyncConnection;
  env: Env;
  log: Log;
  asOf: string;
  /** Write the output files here. */
  out?: string | undefined;
  dryRun?: boolean | undefined;
  full?: boolean | undefined;
  /** Confirm a mass change the guard would hold (`--allow-mass-change`, the console). */
  allowMassChange?: boolean | undefined;
  onProgress?: ((phase: SyncPhase, done: number, total: number) => void) | undefined;
  /** Called once the run is recorded (the server answers POST /api/runs with its id). */
  onRunStarted?: ((runId: number) => void) | undefined;
  /** A connector already built (tests); otherwise one is created from the connection. */
  connector?: Connector | undefined;
}

export interface SyncOnceResult {
  report: RunReport;
  /** Output files written. */
  written: string[];
  /** Output files left as they were: they already hold these results (a run that kept the
   * last run's results, `report.unchangedSince`). */
  kept: string[];
}

export async function syncOnce(o: SyncOnceOptions): Promise<SyncOnceResult> {
  const folder =
    o.connection.connector === 'files' ? String(o.connection.options.source ?? '') : undefined;
  const scoring = loadScoringConfig(o.env, folder || undefined);
  const settings = withDeclaredScales(scoring.settings, o.connection.mapping.scales);
  const connector = o.connector ?? (await openConnector(o.connection, o.store, o.log));
  try {
    await checkMappingAgainstCrm(o.connection, connector);
    const analyzer = createAnalyzer({
      store: o.store,
      connection: o.connection.name,
      catalog: scoring.catalog,
      settings,
    });
    const portfolioName = `${o.connection.name} (${o.connection.connector})`;
    const out = o.out;
    const report = await runSync({
      // What the results depend on here besides the mirror, the date, the mapping and people's
      // decisions: a run with nothing new keeps the last run's results and its output files.
      analysisKey: hashValue({
        version: HEADROOM_VERSION,
        catalog: scoring.catalog,
        settings,
        portfolioName,
      }),
      resultsInPlace: (inputsKey) =>
        out
          ? outputFilesInPlace(o.store, { connection: o.connection.name, dir: out, inputsKey })
          : Promise.resolve(true),
      store: o.store,
      connection: o.connection,
      connector,
      asOf: o.asOf,
      log: o.log,
      catalog: scoring.catalog,
      warnThresholds: warnThresholds(o.env),
      pullWorker: o.env.HEADROOM_PULL_WORKER,
      ...(o.dryRun ? { dryRun: true } : {}),
      ...(o.full ? { full: true } : {}),
      ...(o.allowMassChange ? { massChange: { allow: true } } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      ...(o.onRunStarted ? { onRunStarted: o.onRunStarted } : {}),
      analyze: analyzer.analyze,
      // The output files are made from every account's results: a run that writes them analyzes
      // every account.
      ...(out ? {} : { analyzeShare: analyzer.analyzeShare }),
    });
    const { portfolio, learned } = analyzer.last;
    if (learned && report.status === 'succeeded' && !o.dryRun) {
      const added = await recordOutcomes(o.store, o.connection.name, learned.outcomes);
      if (added) o.log.info({ connection: o.connection.name, added }, 'outcomes recorded');
    }
    const written: string[] = [];
    if (out && report.unchangedSince !== undefined)
      return { report, written, kept: outputPaths(out) };
    if (out && report.analysis) {
      await forgetOutputFiles(o.store, o.connection.name, out);
      const { opportunities, accounts } = report.analysis;
      const playbook = renderPlaybook({
        opportunities,
        accounts,
        asOf: o.asOf,
        portfolioName,
        catalog: scoring.catalog,
        ...(portfolio
          ? {
              extraSections: [
                signalPrecisionSection(learned, () =>
                  retroHistory(portfolio!, scoring.catalog, settings, o.asOf),
                ),
              ],
              accountsById: new Map(portfolio.accounts.map((a) => [a.id, a])),
              contactsByAccount: groupBy(portfolio.contacts, (c) => c.accountId),
            }
          : {}),
      });
      written.push(
        ...(await writeOutputs(out, {
          opportunities,
          accounts,
          issues: report.issues,
          playbook,
        })),
      );
      if (report.inputsKey !== undefined)
        await recordOutputFiles(o.store, {
          connection: o.connection.name,
          dir: out,
          inputsKey: report.inputsKey,
          runId: report.runId,
          files: written,
        });
    }
    return { report, written, kept: [] };
  } finally {
    await connector.close?.();
  }
}

/** The output files of `dir`, in the contract's order. */
const outputPaths = (dir: string): string[] =>
  Object.values(OUTPUT_FILES).map((name) => join(dir, name));

/** The sync-warning thresholds from the environment (`HEADROOM_WARN_*`). */
export const warnThresholds = (env: Env): WarnThresholds => ({
  redShare: env.HEADROOM_WARN_RED_SHARE,
  refusedShare: env.HEADROOM_WARN_REFUSED_SHARE,
  minRecords: env.HEADROOM_WARN_MIN_RECORDS,
});
