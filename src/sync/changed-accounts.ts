/**
 * A run that analyzes only the accounts whose records its pull changed. The run before it left
 * results that still stand (`unchanged-run.ts`): the same settings, catalog, date, mapping and
 * decisions. Each account is scored from its own records against statistics of the portfolio as
 * a whole, so the others' results cannot have moved, as long as those statistics did not. The
 * analyzer is handed the changed accounts with all their records (`share-portfolio.ts`), the
 * account records the run replaced as they were and as they are (what the statistics read of
 * them), and what it kept of the portfolio last time; it answers undefined when the statistics
 * may have moved, and the run analyzes everything.
 *
 * Changed accounts are every account a written or deleted record belongs to, now or (for a
 * record that moved) before (`PullResult.touched`). Past half the portfolio, analyzing
 * everything costs about as much and the run does that instead.
 */
import type { NeutralObject } from '../model/records.js';
import type { Account } from '../model/records.js';
import type { Store } from '../store/db.js';
import type { PullResult } from './pull.js';
import { sharePortfolio } from './share-portfolio.js';
import type { Analysis, AnalyzeShare } from './types.js';

/** Above this share of the accounts, the run analyzes everything. */
export const MAX_CHANGED_SHARE = 0.5;

export async function analyzeChanged(args: {
  store: Store;
  connection: string;
  asOf: string;
  pulls: readonly PullResult[];
  /** `Analysis.state` of the run whose results stand. */
  previous: unknown;
  analyzeShare: AnalyzeShare;
}): Promise<{ analysis: Analysis; accounts: string[] } | undefined> {
  const { store, connection, asOf, pulls } = args;
  const touched = new Set<string>();
  for (const p of pulls) for (const id of p.touched) touched.add(id);
  const accountPull = pulls.find((p) => p.object === 'account');
  const live = accountPull?.after ?? 0;
  if (!accountPull || touched.size === 0 || touched.size > MAX_CHANGED_SHARE * live)
    return undefined;
  const accounts = [...touched].sort();
  const deleting = new Map<NeutralObject, readonly string[]>(
    pulls.map((p) => [p.object, p.deleteIds]),
  );
  const share = await sharePortfolio(store, connection, asOf, accounts, deleting);
  const written = accountPull.touched;
  const analysis = await args.analyzeShare({
    accountIds: accounts,
    share,
    accountChanges: {
      before: accountPull.replaced as Account[],
      after: share.accounts.filter((a) => written.has(a.id)),
    },
    asOf,
    previous: args.previous,
  });
  return analysis && { analysis, accounts };
}
