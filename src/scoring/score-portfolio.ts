/**
 * The scoring core's entry point: pure, deterministic, no I/O and no clock. Indexes the portfolio
 * and catalog once, then scores each account from its own records only.
 */
import type { Catalog } from '../model/catalog.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Portfolio } from '../model/records.js';
import { summarizeAccount } from './account-summary.js';
import { accountRisks, buildOpportunity, type LikelihoodOverride } from './build-opportunity.js';
import { indexCatalog } from './catalog-index.js';
import { buildContext } from './context.js';
import { toDay } from './dates.js';
import { benchmarksFrom } from './detectors/benchmarks.js';
import { detectAll } from './detectors/index.js';
import { portfolioFacts } from './portfolio-facts.js';
import { statsOf, type PortfolioStats } from './portfolio-stats.js';
import { indexPortfolio } from './portfolio-index.js';
import type { ScoringSettings } from './settings/index.js';
import { createScoresPool } from './scores.js';
import { sortSmall } from './small-sort.js';
import { accountPeople } from './stakeholders.js';
import { createStringPool } from './string-pool.js';

export interface ScoringInput {
  portfolio: Portfolio;
  catalog: Catalog;
  settings: ScoringSettings;
  /** `YYYY-MM-DD`: the run's "today". */
  asOf: string;
  /** Optional hook (issue 7 calibration): return a 1–10 likelihood to replace the rule-based one. */
  likelihoodOverride?: LikelihoodOverride;
  /** The whole portfolio's statistics, when `portfolio` is one shard's share of it
   * (`scoring/shards`); computed from `portfolio.accounts` when absent. */
  stats?: PortfolioStats;
}

export interface ScoringResult {
  opportunities: Opportunity[];
  accounts: AccountSummary[];
}

const byPriority = (a: Opportunity, b: Opportunity): number =>
  b.scores.composite - a.scores.composite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function scorePortfolio(input: ScoringInput): ScoringResult {
  const { portfolio, catalog, settings, asOf } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(toDay(asOf))) {
    throw new RangeError(`scorePortfolio: asOf must be a date as YYYY-MM-DD, got "${asOf}"`);
  }
  const cx = indexCatalog(catalog);
  const records = indexPortfolio(portfolio);
  // Benchmarks and scales are taken over the whole portfolio, so one account's value reads the
  // same way in a portfolio of ten and of ten thousand, and in a shard of either.
  const stats = input.stats ?? statsOf(portfolio.accounts, cx, settings);
  const benchmarks = benchmarksFrom(stats.benchmarks);
  const facts = portfolioFacts(portfolio.accounts, settings, stats.scales);
  const opportunities: Opportunity[] = [];
  const accounts: AccountSummary[] = [];
  const pool = createStringPool();
  const scoresOf = createScoresPool(settings.weights);
  for (const account of portfolio.accounts) {
    const rec = records.records(account.id);
    const ctx = buildContext(account, rec, asOf, settings, cx, benchmarks, facts);
    const people = accountPeople(ctx, pool);
    const shared = accountRisks(ctx, people, pool);
    const opps = detectAll(ctx).map((c) =>
      buildOpportunity(c, ctx, people, shared, pool, scoresOf, input.likelihoodOverride),
    );
    sortSmall(opps, byPriority);
    accounts.push(summarizeAccount(ctx, opps, pool));
    for (const o of opps) opportunities.push(o);
  }
  return { opportunities, accounts };
}
