/**
 * Learning wired into a run: outcomes read from the CRM's deals and people's decisions, the
 * likelihood calibrated on them (used only where it beats the rules on a holdout), and signal
 * precision for the playbook. Pure parts live in src/learning; this module only gathers their
 * inputs from the store and the run.
 */
import type { Catalog } from '../model/catalog.js';
import type { Portfolio } from '../model/records.js';
import {
  calibrate,
  createLikelihoodOverride,
  deriveOutcomes,
  precisionItem,
  truncatePortfolio,
  type HistoryItem,
  type Outcome,
  type PrecisionItem,
  type TypeCalibration,
} from '../learning/index.js';
import type { ScoringSettings } from '../scoring/index.js';
import { detectPortfolio } from '../scoring/score-portfolio.js';
import { portfolioStats, type PortfolioStats } from '../scoring/portfolio-stats.js';
import { hashValue } from '../store/hash.js';
import { addDays } from '../scoring/dates.js';
import type { Store } from '../store/db.js';
import { listOpportunities } from '../store/opportunities.js';
import { bulkRecordOutcomes } from '../store/bulk/record-outcomes.js';

export interface Learned {
  outcomes: Outcome[];
  history: HistoryItem[];
  calibrations: TypeCalibration[];
  override: ReturnType<typeof createLikelihoodOverride>;
  /** Versions of the adopted models (part of the run's settings version). */
  modelVersions: string[];
  /** Some opportunity can be resolved (a deal carries its key, or a person dismissed one): the
   * tracked history was read and may calibrate the likelihood. */
  resolvable: boolean;
}

/** Outcomes and calibration from what the store has tracked for this connection. */
export async function learnFromStore(
  store: Store,
  connection: string,
  portfolio: Portfolio,
  asOf: string,
): Promise<Learned> {
  // An opportunity is resolved only through a deal carrying its key or a person's dismissal.
  // Without either, the tracked history cannot yield an outcome, so it is not read: at 100k
  // accounts that is some 300k rows on every sync.
  const resolvable =
    portfolio.deals.some((d) => d.expansionKey) ||
    (await listOpportunities(store, { connection, status: 'dismissed', includeClosed: true }))
      .length > 0;
  const tracked = resolvable
    ? await listOpportunities(store, { connection, includeClosed: true })
    : [];
  const outcomes = deriveOutcomes({
    deals: portfolio.deals,
    asOf,
    opportunities: tracked.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      type: r.data.type,
      firstSeen: r.firstSeen,
      status: r.status,
      estimatedArr: r.data.estimatedArr,
      ...(r.statusReason ? { statusReason: r.statusReason } : {}),
    })),
  });
  const byOpportunity = new Map(
    outcomes.filter((o) => o.opportunityId).map((o) => [o.opportunityId!, o]),
  );
  const history = tracked.map((r) => {
    const outcome = byOpportunity.get(r.id);
    return { opportunity: r.data, raisedAt: r.firstSeen, ...(outcome ? { outcome } : {}) };
  });
  const calibrations = calibrate(history);
  const adopted = calibrations.filter((c) => c.adopted && c.model);
  return {
    outcomes,
    history,
    calibrations,
    override: createLikelihoodOverride(calibrations),
    modelVersions: adopted.map((c) => c.model!.version).sort(),
    resolvable,
  };
}

/** Keep the outcomes table current; returns how many were new. */
export async function recordOutcomes(
  store: Store,
  connection: string,
  outcomes: Outcome[],
): Promise<number> {
  return bulkRecordOutcomes(
    store,
    outcomes.map((o) => ({
      connection,
      accountId: o.accountId,
      type: o.type ?? 'expansion',
      outcome: o.outcome,
      amount: o.amount,
      closedAt: o.closedAt,
      source: o.dealId ? `deal:${o.dealId}` : o.source,
      ...(o.opportunityId ? { opportunityId: o.opportunityId } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
    })),
  );
}

/** One account's part of the retro history (`retroByAccount`): the account as it stood at the
 * cutoff (its digest: what the portfolio's statistics then read of it) and what it raised then. */
export interface RetroAccount {
  digest: string;
  items: PrecisionItem[];
}

export interface Retro {
  cutoff: string;
  /** The statistics of the portfolio as it stood at the cutoff. */
  stats: PortfolioStats;
  /** Per account that was a customer at the cutoff, in portfolio order. */
  accounts: Map<string, RetroAccount>;
}

/** How far back the retro history looks by default: the portfolio as it stood then. */
const RETRO_WINDOW_DAYS = 90;

/**
 * History from the portfolio's own past, for a connection whose CRM does not (yet) link deals to
 * opportunities: score the portfolio as it stood `windowDays` ago (nothing dated later reaches
 * the scoring) and see which accounts expanded since. Account by account, so a run that
 * analyzed only some accounts redoes theirs against the same `stats` and keeps the others'.
 */
export function retroByAccount(
  portfolio: Portfolio,
  catalog: Catalog,
  settings: ScoringSettings,
  asOf: string,
  options: { windowDays?: number; stats?: PortfolioStats } = {},
): Retro {
  const cutoff = addDays(asOf, -(options.windowDays ?? RETRO_WINDOW_DAYS));
  const past = truncatePortfolio(portfolio, cutoff, { catalog });
  const stats = options.stats ?? portfolioStats(past.accounts, catalog, settings);
  const retro = retroStart(portfolio, asOf, cutoff, stats);
  retro.add(past, catalog, settings);
  return retro.done;
}

/** Accounts worked out between two turns of the event loop by `retroInTurns`: about 20 ms of
 * scoring, so the run's tracking, which waits on its store meanwhile, is answered soon. At 100k
 * accounts, 2000 a turn (about 150 ms) slowed tracking by 4 s; 250 by 1.5 s. */
const RETRO_TURN = 250;

/**
 * `retroByAccount` over the whole portfolio, the same result, worked out `RETRO_TURN` accounts
 * at a time with a turn of the event loop between: at 100k accounts it is seconds of scoring,
 * which a sync does while it stores its results (`sync-once.ts`). Each share of the accounts is
 * taken back to the cutoff and scored with its own records, against the statistics of the
 * whole portfolio as it stood (scoring in shards gives what one pass gives, `scoring/shards`).
 * `signal` calls it off at the next turn; `turn` is the accounts a turn (`RETRO_TURN`).
 */
export async function retroInTurns(
  portfolio: Portfolio,
  catalog: Catalog,
  settings: ScoringSettings,
  asOf: string,
  options: { signal?: AbortSignal | undefined; turn?: number } = {},
): Promise<Retro> {
  const { signal } = options;
  const turn = () =>
    new Promise<void>((resolve) => setImmediate(resolve)).then(() => signal?.throwIfAborted());
  const cutoff = addDays(asOf, -RETRO_WINDOW_DAYS);
  const pasts: Portfolio[] = [];
  for (const share of accountShares(portfolio, options.turn ?? RETRO_TURN)) {
    pasts.push(truncatePortfolio(share, cutoff, { catalog }));
    await turn();
  }
  const stats = portfolioStats(
    pasts.flatMap((p) => p.accounts),
    catalog,
    settings,
  );
  const retro = retroStart(portfolio, asOf, cutoff, stats);
  for (const past of pasts) {
    await turn();
    retro.add(past, catalog, settings);
  }
  return retro.done;
}

/** The portfolio cut into shares of `size` accounts, in its order, each with its records (in
 * their order in the portfolio): one pass over each kind of record, a lookup each. */
function accountShares(portfolio: Portfolio, size: number): Portfolio[] {
  const shareOf = new Map<string, number>();
  const shares: Portfolio[] = [];
  for (let i = 0; i < portfolio.accounts.length; i += size) {
    const accounts = portfolio.accounts.slice(i, i + size);
    for (const a of accounts) shareOf.set(a.id, shares.length);
    shares.push({ accounts, contacts: [], deals: [], usage: [], departments: [], signals: [] });
  }
  const spread = <K extends Exclude<keyof Portfolio, 'accounts'>>(kind: K) => {
    for (const r of portfolio[kind]) {
      const at = shareOf.get(r.accountId);
      if (at !== undefined) (shares[at]![kind] as (typeof r)[]).push(r);
    }
  };
  spread('contacts');
  spread('deals');
  spread('usage');
  spread('departments');
  spread('signals');
  return shares;
}

/** The retro history built up from the portfolio as it stood, a share at a time. */
function retroStart(portfolio: Portfolio, asOf: string, cutoff: string, stats: PortfolioStats) {
  const won = new Map<string, number>();
  for (const d of portfolio.deals)
    if (
      d.kind === 'expansion' &&
      d.closed &&
      d.closeDate &&
      d.closeDate > cutoff &&
      d.closeDate <= asOf &&
      d.won
    )
      won.set(d.accountId, (won.get(d.accountId) ?? 0) + d.amount);
  const accounts = new Map<string, RetroAccount>();
  return {
    add(past: Portfolio, catalog: Catalog, settings: ScoringSettings) {
      // What the past portfolio would have raised, without building the opportunities: the
      // history reads only their type and evidence (`detectPortfolio`).
      detectPortfolio({ portfolio: past, catalog, settings, asOf: cutoff, stats }, (a, ranked) => {
        const amount = won.get(a.id);
        const outcome =
          amount !== undefined
            ? { outcome: 'won' as const, amount }
            : { outcome: 'lost' as const, amount: 0 };
        const items: PrecisionItem[] = [];
        for (const { candidate } of ranked)
          if (candidate.category === 'expansion')
            items.push(precisionItem({ opportunity: candidate, outcome }));
        accounts.set(a.id, { digest: hashValue(a), items });
      });
    },
    get done(): Retro {
      return { cutoff, stats, accounts };
    },
  };
}

// The signal-precision section's parts, kept light for the playbook's thread.
export { needsRetro, retroItems, signalPrecisionSection } from './playbook-inputs.js';
