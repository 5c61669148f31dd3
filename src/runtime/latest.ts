/**
 * The latest sync of a connection as the store holds it: what `headroom playbook`, `qbr` and
 * `outreach` (and the server) render from, so they never re-score.
 */
import { UsageError } from '../errors.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Account, Contact, Portfolio } from '../model/records.js';
import type { Store } from '../store/db.js';
import { listOpportunities } from '../store/opportunities.js';
import { listRuns } from '../store/runs.js';
import { listSummaries } from '../store/summaries.js';
import { buildPortfolio } from '../sync/portfolio.js';
import { groupBy } from '../pipeline/analyze.js';

export interface LatestSync {
  connection: string;
  asOf: string;
  portfolio: Portfolio;
  summaries: AccountSummary[];
  /** Current opportunities (not closed, not dismissed), best first. */
  opportunities: Opportunity[];
  accountsById: Map<string, Account>;
  contactsByAccount: Map<string, Contact[]>;
}

/** `connection` may be omitted when the store holds exactly one. */
export async function loadLatestSync(store: Store, connection?: string): Promise<LatestSync> {
  const runs = (await listRuns(store, { ...(connection ? { connection } : {}), limit: 50 })).filter(
    (r) => r.status === 'succeeded' && !r.dryRun,
  );
  const names = [...new Set(runs.map((r) => r.connection))];
  const name = connection ?? names[0];
  if (!name || !runs.length)
    throw new UsageError('no completed sync in the store yet: run `headroom sync` first');
  if (!connection && names.length > 1)
    throw new UsageError(
      `the store holds several connections (${names.join(', ')}): give --connection`,
    );
  const asOf = runs.find((r) => r.connection === name)!.asOf;
  const portfolio = await buildPortfolio(store, name, asOf);
  const opportunities = (await listOpportunities(store, { connection: name }))
    .filter((r) => r.status !== 'dismissed')
    .map((r) => r.data);
  return {
    connection: name,
    asOf,
    portfolio,
    summaries: await listSummaries(store, name),
    opportunities,
    accountsById: new Map(portfolio.accounts.map((a) => [a.id, a])),
    contactsByAccount: groupBy(portfolio.contacts, (c) => c.accountId),
  };
}

/** Find an account by neutral id (`files:A-001`) or CRM id (`A-001`). */
export function findAccount(latest: LatestSync, id: string): Account {
  const account =
    latest.accountsById.get(id) ?? latest.portfolio.accounts.find((a) => a.crmId === id);
  if (!account)
    throw new UsageError(`no account "${id}" in the latest sync of ${latest.connection}`);
  return account;
}
