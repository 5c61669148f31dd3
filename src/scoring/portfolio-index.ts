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

function group<T extends { accountId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.accountId);
    if (list) list.push(r);
    else out.set(r.accountId, [r]);
  }
  return out;
}

export interface PortfolioIndex {
  records(accountId: string): AccountRecords;
}

export function indexPortfolio(p: Portfolio): PortfolioIndex {
  const contacts = group(p.contacts);
  const deals = group(p.deals);
  const departments = group(p.departments);
  const signals = group(p.signals);
  const usage = new Map<string, Map<string, UsagePoint[]>>();
  for (const u of p.usage) {
    let byMetric = usage.get(u.accountId);
    if (!byMetric) usage.set(u.accountId, (byMetric = new Map()));
    const series = byMetric.get(u.metric);
    if (series) series.push(u);
    else byMetric.set(u.metric, [u]);
  }
  for (const byMetric of usage.values()) {
    for (const series of byMetric.values()) {
      // ISO dates sort as strings; skip the sort for the common already-ordered export.
      if (series.some((u, i) => i > 0 && u.date < series[i - 1]!.date)) {
        series.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      }
    }
  }
  return {
    records(accountId) {
      const has =
        contacts.has(accountId) ||
        deals.has(accountId) ||
        departments.has(accountId) ||
        signals.has(accountId) ||
        usage.has(accountId);
      if (!has) return EMPTY;
      return {
        contacts: contacts.get(accountId) ?? [],
        deals: deals.get(accountId) ?? [],
        departments: departments.get(accountId) ?? [],
        signals: signals.get(accountId) ?? [],
        usage: usage.get(accountId) ?? new Map(),
      };
    },
  };
}
