/**
 * Opportunity Distribution Analysis (by type, revenue band, timeline) plus the tier breakdown
 * and the retention forecast, all straight from `forecastPortfolio`. Expansion only.
 */
import { TYPE_LABELS } from './context.js';
import { money, pct } from './format.js';
import { blocks, table } from './markdown.js';
import { BANDS, TIMELINES, type PortfolioForecast } from './types.js';

const TIER_NAMES = [
  'Pursue Immediately',
  'Pursue This Quarter',
  'Nurture',
  'Monitor',
  'Deprioritize',
];

export function renderDistribution(f: PortfolioForecast): string {
  return blocks(
    '## Opportunity Distribution Analysis',
    'Expansion opportunities only; plays outside expansion are counted in their own sections.',
    '### By Type',
    table(
      ['Opportunity Type', 'Count', 'Total Est. ARR', 'Avg. Score'],
      f.byType.map((t) => [
        TYPE_LABELS[t.type],
        String(t.count),
        money(t.arr),
        t.count ? t.avgScore.toFixed(1) : '—',
      ]),
    ),
    '### By Revenue Band',
    table(
      ['Band', 'Count', 'Total Est. ARR'],
      BANDS.map((b) => [b, String(f.byBand[b].count), money(f.byBand[b].arr)]),
    ),
    '### By Timeline',
    table(
      ['Timing', 'Count', 'Total Est. ARR'],
      TIMELINES.map((t) => [t, String(f.byTimeline[t].count), money(f.byTimeline[t].arr)]),
    ),
    '### By Tier',
    table(
      ['Tier', 'Count', 'Total Est. ARR', 'Expected Value'],
      ([1, 2, 3, 4, 5] as const).map((t) => [
        `Tier ${t} -- ${TIER_NAMES[t - 1]}`,
        String(f.byTier[t].count),
        money(f.byTier[t].arr),
        money(f.byTier[t].expectedValue),
      ]),
    ),
    '### Revenue Retention Projection',
    table(
      ['Metric', 'Value'],
      [
        ['Starting ARR', money(f.startingArr)],
        ['Expected Expansion', money(f.retention.expectedExpansion)],
        ['Churn Exposure (red accounts)', money(f.retention.churnExposure)],
        ['Expected Churn', money(f.retention.expectedChurn)],
        ['Projected Ending ARR', money(f.retention.endingArr)],
        ['Projected NRR', pct(f.retention.nrr)],
        ['Projected GRR', pct(f.retention.grr)],
        ['GRR if Every Red Account Churns', pct(f.retention.grrWorstCase)],
        ['Pipeline Coverage', `${f.coverage.ratio.toFixed(1)}x ${f.coverage.targetSource}`],
      ],
    ),
    'The assumptions behind these figures are listed in the appendix.',
  );
}
