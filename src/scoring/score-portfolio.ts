/**
 * The scoring core's entry point: pure, deterministic, no I/O and no clock. Indexes the portfolio
 * and catalog once, then scores each account from its own records only.
 */
import type { Catalog } from '../model/catalog.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Account, Portfolio } from '../model/records.js';
import { summarizeAccount } from './account-summary.js';
import {
  accountRisks,
  buildOpportunity,
  candidateId,
  candidateScores,
  type LikelihoodOverride,
} from './build-opportunity.js';
import type { Candidate } from './detectors/candidate.js';
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
import { createStringPool, type StringPool } from './string-pool.js';

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

const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
/** Highest composite first, then by id: an account's opportunities, and its candidates. */
const byPriority = (a: Opportunity, b: Opportunity): number =>
  b.scores.composite - a.scores.composite || byId(a, b);
const byRank = (a: RankedCandidate, b: RankedCandidate): number =>
  b.composite - a.composite || byId(a, b);

/** No pooling: for a reader that keeps none of the texts. */
const unpooled: StringPool = (s) => s;

/** What scoring any account of the input needs, made once for the portfolio. */
function prepare(input: Omit<ScoringInput, 'likelihoodOverride'>, pool: StringPool) {
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
  return {
    pool,
    scoresOf: createScoresPool(settings.weights),
    /** The account's context and its people. */
    account(account: Account) {
      const rec = records.records(account.id);
      const ctx = buildContext(account, rec, asOf, settings, cx, benchmarks, facts);
      return { ctx, people: accountPeople(ctx, pool) };
    },
  };
}

export function scorePortfolio(input: ScoringInput): ScoringResult {
  const scoring = prepare(input, createStringPool());
  const { pool, scoresOf } = scoring;
  const opportunities: Opportunity[] = [];
  const accounts: AccountSummary[] = [];
  for (const account of input.portfolio.accounts) {
    const { ctx, people } = scoring.account(account);
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

/** A candidate with what orders it among its account's opportunities. */
export interface RankedCandidate {
  candidate: Candidate;
  /** The id its opportunity would have. */
  id: string;
  /** Its composite score by the rules. */
  composite: number;
}

/**
 * What `scorePortfolio` would raise for each account, as the detectors' candidates in the order
 * of its opportunities (the rules' likelihood: no override), without building the opportunities:
 * no timing, stakeholders, risks or account summary. For a reader that needs only what was
 * detected and its evidence (the retro history, `runtime/learn.ts`). Called with each account's
 * candidates in portfolio order.
 */
export function detectPortfolio(
  input: Omit<ScoringInput, 'likelihoodOverride'>,
  each: (account: Account, candidates: RankedCandidate[]) => void,
): void {
  // Candidates are read as they come, not kept with the results: nothing to pool.
  const scoring = prepare(input, unpooled);
  for (const account of input.portfolio.accounts) {
    const { ctx, people } = scoring.account(account);
    const ranked = detectAll(ctx).map((candidate) => ({
      candidate,
      id: candidateId(candidate, ctx),
      composite: candidateScores(candidate, ctx, people, scoring.scoresOf).scores.composite,
    }));
    each(account, sortSmall(ranked, byRank));
  }
}
