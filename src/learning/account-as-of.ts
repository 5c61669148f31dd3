/**
 * An account as it stood on a past date. The neutral Account is a snapshot of "now"; every field
 * that changes over time is rebuilt from dated history (usage points, closed deals, the prior
 * employee count) or removed when no dated source exists, the same way for every account, so that
 * neither a value nor its absence can reveal what happened after the date. "Latest only" fields
 * (last QBR) are dropped for the same reason: an earlier value cannot be recovered.
 */
import type { Account, Catalog, Deal, UsagePoint } from '../model/index.js';
import { addMonths, onOrBefore } from '../dates.js';

/** One account's dated history. `usage` is sorted by date ascending. */
export interface AccountHistory {
  deals: Deal[];
  usage: UsagePoint[];
}

/** Usage metrics that carry the history of a snapshot field. */
const HEALTH_METRICS = {
  health_score: 'score',
  nps: 'nps',
  csat: 'csat',
  tickets_90d: 'tickets90d',
} as const;
/** A usage metric `feature:<key>` (or `feature.<key>`) above 0 means the feature was in use. */
const FEATURE_METRIC = /^feature[:.](.+)$/;

export const isWonExpansion = (d: Deal): boolean =>
  d.closed && d.won && (d.kind === 'expansion' || d.expansionKey !== undefined);

/** Latest value of each metric on or before `date` (usage sorted ascending). */
function latestPoints(usage: UsagePoint[], date: string): Map<string, UsagePoint> {
  const out = new Map<string, UsagePoint>();
  for (const u of usage) {
    if (u.date > date) break;
    out.set(u.metric, u);
  }
  return out;
}

/** The account as of the end of `date`. Pure; `catalog` lets a later tier upgrade be undone. */
export function accountAsOf(
  account: Account,
  history: AccountHistory,
  date: string,
  catalog?: Catalog,
): Account {
  const won = history.deals.filter((d) => d.closed && d.won && d.closeDate !== undefined);
  const later = won.filter((d) => !onOrBefore(d.closeDate, date));
  const boughtBefore = new Set(
    won.filter((d) => onOrBefore(d.closeDate, date)).flatMap((d) => d.products),
  );
  const boughtLater = new Set(later.flatMap((d) => d.products).filter((p) => !boughtBefore.has(p)));

  const out: Account = {
    ...account,
    arr: Math.max(0, account.arr - later.filter(isWonExpansion).reduce((s, d) => s + d.amount, 0)),
    products: account.products.filter((p) => !boughtLater.has(p)),
    customFields: { ...account.customFields },
  };
  if (account.plan && boughtLater.has(account.plan)) {
    const i = catalog?.tiers.findIndex((t) => t.key === account.plan) ?? -1;
    if (i > 0) out.plan = catalog!.tiers[i - 1]!.key;
    else delete out.plan;
  }

  const points = latestPoints(history.usage, date);
  delete out.seats;
  const active = points.get('active_seats');
  const licensed = active?.limit ?? points.get('licensed_seats')?.value;
  if (active && licensed !== undefined)
    out.seats = { active: Math.round(active.value), licensed: Math.round(licensed) };

  delete out.employees;
  delete out.employeesPrior;
  const employees =
    points.get('employees')?.value ??
    (onOrBefore(account.employeesPrior?.asOf, date) ? account.employeesPrior?.count : undefined);
  if (employees !== undefined) out.employees = Math.round(employees);

  out.featuresUsed = [...points.entries()]
    .filter(([metric, p]) => FEATURE_METRIC.test(metric) && p.value > 0)
    .map(([metric]) => metric.replace(FEATURE_METRIC, '$1'));

  delete out.health;
  const health: NonNullable<Account['health']> = { ticketThemes: [] };
  for (const [metric, field] of Object.entries(HEALTH_METRICS)) {
    const p = points.get(metric);
    if (p) health[field] = p.value;
  }
  // `lastQbr` is dropped even when dated before `date`: a snapshot keeps only the latest QBR, so
  // keeping it would tell apart the accounts that had no QBR since (their absence is the leak).
  if (Object.keys(health).length > 1) out.health = health;

  const contract = account.contract;
  if (contract?.start !== undefined && !onOrBefore(contract.start, date)) {
    // The current term began later: on `date` the previous term was running and ended at its start.
    const c: NonNullable<Account['contract']> = { renewal: contract.start };
    if (contract.termMonths !== undefined) {
      c.termMonths = contract.termMonths;
      c.start = addMonths(contract.start, -contract.termMonths);
    }
    out.contract = c;
  }
  // A churned account was still a customer on `date` if its (unrenewed) term ran past that date.
  if (account.lifecycle === 'churned' && !onOrBefore(account.contract?.renewal ?? date, date)) {
    out.lifecycle = 'customer';
  }
  return out;
}
