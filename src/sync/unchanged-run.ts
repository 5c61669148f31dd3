/**
 * A run whose results would be the last run's: its pull changed nothing in the mirror, and
 * nothing else its analysis depends on moved (the scoring settings and catalog, the run's date,
 * the mapping, people's decisions on opportunities). It keeps the last run's results instead of
 * scoring, narrating and storing them again: an unchanged scheduled re-sync costs what reading
 * the sources' fingerprints costs (`unchanged-source.ts`), not a whole run.
 *
 * Conservative by design: the run before it (runs skipped for the lock aside) must have
 * succeeded, not as a dry run, with the same key. A held or failed run in between, which may have
 * written the mirror or the opportunities, makes the next run analyze again. A connection that
 * writes back to its CRM always runs in full, so the CRM's decisions are read back and failed
 * writes retried. The caller confirms that what it made of the last results is still in place
 * (the output files), or the run analyzes again and remakes them.
 */
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import { decisionsDigest } from '../store/opportunities.js';
import { previousRun } from '../store/runs.js';
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

/** The run whose results this one keeps, or undefined when it must analyze. */
export async function keptRun(args: {
  store: Store;
  connection: SyncConnection;
  runId: number;
  key: string;
  pulls: readonly PullResult[];
  dryRun: boolean;
  /** The caller's results of `key` are still in place (the output files). */
  inPlace: (key: string) => Promise<boolean>;
}): Promise<{ id: number; stats: Record<string, unknown> } | undefined> {
  if (args.dryRun || args.connection.writeBack) return undefined;
  if (args.pulls.some((p) => p.upserts > 0 || p.deleteIds.length > 0 || p.unreadable))
    return undefined;
  const previous = await previousRun(args.store, args.connection.name, args.runId);
  if (
    !previous ||
    previous.status !== 'succeeded' ||
    previous.dryRun ||
    previous.inputsKey !== args.key
  )
    return undefined;
  return (await args.inPlace(args.key)) ? previous : undefined;
}

/** The figures of the kept run's results, carried over to the run that keeps them. */
export function keptFigures(stats: Record<string, unknown>): RunStats['results'] {
  return (stats as Partial<RunStats>).results;
}
