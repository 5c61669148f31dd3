/**
 * The scoring core (DESIGN.md): neutral records + catalog + settings + as-of date in,
 * evidence-backed opportunities and account summaries out. Pure and deterministic.
 */
export { scorePortfolio, type ScoringInput, type ScoringResult } from './score-portfolio.js';
export { ScoringSettingsSchema, DEFAULT_SETTINGS, type ScoringSettings } from './settings/index.js';
export { opportunityFeatures } from './features.js';
export type { LikelihoodOverride } from './build-opportunity.js';
export { opportunityId } from './opportunity-id.js';
export {
  portfolioScales,
  scaleLabel,
  type PortfolioScales,
  type Resolved as ResolvedScale,
} from './scales.js';
export { compileThemes, type ThemeClass, type ClassifiedThemes } from './ticket-themes.js';
