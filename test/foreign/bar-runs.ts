/**
 * The foreign portfolios the bar is measured on (the bar test and `npm run foreign:report`): two
 * seeds, the second exported with a 0–10 health score and 1–5 CSAT as well as 0–10 NPS.
 */
import type { ForeignOptions } from './generate.js';

export const BAR_ACCOUNTS = 240;

export const BAR_RUNS: readonly Omit<ForeignOptions, 'accounts'>[] = [
  { seed: 1 },
  { seed: 2, scales: { healthScore: '0-10', csat: '1-5' } },
];

export const describeRun = (r: Omit<ForeignOptions, 'accounts'>): string =>
  `seed ${r.seed}${r.scales ? ` (health score ${r.scales.healthScore}, CSAT ${r.scales.csat})` : ''}`;
