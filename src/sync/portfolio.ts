/**
 * The portfolio the scoring core reads, built from the mirror. Where the source keeps no seat
 * history, the daily snapshots supply it as `active_seats` usage points (limit = licensed seats),
 * so "80%+ utilization sustained two weeks" works with a CRM that only holds current values.
 */
import type { Portfolio, UsagePoint } from '../model/records.js';
import type { Db } from '../store/db.js';
import { readMirror } from '../store/mirror.js';
import { seatHistory } from '../store/snapshots.js';

export const SEAT_METRIC = 'active_seats';

/** The portfolio from the neutral records of each object (mirror order: by source id). */
export function portfolioOf(lists: ReadonlyMap<string, unknown[]>): Portfolio {
  const list = <T>(object: string) => (lists.get(object) ?? []) as T[];
  return {
    accounts: list('account'),
    contacts: list('contact'),
    deals: list('deal'),
    usage: list('usage'),
    departments: list('department'),
    signals: list('signal'),
  };
}

/** Add seat history from the snapshots for accounts whose source sends no seat usage. */
export async function addSeatHistory(
  db: Db,
  connection: string,
  asOf: string,
  portfolio: Portfolio,
  /** The portfolio holds these accounts only (a share of the whole): read theirs alone. */
  only?: readonly string[],
  /** The history as it will be once the run's snapshot of `asOf` is taken of these accounts,
   * read before it is (`seatHistory`). */
  pending?: readonly string[],
): Promise<Portfolio> {
  const withSeatUsage = new Set(
    portfolio.usage.filter((u) => u.metric === SEAT_METRIC).map((u) => u.accountId),
  );
  const live = new Set(portfolio.accounts.map((a) => a.id));
  const extra: UsagePoint[] = [];
  for (const s of await seatHistory(db, connection, asOf, undefined, only, pending)) {
    if (withSeatUsage.has(s.accountId) || !live.has(s.accountId)) continue;
    extra.push({
      accountId: s.accountId,
      date: s.day,
      metric: SEAT_METRIC,
      value: s.active,
      limit: s.licensed,
    });
  }
  portfolio.usage.push(...extra);
  return portfolio;
}

/** The whole portfolio read back from the mirror (the console, `headroom playbook`). */
export async function buildPortfolio(db: Db, connection: string, asOf: string): Promise<Portfolio> {
  return addSeatHistory(db, connection, asOf, portfolioOf(await readMirror(db, connection)));
}
