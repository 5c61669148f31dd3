/**
 * The analysis a sync runs (`syncOnce`): learning from the store, scoring and narratives, for
 * the whole portfolio or, where the last run's results stand, for the accounts that changed
 * (`src/sync/changed-accounts.ts`). What it keeps of the portfolio as a whole is the scoring
 * statistics (benchmarks and scales: `portfolioStats`) and whether learning had anything to learn
 * from. A share is analyzed only while both are what they were: the statistics the same (the
 * account records the run replaced read the same to them, `statsInputs`) and learning idle, since
 * calibrated likelihoods move every account's scores.
 */
import type { Catalog } from '../model/catalog.js';
import type { Account, Portfolio } from '../model/records.js';
import { analyze } from '../pipeline/analyze.js';
import { portfolioStats, statsInputs, type PortfolioStats } from '../scoring/portfolio-stats.js';
import type { ScoringSettings } from '../scoring/index.js';
import type { Store } from '../store/db.js';
import type { Analysis, AnalyzeShare } from '../sync/types.js';
import { learnFromStore, type Learned } from './learn.js';

/** Kept with each run (`Analysis.state`). The statistics as their JSON text: read back
 * exactly as they were written, whatever the database does to a document's key order. */
interface PortfolioState {
  stats: string;
  learning: boolean;
}

const isState = (x: unknown): x is PortfolioState =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as PortfolioState).stats === 'string' &&
  typeof (x as PortfolioState).learning === 'boolean';

export function createAnalyzer(o: {
  store: Store;
  connection: string;
  catalog: Catalog;
  settings: ScoringSettings;
}) {
  /** What the last analysis (whole or share) scored and learned, for the output files. */
  const last: { portfolio?: Portfolio; learned?: Learned } = {};
  const run = (
    portfolio: Portfolio,
    asOf: string,
    learned: Learned,
    stats: PortfolioStats,
  ): Analysis => {
    last.portfolio = portfolio;
    last.learned = learned;
    const state: PortfolioState = { stats: JSON.stringify(stats), learning: learned.resolvable };
    return {
      ...analyze(portfolio, asOf, {
        catalog: o.catalog,
        settings: o.settings,
        stats,
        ...(learned.modelVersions.length
          ? { likelihoodOverride: learned.override, modelVersions: learned.modelVersions }
          : {}),
      }),
      state,
    };
  };

  const whole = async (
    portfolio: Portfolio,
    asOf: string,
    storeRead?: () => void,
  ): Promise<Analysis> => {
    const learned = await learnFromStore(o.store, o.connection, portfolio, asOf);
    // The rest is this thread's work alone.
    storeRead?.();
    return run(portfolio, asOf, learned, portfolioStats(portfolio.accounts, o.catalog, o.settings));
  };

  const share: AnalyzeShare = async ({ share, accountChanges, asOf, previous }) => {
    if (!isState(previous) || previous.learning) return undefined;
    // The statistics stand while the accounts changed read the same to them.
    const inputs = (as: Account[]) =>
      as
        .map((a) => statsInputs(a, o.settings))
        .sort()
        .join('\n');
    if (inputs(accountChanges.before) !== inputs(accountChanges.after)) return undefined;
    const kept = JSON.parse(previous.stats) as PortfolioStats;
    // Learning stays idle unless a changed deal now carries an opportunity's key.
    const learned = await learnFromStore(o.store, o.connection, share, asOf);
    if (learned.resolvable) return undefined;
    return run(share, asOf, learned, kept);
  };

  return { analyze: whole, analyzeShare: share, last };
}
