/**
 * Scores one slice of the portfolio against portfolio-wide benchmarks: the per-account loop of
 * `scorePortfolio`, with the benchmarks passed in instead of built from the slice's accounts.
 * `test/scoring/parallel.test.ts` pins its output to `scorePortfolio`'s.
 */
import type { AccountSummary, Opportunity } from '../../model/output.js';
import type { Portfolio } from '../../model/records.js';
import { summarizeAccount } from '../account-summary.js';
import { accountRisks, buildOpportunity } from '../build-opportunity.js';
import type { CatalogIndex } from '../catalog-index.js';
import { buildContext } from '../context.js';
import type { Benchmarks } from '../detectors/benchmarks.js';
import { detectAll } from '../detectors/index.js';
import { indexPortfolio } from '../portfolio-index.js';
import type { ScoringResult } from '../score-portfolio.js';
import type { ScoringSettings } from '../settings/index.js';
import { sortSmall } from '../small-sort.js';
import { accountPeople } from '../stakeholders.js';

const byPriority = (a: Opportunity, b: Opportunity): number =>
  b.scores.composite - a.scores.composite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function scoreBatch(
  portfolio: Portfolio,
  cx: CatalogIndex,
  benchmarks: Benchmarks,
  settings: ScoringSettings,
  asOf: string,
): ScoringResult {
  const records = indexPortfolio(portfolio);
  const opportunities: Opportunity[] = [];
  const accounts: AccountSummary[] = [];
  for (const account of portfolio.accounts) {
    const ctx = buildContext(account, records.records(account.id), asOf, settings, cx, benchmarks);
    const people = accountPeople(ctx);
    const shared = accountRisks(ctx, people);
    const opps = detectAll(ctx).map((c) => buildOpportunity(c, ctx, people, shared, undefined));
    sortSmall(opps, byPriority);
    accounts.push(summarizeAccount(ctx, opps));
    for (const o of opps) opportunities.push(o);
  }
  return { opportunities, accounts };
}
