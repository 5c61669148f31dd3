/**
 * The statistics scoring takes over the whole portfolio before it scores any account: the cohort
 * benchmarks (seeds/004: "the top quartile of existing customers becomes the benchmark") and the
 * scales its survey values come on. Computed from the accounts alone, in one cheap pass, and
 * plain data: a scoring shard that holds only its share of the accounts is handed the whole
 * portfolio's statistics, so each account scores exactly as it does in one run over everything.
 */
import type { Catalog } from '../model/catalog.js';
import type { Account } from '../model/records.js';
import { indexCatalog, type CatalogIndex } from './catalog-index.js';
import { benchmarkLevels, type BenchmarkLevels } from './detectors/benchmarks.js';
import { segmentOf } from './context.js';
import { portfolioScales, type PortfolioScales } from './scales.js';
import type { ScoringSettings } from './settings/index.js';

export interface PortfolioStats {
  benchmarks: BenchmarkLevels;
  scales: PortfolioScales;
}

export function portfolioStats(
  accounts: readonly Account[],
  catalog: Catalog,
  settings: ScoringSettings,
): PortfolioStats {
  return statsOf(accounts, indexCatalog(catalog), settings);
}

/**
 * What the statistics read of one account, as a string: two portfolios whose accounts give the
 * same strings (as multisets) have the same statistics. A run that analyzes only the accounts
 * that changed compares these for the accounts it changed, instead of reading every account to
 * work the statistics out again. Keep it in step with `benchmarkLevels` and `portfolioScales`.
 */
export function statsInputs(a: Account, settings: ScoringSettings): string {
  return JSON.stringify([
    a.lifecycle,
    a.industry ?? null,
    segmentOf(a, settings.benchmarks),
    a.seats?.licensed ?? null,
    a.employees ?? null,
    a.plan ?? null,
    a.featuresUsed.length,
    a.products,
    a.health?.score ?? null,
    a.health?.nps ?? null,
    a.health?.csat ?? null,
  ]);
}

export function statsOf(
  accounts: readonly Account[],
  cx: CatalogIndex,
  settings: ScoringSettings,
): PortfolioStats {
  return {
    benchmarks: benchmarkLevels(accounts, cx, settings),
    scales: portfolioScales(accounts, settings.scales),
  };
}
