/**
 * What the scoring core works out once per portfolio before scoring any account: the scales its
 * survey values come on, and the settings' vocabularies compiled (ticket themes, competitor
 * dissatisfaction, free-mail domains).
 */
import type { Account } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import { freeMailSet } from './domains.js';
import { portfolioScales, type PortfolioScales } from './scales.js';
import { compileKeywords, type KeywordMatcher } from './text-match.js';
import { compileThemes, type ThemeClassifier } from './ticket-themes.js';

export interface PortfolioFacts {
  scales: PortfolioScales;
  themes: ThemeClassifier;
  /** Matches competitor-signal details that name dissatisfaction ("replacement", "switching"). */
  competitorRisk: KeywordMatcher;
  freeMail: ReadonlySet<string>;
}

export function portfolioFacts(
  accounts: readonly Account[],
  settings: ScoringSettings,
  scales: PortfolioScales = portfolioScales(accounts, settings.scales),
): PortfolioFacts {
  return {
    scales,
    themes: compileThemes(settings.ticketThemes),
    competitorRisk: compileKeywords(settings.health.competitorRisk),
    freeMail: freeMailSet(settings.champion.freeMailDomains),
  };
}
