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

/** `exclude` (object -> ids): mirror records to leave out (a run's pending deletions). */
export async function buildPortfolio(
  db: Db,
  connection: string,
  asOf: string,
  exclude?: Map<string, Set<string>>,
): Promise<Portfolio> {
  const mirror = await readMirror(db, connection, exclude);
  const list = <T>(object: string) => (mirror.get(object) ?? []) as T[];
  const portfolio: Portfolio = {
    accounts: list('account'),
    contacts: list('contact'),
    deals: list('deal'),
    usage: list('usage'),
    departments: list('department'),
    signals: list('signal'),
  };
  const withSeatUsage = new Set(
    portfolio.usage.filter((u) => u.metric === SEAT_METRIC).map((u) => u.accountId),
  );
  const live = new Set(portfolio.accounts.map((a) => a.id));
  const extra: UsagePoint[] = [];
  for (const s of await seatHistory(db, connection, asOf)) {
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
