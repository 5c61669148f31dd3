/**
 * Backtest: score the portfolio as it stood at a past cutoff, rank accounts by their best
 * expansion score, and check which accounts actually expanded within the window after the cutoff
 * (a won expansion deal closing in (cutoff, cutoff + window]). Precision at k, recall and lift say
 * whether the ranking beats chance; lift against ranking by ARR says whether it beats the obvious
 * "call the biggest accounts" heuristic. The scorer is injected (the CLI passes `scorePortfolio`).
 */
import type { AccountSummary, Catalog, Opportunity, Portfolio } from '../model/index.js';
import { isWonExpansion } from './account-as-of.js';
import { addDays, onOrBefore, requireIsoDate } from '../dates.js';
import { truncatePortfolio } from './truncate.js';

export interface ScoreInput<S> {
  portfolio: Portfolio;
  catalog: Catalog;
  settings: S;
  asOf: string;
}
export type ScoreFn<S> = (input: ScoreInput<S>) => {
  opportunities: Opportunity[];
  accounts?: AccountSummary[];
};

export interface BacktestInput<S> {
  portfolio: Portfolio;
  catalog: Catalog;
  settings: S;
  cutoff: string;
  windowDays: number;
  score: ScoreFn<S>;
  /** Accounts a team would work from the top of the list. @default 10% of accounts, at least 1 */
  k?: number;
}

export interface RankedAccount {
  accountId: string;
  name: string;
  /** Best expansion composite at the cutoff (0 = no expansion opportunity). */
  score: number;
  arrAtCutoff: number;
  expanded: boolean;
  /** Won expansion ARR inside the window. */
  expansionArr: number;
}

export interface BacktestResult {
  cutoff: string;
  windowEnd: string;
  accounts: number;
  expandedAccounts: number;
  /** expandedAccounts / accounts: the precision of a random list. */
  baseRate: number;
  k: number;
  hits: number;
  precisionAtK: number;
  /** Share of the expanded accounts found in the top k. */
  recall: number;
  /** precisionAtK / baseRate; undefined when nobody expanded. */
  lift?: number;
  arrPrecisionAtK: number;
  /** precisionAtK / precision@k of the ARR ranking; undefined when the ARR list found nobody. */
  liftVsArr?: number;
  expandedArr: number;
  /** Expansion ARR won by the top-k accounts. */
  capturedArr: number;
  /** The top k of the score ranking. */
  top: RankedAccount[];
}

/** Best composite per account over expansion-category opportunities. */
function bestExpansionScores(opportunities: Opportunity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of opportunities) {
    if (o.category !== 'expansion') continue;
    out.set(o.accountId, Math.max(out.get(o.accountId) ?? 0, o.scores.composite));
  }
  return out;
}

export function backtest<S>(input: BacktestInput<S>): BacktestResult {
  const cutoff = requireIsoDate(input.cutoff, 'cutoff');
  if (!(input.windowDays > 0))
    throw new RangeError(`windowDays must be positive, got ${input.windowDays}`);
  const windowEnd = addDays(cutoff, input.windowDays);
  const past = truncatePortfolio(input.portfolio, cutoff, { catalog: input.catalog });
  const scored = input.score({
    portfolio: past,
    catalog: input.catalog,
    settings: input.settings,
    asOf: cutoff,
  });
  const best = bestExpansionScores(scored.opportunities);

  const expansionArr = new Map<string, number>();
  for (const d of input.portfolio.deals) {
    if (
      !isWonExpansion(d) ||
      onOrBefore(d.closeDate, cutoff) ||
      !onOrBefore(d.closeDate, windowEnd)
    )
      continue;
    expansionArr.set(d.accountId, (expansionArr.get(d.accountId) ?? 0) + d.amount);
  }
  const ranked: RankedAccount[] = past.accounts.map((a) => ({
    accountId: a.id,
    name: a.name,
    score: best.get(a.id) ?? 0,
    arrAtCutoff: a.arr,
    expanded: expansionArr.has(a.id),
    expansionArr: expansionArr.get(a.id) ?? 0,
  }));
  const byArr = (a: RankedAccount, b: RankedAccount) =>
    b.arrAtCutoff - a.arrAtCutoff || a.accountId.localeCompare(b.accountId);
  const byScore = [...ranked].sort((a, b) => b.score - a.score || byArr(a, b));
  const arrRanking = [...ranked].sort(byArr);

  const n = ranked.length;
  const k = Math.min(n, Math.max(1, Math.round(input.k ?? Math.ceil(n * 0.1))));
  const expanded = ranked.filter((r) => r.expanded).length;
  const top = byScore.slice(0, k);
  const hits = top.filter((r) => r.expanded).length;
  const arrHits = arrRanking.slice(0, k).filter((r) => r.expanded).length;
  const baseRate = n ? expanded / n : 0;
  const precisionAtK = n ? hits / k : 0;
  return {
    cutoff,
    windowEnd,
    accounts: n,
    expandedAccounts: expanded,
    baseRate,
    k: n ? k : 0,
    hits,
    precisionAtK,
    recall: expanded ? hits / expanded : 0,
    ...(baseRate > 0 ? { lift: precisionAtK / baseRate } : {}),
    arrPrecisionAtK: n ? arrHits / k : 0,
    ...(arrHits > 0 ? { liftVsArr: hits / arrHits } : {}),
    expandedArr: ranked.reduce((s, r) => s + r.expansionArr, 0),
    capturedArr: top.reduce((s, r) => s + r.expansionArr, 0),
    top,
  };
}
