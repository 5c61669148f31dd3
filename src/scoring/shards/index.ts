/**
 * Scoring in shards: a portfolio's accounts cut into contiguous ranges of its account order, each
 * range scored on its own (in a worker thread here; in another process or on another machine
 * once a job queue hands the jobs out), the results put back together in shard order. The
 * result is the one `scorePortfolio` gives over the whole portfolio, byte for byte: every account
 * is scored from its own records only, and what is portfolio-wide (cohort benchmarks, scales) is
 * computed once, in a first pass over the accounts alone, and handed to every shard.
 *
 * A job is plain data (JSON), so it can be queued: which share, the run's catalog, settings and
 * as-of date, the portfolio's statistics, and the modules that load the share and take the
 * result. The shard loads its own share: nothing as large as a portfolio crosses between threads
 * or processes, only the job and, when no sink is named, the share's result.
 */
import type { Catalog } from '../../model/catalog.js';
import type { Portfolio } from '../../model/records.js';
import type { PortfolioStats } from '../portfolio-stats.js';
import { scorePortfolio, type ScoringResult } from '../score-portfolio.js';
import type { ScoringSettings } from '../settings/index.js';

/** One share: the accounts at positions [from, to) of the portfolio's account order. */
export interface ShardRange {
  index: number;
  count: number;
  from: number;
  to: number;
}

/** A module's export, by absolute file URL or path (what a worker or another process can import;
 * a relative specifier would resolve against this module, not the caller's). */
export interface ModuleRef {
  module: string;
  export: string;
  /** Handed to the export as its first argument: plain data. */
  args?: unknown;
}

/** `(args, shard) => Portfolio`: the share's accounts, in the portfolio's order, and every record
 * that belongs to them (other records are harmless: nothing scores them). */
export type ShareLoader = (args: unknown, shard: ShardRange) => Portfolio | Promise<Portfolio>;

/** `(args, result, job) => summary`: puts a shard's result where it goes (files, a store) and
 * returns what the runner should hear back (plain data, small). */
export type ShareSink = (
  args: unknown,
  result: ScoringResult,
  job: ScoringShardJob,
) => unknown | Promise<unknown>;

export interface ScoringShardJob {
  shard: ShardRange;
  asOf: string;
  catalog: Catalog;
  settings: ScoringSettings;
  /** The whole portfolio's statistics (`portfolioStats`), never the share's. */
  stats: PortfolioStats;
  source: ModuleRef;
  /** Absent: the result itself goes back to the runner. */
  sink?: ModuleRef;
}

/** What a job gives back, with its own timings (milliseconds). */
export interface ShardOutcome {
  shard: ShardRange;
  /** The result, when the job names no sink. */
  result?: ScoringResult;
  /** The sink's summary, when it names one. */
  summary?: unknown;
  accounts: number;
  opportunities: number;
  ms: { load: number; score: number; sink: number };
}

/**
 * `count` contiguous ranges over `accounts` positions, sizes differing by at most one; fewer when
 * there are fewer accounts than shards (no empty shard), one empty range for an empty portfolio.
 */
export function planShards(accounts: number, count: number): ShardRange[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`planShards: count must be a whole number ≥ 1, got ${count}`);
  const n = Math.max(1, Math.min(count, accounts));
  const ranges: ShardRange[] = [];
  for (let i = 0, from = 0; i < n; i++) {
    const to = from + Math.floor(accounts / n) + (i < accounts % n ? 1 : 0);
    ranges.push({ index: i, count: n, from, to });
    from = to;
  }
  return ranges;
}

/** The jobs of one run: one per range, the rest shared. */
export function shardJobs(
  ranges: readonly ShardRange[],
  shared: Omit<ScoringShardJob, 'shard'>,
): ScoringShardJob[] {
  return ranges.map((shard) => ({ ...shared, shard }));
}

async function resolve<F>(ref: ModuleRef, what: string): Promise<F> {
  const mod = (await import(ref.module)) as Record<string, unknown>;
  const fn = mod[ref.export];
  if (typeof fn !== 'function')
    throw new TypeError(`scoring shard: ${what} ${ref.module} has no function "${ref.export}"`);
  return fn as F;
}

/** Load a job's share and check it is the one asked for. */
export async function loadShare(job: ScoringShardJob): Promise<Portfolio> {
  const load = await resolve<ShareLoader>(job.source, 'source');
  const share = await load(job.source.args, job.shard);
  const want = job.shard.to - job.shard.from;
  if (share.accounts.length !== want) {
    throw new RangeError(
      `scoring shard ${job.shard.index + 1} of ${job.shard.count}: the source ${job.source.module}#${job.source.export} gave ${share.accounts.length} accounts for positions ${job.shard.from}–${job.shard.to} (${want} expected)`,
    );
  }
  return share;
}

export const scoreShare = (job: ScoringShardJob, share: Portfolio): ScoringResult =>
  scorePortfolio({
    portfolio: share,
    catalog: job.catalog,
    settings: job.settings,
    asOf: job.asOf,
    stats: job.stats,
  });

/** Hand a share's result to the job's sink; without one the result is the outcome. */
export async function sinkShare(
  job: ScoringShardJob,
  result: ScoringResult,
): Promise<Pick<ShardOutcome, 'result' | 'summary'>> {
  if (!job.sink) return { result };
  const sink = await resolve<ShareSink>(job.sink, 'sink');
  return { summary: await sink(job.sink.args, result, job) };
}

/** A job's outcome once its result went to the sink (or is to go back). */
export const shardOutcome = (
  job: ScoringShardJob,
  result: ScoringResult,
  delivered: Pick<ShardOutcome, 'result' | 'summary'>,
  ms: ShardOutcome['ms'],
): ShardOutcome => ({
  shard: job.shard,
  ...delivered,
  accounts: result.accounts.length,
  opportunities: result.opportunities.length,
  ms,
});

/** Run one job here, start to end: what a queue's worker does with a job it takes. */
export async function runShardJob(job: ScoringShardJob): Promise<ShardOutcome> {
  const t0 = performance.now();
  const share = await loadShare(job);
  const t1 = performance.now();
  const result = scoreShare(job, share);
  const t2 = performance.now();
  const delivered = await sinkShare(job, result);
  return shardOutcome(job, result, delivered, {
    load: t1 - t0,
    score: t2 - t1,
    sink: performance.now() - t2,
  });
}

/** The shards' results as one run's: concatenated in shard order (the portfolio's order). */
export function mergeShards(outcomes: readonly ShardOutcome[]): ScoringResult {
  const sorted = [...outcomes].sort((a, b) => a.shard.index - b.shard.index);
  sorted.forEach((o, i) => {
    if (
      o.shard.index !== i ||
      o.shard.count !== sorted.length ||
      (i > 0 && o.shard.from !== sorted[i - 1]!.shard.to)
    )
      throw new RangeError(
        `mergeShards: shard ${i + 1} of ${sorted[0]!.shard.count} is missing or out of place`,
      );
  });
  const out: ScoringResult = { opportunities: [], accounts: [] };
  for (const o of sorted) {
    if (!o.result)
      throw new Error(`scoring shard ${o.shard.index + 1}: its result went to a sink, not back`);
    for (const x of o.result.opportunities) out.opportunities.push(x);
    for (const x of o.result.accounts) out.accounts.push(x);
  }
  return out;
}
