/**
 * Narratives and the portfolio playbook: pure functions from scored opportunities, account
 * summaries and the neutral records to text. No I/O and no clock: `asOf` is always an argument.
 */
export type * from './types.js';
export { BANDS, TIMELINES } from './types.js';
export { narrateOpportunity, narrateAll } from './narrate.js';
export { talkingTrack, pitchText } from './talking-track.js';
export { qbrAgenda, renderQbrMarkdown } from './qbr.js';
export { outreachDrafts, renderOutreachMarkdown } from './outreach.js';
export { championPlan, renderChampionPlanMarkdown } from './champion.js';
export { unlockPlan, whyNoOpportunities } from './unlock.js';
export { forecastPortfolio, expectedValue, bandOf, timelineOf, DEFAULT_HOURS } from './forecast.js';
export { renderPlaybook } from './playbook.js';
export { renderAccountPlaybook } from './account-playbook.js';
export { escapeMd, mdTableCell } from './markdown.js';
