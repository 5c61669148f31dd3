/**
 * One sync of one connection as every entry point runs it (`headroom sync`, `npm start`, the
 * scheduler, `POST /api/runs`): connector → `runSync` (pull, mirror, score, diffed write-back) →
 * the output files, when asked for.
 */
import { join } from 'node:path';
import type { Connector } from '../../connectors/types.js';
import type { Env } from '../env.js';
import type { Log } from '../log.js';
import { cacheFiles, readCacheHeader, type CacheHeader } from '../output/results-cache/index.js';
import { OUTPUT_FILES } from '../output/write-outputs.js';
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import {
  forgetOutputFiles,
  outputFilesInPlace,
  recordOutputFiles,
  sameFiles,
  stampsOf,
} from '../store/output-files.js';
import { HEADROOM_VERSION } from '../version.js';
import { runSync } from '../sync/index.js';
import type { RunReport, SyncConnection, SyncPhase } from '../sync/types.js';
import { checkMappingAgainstCrm, openConnector } from './connector.js';
import { createAnalyzer } from './analyzer.js';
import { recordOutcomes } from './learn.js';
import { startRetro, writeAllOutputs, type OutputContext } from './outputs.js';
import type { Retro } from './learn.js';
import { patchOutputs, planPatch, startPatch, type Patch } from './patch-outputs.js';
import { PlaybookJobHandle } from './playbook-thread.js';
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
  // Calls off work started for output files the run does not write (`startRetro`).
  const stop = new AbortController();
  let job: PlaybookJobHandle | undefined;
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
    const outputs: OutputContext | undefined = out
      ? {
          store: o.store,
          connection: o.connection.name,
          out,
          asOf: o.asOf,
          portfolioName,
          catalog: scoring.catalog,
          settings,
          cache: cacheFiles(o.store.resultsDir, o.connection.name, out),
        }
      : undefined;
    // The cache that goes with output files still in place, the patch under way, and (`job`)
    // what reads the cache and patches the files.
    let cached: CacheHeader | undefined;
    let patch: Patch | undefined;
    let retro: Promise<Retro> | undefined;
    const startJob = (header: CacheHeader) =>
      new PlaybookJobHandle(
        {
          files: outputs!.cache,
          header,
          playbook: { asOf: o.asOf, portfolioName, catalog: scoring.catalog },
        },
        o.env.HEADROOM_OUTPUT_THREAD,
      );
    // A cache whose files are still in place: its job starts with the run, in case the run
    // changes a few accounts (in a thread at scale, reading the cache while the pull goes on).
    // Stopped as soon as the run goes another way.
    const early = outputs && !o.full && (await readCacheHeader(outputs.cache));
    if (
      early &&
      sameFiles(early.files, stampsOf(early.files.map((f) => join(outputs!.out, f.name))))
    )
      job = startJob(early);
    const dropJob = () => {
      job?.stop();
      job = undefined;
    };
    const report = await runSync({
      // What the results depend on here besides the mirror, the date, the mapping and people's
      // decisions: a run with nothing new keeps the last run's results and its output files.
      analysisKey: hashValue({
        version: HEADROOM_VERSION,
        catalog: scoring.catalog,
        settings,
        portfolioName,
      }),
      resultsInPlace: async (inputsKey, resultsRun, changed) => {
        if (!outputs) return true;
        const files = await outputFilesInPlace(o.store, {
          connection: o.connection.name,
          dir: outputs.out,
          inputsKey,
          resultsRun,
        });
        if (!files) {
          dropJob();
          return false;
        }
        const header = await readCacheHeader(outputs.cache);
        cached =
          header?.resultsRun === resultsRun &&
          header.inputsKey === inputsKey &&
          sameFiles(header.files, files)
            ? header
            : undefined;
        // A run that changed records patches the files from every account's cache entry: the
        // job reads them while the run snapshots and reads the changed accounts' records.
        if (!cached || !changed || JSON.stringify(early) !== JSON.stringify(cached)) dropJob();
        if (cached && changed) {
          job ??= startJob(cached);
          job.go();
        }
        return true;
      },
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
      analyze: async (portfolio, asOf, storeRead) => {
        dropJob();
        const analysis = await analyzer.analyze(portfolio, asOf, storeRead);
        // The output files' retro history is seconds of scoring at 100k accounts: worked out
        // in turns while the run stores its results.
        if (outputs) retro = startRetro(outputs, portfolio, analyzer.last.learned, stop.signal);
        return analysis;
      },
      // Output files are patched for the changed accounts only from their cache, and only while
      // the other accounts' history of the portfolio's past stands (`planPatch`).
      analyzeShare: async (input) => {
        if (!outputs) return analyzer.analyzeShare(input);
        const plan =
          cached && job && (await planPatch(outputs, cached, job, input.accountIds, input.share));
        if (!plan) return undefined;
        const analysis = await analyzer.analyzeShare(input);
        if (analysis)
          patch = startPatch(
            outputs,
            plan,
            input.accountIds,
            analysis,
            input.share,
            analyzer.last.learned,
          );
        return analysis;
      },
    });
    const { portfolio, learned } = analyzer.last;
    const writes = outputs && report.unchangedSince === undefined && report.analysis && portfolio;
    // The files about to be rewritten are forgotten first: the outcomes' write (1-2 s of the
    // database at 100k accounts, nothing of this thread's) then goes on while the files are made,
    // and is awaited before they are recorded.
    if (writes) await forgetOutputFiles(o.store, o.connection.name, outputs.out);
    const recording =
      learned && report.status === 'succeeded' && !o.dryRun
        ? recordOutcomes(o.store, o.connection.name, learned.outcomes).then((added) => {
            if (added) o.log.info({ connection: o.connection.name, added }, 'outcomes recorded');
          })
        : undefined;
    // Awaited below; a failure before then is not an unhandled rejection.
    recording?.catch(() => undefined);
    if (!writes) {
      await recording;
      return {
        report,
        written: [],
        kept: outputs && report.unchangedSince !== undefined ? outputPaths(outputs.out) : [],
      };
    }
    const { written } = report.changedAccounts
      ? await patchOutputs(outputs, report, patch!)
      : await writeAllOutputs(outputs, report, portfolio, learned, retro);
    await recording;
    if (report.inputsKey !== undefined && report.resultsRun !== undefined)
      await recordOutputFiles(o.store, {
        connection: o.connection.name,
        dir: outputs.out,
        inputsKey: report.inputsKey,
        runId: report.resultsRun,
        files: written,
      });
    return { report, written, kept: [] };
  } finally {
    stop.abort();
    job?.stop();
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
