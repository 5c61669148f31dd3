/**
 * Messages between `scorePortfolioParallel` and its worker threads. Everything here crosses a
 * thread by structured clone, so it holds plain data only (no functions, no class instances).
 */
import type { Catalog } from '../../model/catalog.js';
import type { Portfolio } from '../../model/records.js';
import type { CohortStats } from '../detectors/benchmarks.js';
import type { ScoringResult } from '../score-portfolio.js';
import type { ScoringSettings } from '../settings/index.js';

/** Sent once per worker as `workerData`: what every batch shares. */
export interface WorkerInit {
  catalog: Catalog;
  settings: ScoringSettings;
  asOf: string;
  /**
   * Cohort statistics computed once over the WHOLE portfolio, by cohort key
   * (`industry|segment`, as `buildBenchmarks` keys them): a batch alone would give other quartiles.
   */
  cohorts: Map<string, CohortStats | undefined>;
}

/** One contiguous slice of the portfolio's accounts, with only those accounts' records. */
export interface BatchRequest {
  batch: number;
  portfolio: Portfolio;
}

export type WorkerReply =
  | { batch: number; result: ScoringResult; maxRssKb: number }
  | { batch: number; error: { message: string; stack?: string | undefined } };
