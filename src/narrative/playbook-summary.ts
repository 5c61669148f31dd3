/**
 * The header block and the Executive Summary of `expansion-playbook.md`: totals, the type mix,
 * the largest accounts, the one action for this week and the hours Tier 1 needs.
 */
import type { AccountSummary } from '../model/index.js';
import { TYPE_LABELS } from './context.js';
import { joinAnd, longDate, money, pct, plural } from './format.js';
import { DEFAULT_HOURS } from './forecast.js';
import { blocks, escapeMd } from './markdown.js';
import { firstSorted } from './order.js';
import type { OpportunityFacts } from './playbook-facts.js';
import type { ForecastSettings, PortfolioForecast } from './types.js';

/** Header lines end in two spaces: Markdown hard breaks, so each renders on its own line. */
export function renderHeader(f: PortfolioForecast, asOf: string, portfolioName: string): string {
  const line = (t: 1 | 2): string =>
    `Tier ${t} Opportunities: ${f.byTier[t].count} worth ${money(f.byTier[t].arr)}`;
  return blocks(
    '# Expansion Revenue Playbook',
    [
      `Generated: ${asOf}`,
      `Portfolio: ${escapeMd(portfolioName)}`,
      `Accounts Analyzed: ${f.accounts}`,
      `Current Portfolio ARR: ${money(f.startingArr)}`,
      `Total Expansion Revenue Identified: ${money(f.expansion.arr)}`,
      line(1),
      line(2),
    ].join('  \n'),
  );
}

export function renderExecutiveSummary(input: {
  forecast: PortfolioForecast;
  accounts: readonly AccountSummary[];
  expansion: readonly OpportunityFacts[];
  settings: ForecastSettings;
}): string {
  const { forecast: f, expansion } = input;
  const withOpp = new Set(expansion.map((o) => o.accountId)).size;
  const share =
    f.startingArr > 0 ? ` (${pct(f.expansion.arr / f.startingArr)} of current ARR)` : '';
  const p1 =
    `Across ${plural(f.accounts, 'account')} holding ${money(f.startingArr)} of ARR, ${money(f.expansion.arr)} of expansion revenue was identified${share} in ${plural(f.expansion.count, 'expansion opportunity', 'expansion opportunities')} at ${plural(withOpp, 'account')}` +
    ` (${f.accounts ? pct(withOpp / f.accounts) : '0%'} of the portfolio). Tier 1 holds ${f.byTier[1].count} worth ${money(f.byTier[1].arr)} and Tier 2 ${f.byTier[2].count} worth ${money(f.byTier[2].arr)}.` +
    ` Weighted by likelihood the pipeline is worth ${money(f.expansion.expectedValue)}; the projected NRR is ${pct(f.retention.nrr)} and GRR ${pct(f.retention.grr)} over the next 12 months.`;
  const types = f.byType
    .filter((t) => t.count > 0)
    .sort((a, b) => b.arr - a.arr)
    .slice(0, 3);
  const largest = firstSorted(
    input.accounts.filter((a) => a.potentialArr > 0),
    3,
    (a, b) => b.potentialArr - a.potentialArr,
  );
  const o = f.otherPlays;
  const p2 =
    (types.length
      ? `By type, ${joinAnd(types.map((t) => `${TYPE_LABELS[t.type]} (${t.count}, ${money(t.arr)})`))} lead the mix. `
      : '') +
    (largest.length
      ? `The largest potential sits at ${joinAnd(largest.map((a) => `${a.name} (${money(a.potentialArr)})`))}. `
      : '') +
    `Kept apart from these totals: ${o.activation} activation, ${o.conversion} conversion, ${o.stabilization} stabilization and ${o.champion} champion plays.`;
  const hours = { ...DEFAULT_HOURS, ...input.settings.hours };
  const tier1 = expansion.filter((x) => x.tier === 1);
  const ae = tier1.reduce((t, x) => t + hours[x.type].ae, 0);
  const csm = tier1.reduce((t, x) => t + hours[x.type].csm, 0);
  const best = expansion.find((x) => x.tier <= 2);
  const action = best
    ? `The single highest-impact action this week: ${best.firstStep ?? 'open the conversation'} at ${best.accountName} (${money(best.estimatedArr)}, score ${best.scores.composite.toFixed(1)}, act by ${longDate(best.deadline)}).`
    : 'No opportunity is ready for this week: start with the stabilization and activation plays below.';
  const p3 = `${action} Pursuing Tier 1 takes about ${ae} AE hours and ${csm} CSM hours; Tier 1 and 2 together about ${f.effort.aeHours} AE and ${f.effort.csmHours} CSM hours.`;
  return blocks('## Executive Summary', escapeMd(p1), escapeMd(p2), escapeMd(p3));
}
