/**
 * The portfolio's records grouped by account once, so scoring one account never scans the whole
 * portfolio (100k accounts with ~12 usage points each must score in seconds).
 */
import type { Contact, Deal, Department, Portfolio, Signal, UsagePoint } from '../model/records.js';

export interface AccountRecords {
  contacts: Contact[];
  deals: Deal[];
  departments: Department[];
  signals: Signal[];
  /** Usage by metric, each series sorted by date ascending. */
  usage: Map<string, UsagePoint[]>;
}

const EMPTY: AccountRecords = Object.freeze({
  contacts: [],
  deals: [],
  departments: [],
  signals: [],
  usage: new Map(),
}) as AccountRecords;

export interface PortfolioIndex {
  records(accountId: string): AccountRecords;
}

export function indexPortfolio(p: Portfolio): PortfolioIndex {
  // One map from account id to all of its records: one lookup per row here and one per account
  // while scoring (a map per kind of record took up to ten lookups per account).
  const byAccount = new Map<string, AccountRecords>();
  // Exports list an account's rows together more often than not: a repeat needs no lookup.
  let lastId: string | undefined;
  let last = EMPTY;
  const recordsOf = (accountId: string): AccountRecords => {
    if (accountId !== lastId) {
      let found = byAccount.get(accountId);
      if (!found) {
        found = { contacts: [], deals: [], departments: [], signals: [], usage: new Map() };
        byAccount.set(accountId, found);
      }
      lastId = accountId;
      last = found;
    }
    return last;
  };
  for (const c of p.contacts) recordsOf(c.accountId).contacts.push(c);
  for (const d of p.deals) recordsOf(d.accountId).deals.push(d);
  for (const d of p.departments) recordsOf(d.accountId).departments.push(d);
  for (const s of p.signals) recordsOf(s.accountId).signals.push(s);
  for (const u of p.usage) {
    const usage = recordsOf(u.accountId).usage;
    const series = usage.get(u.metric);
    if (series) series.push(u);
    else usage.set(u.metric, [u]);
  }
  for (const records of byAccount.values()) {
    for (const series of records.usage.values()) {
      // ISO dates sort as strings; skip the sort for the common already-ordered export.
      if (series.some((u, i) => i > 0 && u.date < series[i - 1]!.date)) {
        series.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      }
    }
  }
  return {
    records: (accountId) => byAccount.get(accountId) ?? EMPTY,
  };
}
