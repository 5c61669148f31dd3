/**
 * Whether a run may build on the results of the run before it, and whether it need do anything
 * at all. A run's results depend on the mirror and on what `inputsKey` covers (the scoring
 * settings and catalog, the run's date, the mapping, people's decisions on opportunities). When
 * the run before it succeeded with the same key, its results stand for every account whose
 * records did not change: a run whose pull changed nothing keeps them whole (no scoring,
 * narrating or storing: an unchanged scheduled re-sync costs what reading the sources'
 * fingerprints costs, `unchanged-source.ts`), and one whose pull changed a few accounts analyzes
 * only those (`changed-accounts.ts`).
 *
 * Conservative by design: the run before (runs skipped for the lock aside) must have succeeded,
 * not as a dry run, with the same key. A held or failed run in between, which may have written
 * the mirror or the opportunities, makes the next run analyze everything. A connection that
 * writes back to its CRM always runs in full, so the CRM's decisions are read back and failed
 * writes retried. The caller confirms that what it made of the last results is still in place
 * (the output files), or the run analyzes everything and remakes them.
 */
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import { decisionsDigest } from '../store/opportunities.js';
import { previousRun, type PreviousRun } from '../store/runs.js';
import type { PullResult } from './pull.js';
import type { RunStats, SyncConnection } from './types.js';

/** What a run's analysis depends on besides the mirror. */
export async function inputsKey(args: {
  store: Store;
  connection: SyncConnection;
  asOf: string;
  /** The caller's part: the scoring settings and catalog, Headroom's version. */
  analysisKey: string;
}): Promise<string> {
  return hashValue({
    analysis: args.analysisKey,
    asOf: args.asOf,
    mapping: args.connection.mapping,
    decisions: await decisionsDigest(args.store, args.connection.name),
  });
}

/** The run whose results still stand for this one to build on, or undefined. */
export async function standingRun(args: {
  store: Store;
  connection: SyncConnection;
  runId: number;
  key: string;
  dryRun: boolean;
  /** The caller's results of `key`, as run `resultsRun` left them, are still in place (the
   * output files); `changed`: the pull changed records. */
  inPlace: (key: string, resultsRun: number, changed: boolean) => Promise<boolean>;
  changed: boolean;
}): Promise<PreviousRun | undefined> {
  if (args.dryRun || args.connection.writeBack) return undefined;
  const previous = await previousRun(args.store, args.connection.name, args.runId);
  if (
    !previous ||
    previous.status !== 'succeeded' ||
    previous.dryRun ||
    previous.inputsKey !== args.key
  )
    return undefined;
  return (await args.inPlace(args.key, previous.resultsRun, args.changed)) ? previous : undefined;
}

/** The pull wrote nothing to the mirror and will delete nothing. */
export const pullChangedNothing = (pulls: readonly PullResult[]): boolean =>
  pulls.every((p) => p.upserts === 0 && p.deleteIds.length === 0 && !p.unreadable);

/** The figures of the kept run's results, carried over to the run that keeps them. */
export function keptFigures(stats: Record<string, unknown>): RunStats['results'] {
  return (stats as Partial<RunStats>).results;
}
