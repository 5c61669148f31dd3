/**
 * The analysis step every run shares: score the portfolio (pure core), then write each
 * opportunity's talking track (narratives). Returned with a settings version so score history
 * can tell a data change from a settings change.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../model/catalog.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Account, Contact, Portfolio } from '../model/records.js';
import { scorePortfolio, type ScoringInput, type ScoringSettings } from '../scoring/index.js';
import { narrateAll } from '../narrative/index.js';
import type { PortfolioStats } from '../scoring/portfolio-stats.js';

export interface AnalyzeOptions {
  catalog: Catalog;
  settings: ScoringSettings;
  likelihoodOverride?: ScoringInput['likelihoodOverride'];
  /** Versions of calibrated likelihood models in use: part of the settings version, so a score
   * that moved because a model was adopted is attributed to settings, not data. */
  modelVersions?: string[];
  /** The whole portfolio's statistics, when `portfolio` is a share of it. */
  stats?: PortfolioStats;
}

export interface Analysis {
  opportunities: Opportunity[];
  accounts: AccountSummary[];
  /** Hash of the scoring settings and catalog that produced these scores. */
  settingsVersion: string;
}

/** A short stable hash of any JSON value. */
export function versionOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function analyze(portfolio: Portfolio, asOf: string, options: AnalyzeOptions): Analysis {
  const scored = scorePortfolio({
    portfolio,
    catalog: options.catalog,
    settings: options.settings,
    asOf,
    ...(options.likelihoodOverride ? { likelihoodOverride: options.likelihoodOverride } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
  });
  const opportunities = narrateAll({
    opportunities: scored.opportunities,
    accountsById: new Map<string, Account>(portfolio.accounts.map((a) => [a.id, a])),
    contactsByAccount: groupBy<Contact>(portfolio.contacts, (c) => c.accountId),
    catalog: options.catalog,
    asOf,
  });
  return {
    opportunities,
    accounts: scored.accounts,
    settingsVersion: versionOf({
      settings: options.settings,
      catalog: options.catalog,
      models: options.modelVersions ?? [],
    }),
  };
}
