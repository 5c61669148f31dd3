/**
 * The portfolio as it stood at a cutoff: what a backtest may score. Everything dated after the
 * cutoff is dropped (usage points, signals, deals that closed later, contacts created later,
 * departures that happened later) and every account snapshot is rolled back with `accountAsOf`.
 * Accounts first won after the cutoff did not exist yet and are dropped with all their records.
 */
import type { Catalog, Contact, Deal, Portfolio, UsagePoint } from '../model/index.js';
import { accountAsOf, type AccountHistory } from './account-as-of.js';
import { onOrBefore, requireIsoDate } from '../dates.js';

/** Group deals and usage by account, usage sorted by date (shared with look-alike). */
export function historyIndex(
  portfolio: Pick<Portfolio, 'deals' | 'usage'>,
): Map<string, AccountHistory> {
  const out = new Map<string, AccountHistory>();
  const get = (id: string) => {
    let h = out.get(id);
    if (!h) out.set(id, (h = { deals: [], usage: [] }));
    return h;
  };
  for (const d of portfolio.deals) get(d.accountId).deals.push(d);
  for (const u of portfolio.usage) get(u.accountId).usage.push(u);
  for (const h of out.values()) h.usage.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

/** An account whose first won deal is a `new` deal closed after the cutoff was not a customer yet. */
function acquiredAfter(deals: Deal[], cutoff: string): boolean {
  const won = deals.filter((d) => d.closed && d.won && d.closeDate !== undefined);
  return (
    won.some((d) => d.kind === 'new' && !onOrBefore(d.closeDate, cutoff)) &&
    !won.some((d) => onOrBefore(d.closeDate, cutoff))
  );
}

function contactAsOf(c: Contact, cutoff: string): Contact | undefined {
  if (c.createdAt !== undefined && !onOrBefore(c.createdAt, cutoff)) return undefined;
  const out: Contact = { ...c };
  if (c.status === 'left' && c.leftAt !== undefined && !onOrBefore(c.leftAt, cutoff)) {
    out.status = 'active';
    delete out.leftAt;
    delete out.movedTo;
  }
  // A bounce after the cutoff had not happened yet.
  if (c.emailBouncedAt !== undefined && !onOrBefore(c.emailBouncedAt, cutoff)) {
    delete out.emailBouncedAt;
  }
  // Only the latest engagement is known: keeping it when early would single out the contacts who
  // were not engaged after the cutoff.
  delete out.lastEngagedAt;
  return out;
}

const dealKnownAt = (d: Deal, cutoff: string): boolean =>
  d.closed && onOrBefore(d.closeDate, cutoff);
const pointKnownAt = (u: UsagePoint, cutoff: string): boolean => onOrBefore(u.date, cutoff);

/**
 * The portfolio as of the end of `cutoff`. Open deals are dropped too: the model has no creation
 * date, so an open deal may not have existed yet. Department records carry no dates and are kept.
 */
export function truncatePortfolio(
  portfolio: Portfolio,
  cutoff: string,
  options: { catalog?: Catalog } = {},
): Portfolio {
  requireIsoDate(cutoff, 'cutoff');
  const index = historyIndex(portfolio);
  const empty: AccountHistory = { deals: [], usage: [] };
  const accounts = portfolio.accounts
    .filter((a) => !acquiredAfter(index.get(a.id)?.deals ?? [], cutoff))
    .map((a) => accountAsOf(a, index.get(a.id) ?? empty, cutoff, options.catalog));
  const kept = new Set(accounts.map((a) => a.id));
  const mine = <T extends { accountId: string }>(r: T) => kept.has(r.accountId);
  return {
    accounts,
    contacts: portfolio.contacts.filter(mine).flatMap((c) => contactAsOf(c, cutoff) ?? []),
    deals: portfolio.deals.filter((d) => mine(d) && dealKnownAt(d, cutoff)),
    usage: portfolio.usage.filter((u) => mine(u) && pointKnownAt(u, cutoff)),
    departments: portfolio.departments.filter(mine),
    signals: portfolio.signals.filter((s) => mine(s) && onOrBefore(s.date, cutoff)),
  };
}
