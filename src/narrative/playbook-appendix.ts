/**
 * Appendix: Scoring Methodology, as in seed 004, plus what this build adds for the reader to
 * check the numbers: the forecast assumptions, the hours per type and the data-confidence notes.
 */
import { EXPANSION_TYPES } from '../model/index.js';
import { TYPE_LABELS } from './context.js';
import { DEFAULT_HOURS } from './forecast.js';
import { blocks, bullets, escapeMd, table } from './markdown.js';
import type { ForecastSettings, PortfolioForecast } from './types.js';

export function renderAppendix(
  f: PortfolioForecast,
  settings: ForecastSettings,
  notes: string[],
): string {
  const hours = { ...DEFAULT_HOURS, ...settings.hours };
  return blocks(
    '## Appendix: Scoring Methodology',
    '### Dimension Weights',
    bullets([
      'Revenue Potential: 40%',
      'Effort Required: 30% (inverted -- higher score = less effort)',
      'Likelihood of Success: 30%',
    ]),
    '### Score Interpretation',
    bullets([
      '8.0-10.0: Tier 1 -- Pursue Immediately',
      '6.0-7.9: Tier 2 -- Pursue This Quarter',
      '4.0-5.9: Tier 3 -- Nurture',
      '2.0-3.9: Tier 4 -- Monitor',
      '0-1.9: Tier 5 -- Deprioritize',
    ]),
    '### Forecast Assumptions',
    bullets(f.assumptions.map(escapeMd)),
    '### Hours per Opportunity Type',
    table(
      ['Opportunity Type', 'AE Hours', 'CSM Hours'],
      EXPANSION_TYPES.map((t) => [TYPE_LABELS[t], String(hours[t].ae), String(hours[t].csm)]),
    ),
    '### Data Confidence Notes',
    bullets(notes.map(escapeMd)),
  );
}
