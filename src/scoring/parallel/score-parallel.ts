/**
 * `scorePortfolio` spread over worker threads, with the same result (same opportunities and
 * accounts, in the same order). Portfolio-wide statistics (cohort benchmarks) are computed once
 * here over every account and shared; accounts are cut into contiguous batches that workers
 * score as they free up, at most two batches in flight per worker so memory stays bounded.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AccountSummary, Opportunity } from '../../model/output.js';
import type { Portfolio } from '../../model/records.js';
import { indexCatalog } from '../catalog-index.js';
import { scorePortfolio, type ScoringInput, type ScoringResult } from '../score-portfolio.js';
import { partitionPortfolio } from './partition.js';
import type { BatchRequest, WorkerInit, WorkerReply } from './protocol.js';
import { cohortTable } from './shared-benchmarks.js';

export interface ParallelOptions {
  /** Worker threads. @default os.availableParallelism() */
  workers?: number;
  /** Accounts per batch. @default enough for ~8 batches per worker, at least 500 */
  batchSize?: number;
  /** Called with each worker's last-reported peak RSS of the process, in KiB (for benches). */
  onWorkerRss?: (maxRssKb: number) => void;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);
const IN_FLIGHT = 2;

/**
 * Scores the portfolio on `workers` threads. Falls back to the single-threaded `scorePortfolio`
 * when `likelihoodOverride` is given (a function cannot cross threads), when there is one worker
 * or when the portfolio fits in one batch (threads would cost more than they save).
 */
export async function scorePortfolioParallel(
  input: ScoringInput,
  options: ParallelOptions = {},
): Promise<ScoringResult> {
  const { portfolio, catalog, settings, asOf } = input;
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const n = portfolio.accounts.length;
  const batchSize = options.batchSize ?? Math.max(500, Math.ceil(n / (workers * 8)));
  if (input.likelihoodOverride || workers === 1 || n <= batchSize) return scorePortfolio(input);
  // Same validation and error as scorePortfolio, before any thread starts.
  const none = { accounts: [], contacts: [], deals: [], usage: [], departments: [], signals: [] };
  scorePortfolio({ catalog, settings, asOf, portfolio: none });

  const batches: (Portfolio | undefined)[] = partitionPortfolio(portfolio, batchSize);
  const init: WorkerInit = {
    catalog,
    settings,
    asOf,
    cohorts: cohortTable(portfolio.accounts, indexCatalog(catalog), settings),
  };
  const results: (ScoringResult | undefined)[] = new Array(batches.length);
  const pool = Array.from(
    { length: Math.min(workers, batches.length) },
    () =>
      new Worker(WORKER_URL, {
        workerData: init,
        // The project runs TypeScript through tsx without a build step: load it in the thread too.
        execArgv: ['--import', 'tsx'],
      }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const send = (w: Worker) => {
        if (next >= batches.length) return;
        const batch = next++;
        w.postMessage({ batch, portfolio: batches[batch]! } satisfies BatchRequest);
        batches[batch] = undefined; // the worker has its copy: let this one go
      };
      for (const w of pool) {
        w.on('message', (reply: WorkerReply) => {
          if ('error' in reply) {
            const err = new Error(`parallel scoring, batch ${reply.batch}: ${reply.error.message}`);
            if (reply.error.stack) err.stack = reply.error.stack;
            reject(err);
            return;
          }
          results[reply.batch] = reply.result;
          options.onWorkerRss?.(reply.maxRssKb);
          if (++done === results.length) resolve();
          else send(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < results.length) reject(new Error(`scoring worker exited with code ${code}`));
        });
        for (let i = 0; i < IN_FLIGHT; i++) send(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const opportunities: Opportunity[] = [];
  const accounts: AccountSummary[] = [];
  for (const r of results) {
    for (const o of r!.opportunities) opportunities.push(o);
    for (const a of r!.accounts) accounts.push(a);
  }
  return { opportunities, accounts };
}
