/**
 * Portfolio-wide patterns and blockers (seed 004 "Portfolio-Wide Insights"), computed from the
 * opportunities, the account summaries and, when given, the neutral account records. Items are
 * plain text; the playbook escapes them. A pattern that needs data we do not have says so.
 */
import type { AccountSummary, Catalog } from '../model/index.js';
import { TYPE_LABELS } from './context.js';
import { money, pct, plural } from './format.js';
import type { AccountFigures, OpportunityFacts } from './playbook-facts.js';
import type { PortfolioForecast } from './types.js';

export interface InsightInput {
  opportunities: readonly OpportunityFacts[];
  accounts: readonly AccountSummary[];
  forecast: PortfolioForecast;
  catalog: Catalog;
  /** The accounts' records, when the playbook has them. */
  accountsById?: Map<string, AccountFigures>;
  /** Active contacts per account, when the playbook has the contacts. */
  activeContacts?: Map<string, number>;
}

export type Item = { label: string; text: string };

export function patterns(i: InsightInput): Item[] {
  const types = i.forecast.byType.filter((t) => t.count > 0);
  const common = [...types].sort((a, b) => b.count - a.count || b.arr - a.arr)[0];
  const roi = [...types].sort((a, b) => b.avgScore - a.avgScore)[0];
  return [
    {
      label: 'Most Common Expansion Type',
      text: common
        ? `${TYPE_LABELS[common.type]}: ${plural(common.count, 'opportunity', 'opportunities')} worth ${money(common.arr)} of ${i.forecast.expansion.count} expansion opportunities in total.`
        : 'No expansion opportunities were identified.',
    },
    {
      label: 'Highest ROI Expansion Play',
      text: roi
        ? `${TYPE_LABELS[roi.type]}, with the highest average composite score (${roi.avgScore.toFixed(1)}), which weighs revenue against effort and likelihood.`
        : 'Not measurable without expansion opportunities.',
    },
    { label: 'Underutilized Product Areas', text: underused(i) },
    { label: 'Segment Trends', text: segments(i) },
  ];
}

/** Tier features the fewest accounts on that tier use (only accounts reporting feature usage). */
function underused(i: InsightInput): string {
  if (!i.accountsById) return 'Not measurable: the playbook was rendered without account records.';
  // One pass over the accounts: per tier, how many report features and how many use each.
  const byPlan = new Map<string, { on: number; uses: Map<string, number> }>();
  for (const a of i.accountsById.values()) {
    if (a.plan === undefined || a.featuresUsed.length === 0) continue;
    let p = byPlan.get(a.plan);
    if (!p) byPlan.set(a.plan, (p = { on: 0, uses: new Map() }));
    p.on++;
    for (let k = 0; k < a.featuresUsed.length; k++) {
      const f = a.featuresUsed[k]!;
      // A feature listed twice counts once.
      if (a.featuresUsed.indexOf(f) === k) p.uses.set(f, (p.uses.get(f) ?? 0) + 1);
    }
  }
  const rows: { name: string; used: number; of: number }[] = [];
  for (const tier of i.catalog.tiers) {
    const p = byPlan.get(tier.key);
    if (!p) continue;
    for (const f of tier.features)
      rows.push({ name: `${f} (${tier.name})`, used: p.uses.get(f) ?? 0, of: p.on });
  }
  if (rows.length === 0) return 'Not measurable: no account reports the features it uses.';
  const low = rows.sort((a, b) => a.used / a.of - b.used / b.of).slice(0, 3);
  return low.map((r) => `${r.name} used by ${r.used} of ${r.of} accounts`).join('; ') + '.';
}

function segments(i: InsightInput): string {
  if (!i.accountsById) return 'Not measurable: the playbook was rendered without account records.';
  const by = new Map<string, { arr: number; exp: number; n: number }>();
  const segOf = (id: string): string => {
    const a = i.accountsById?.get(id);
    return a?.segment ?? a?.industry ?? 'unsegmented';
  };
  for (const a of i.accounts) {
    const g = by.get(segOf(a.accountId)) ?? { arr: 0, exp: 0, n: 0 };
    g.arr += a.arr;
    g.n += 1;
    by.set(segOf(a.accountId), g);
  }
  for (const o of i.opportunities)
    if (o.category === 'expansion') {
      const g = by.get(segOf(o.accountId));
      if (g) g.exp += o.estimatedArr;
    }
  const ranked = [...by]
    .filter(([, g]) => g.arr > 0)
    .sort((a, b) => b[1].exp / b[1].arr - a[1].exp / a[1].arr);
  if (ranked.length === 0) return 'Not measurable: no ARR recorded.';
  return (
    ranked
      .slice(0, 3)
      .map(
        ([name, g]) =>
          `${name}: ${money(g.exp)} of expansion on ${money(g.arr)} ARR (${pct(g.exp / g.arr)}) across ${plural(g.n, 'account')}`,
      )
      .join('; ') + '.'
  );
}

/** Worked out once per input: blockers and recommendations both read them. */
const once = <T>(f: (i: InsightInput) => T) => {
  const known = new WeakMap<InsightInput, T>();
  return (i: InsightInput): T => {
    if (!known.has(i)) known.set(i, f(i));
    return known.get(i)!;
  };
};

/** Ticket themes shared by at least two yellow or red accounts: candidates for product work. */
export const productGaps = once(productGapsOf);

function productGapsOf(
  i: InsightInput,
): { theme: string; accounts: number; arr: number; heldBack: number }[] {
  if (!i.accountsById) return [];
  const unhealthy = new Map(
    i.accounts.filter((a) => a.health !== 'green').map((a) => [a.accountId, a]),
  );
  const held = new Map<string, number>();
  for (const o of i.opportunities)
    if (o.category === 'expansion' && o.tier >= 3)
      held.set(o.accountId, (held.get(o.accountId) ?? 0) + o.estimatedArr);
  const themes = new Map<string, { accounts: number; arr: number; heldBack: number }>();
  for (const [id, s] of unhealthy)
    for (const theme of new Set(i.accountsById.get(id)?.ticketThemes ?? [])) {
      const t = themes.get(theme) ?? { accounts: 0, arr: 0, heldBack: 0 };
      t.accounts += 1;
      t.arr += s.arr;
      t.heldBack += held.get(id) ?? 0;
      themes.set(theme, t);
    }
  return [...themes]
    .filter(([, t]) => t.accounts >= 2)
    .map(([theme, t]) => ({ theme, ...t }))
    .sort((a, b) => b.arr - a.arr);
}

/** Tier upgrades that ask for half the current ARR again or more. */
export const pricingFriction = once(pricingFrictionOf);

function pricingFrictionOf(i: InsightInput): { count: number; avgJump: number; arr: number } {
  const arrOf = new Map(i.accounts.map((a) => [a.accountId, a.arr]));
  const steep = i.opportunities.filter((o) => {
    const arr = arrOf.get(o.accountId) ?? 0;
    return o.type === 'tier_upgrade' && arr > 0 && o.estimatedArr / arr >= 0.5;
  });
  const jumps = steep.map((o) => o.estimatedArr / (arrOf.get(o.accountId) ?? 1));
  return {
    count: steep.length,
    avgJump: jumps.length ? jumps.reduce((a, b) => a + b, 0) / jumps.length : 0,
    arr: steep.reduce((t, o) => t + o.estimatedArr, 0),
  };
}

export function blockers(i: InsightInput): Item[] {
  const gaps = productGaps(i);
  const price = pricingFriction(i);
  const steps = i.catalog.tiers.slice(1).map((t, k) => {
    const prev = i.catalog.tiers[k];
    return prev && prev.seatPrice > 0
      ? `${prev.name} to ${t.name} +${pct(t.seatPrice / prev.seatPrice - 1)} a seat`
      : '';
  });
  const activation = i.accounts.filter((a) => a.flags.includes('activation'));
  const champ = i.accounts.filter((a) => a.flags.includes('champion_left'));
  const single = i.activeContacts
    ? i.accounts.filter((a) => (i.activeContacts?.get(a.accountId) ?? 0) <= 1)
    : [];
  const comp = i.opportunities.filter((o) => o.type === 'competitive_displacement' && o.tier >= 3);
  const sum = (xs: { arr: number }[]): string => money(xs.reduce((t, x) => t + x.arr, 0));
  return [
    {
      label: 'Product Gaps',
      text: gaps.length
        ? gaps
            .slice(0, 3)
            .map(
              (g) =>
                `"${g.theme}" recurs at ${g.accounts} yellow or red accounts holding ${money(g.arr)} ARR`,
            )
            .join('; ') + '.'
        : 'No ticket theme recurs across unhealthy accounts.',
    },
    {
      label: 'Pricing Friction',
      text: `${plural(price.count, 'tier upgrade')} would raise ARR by 50% or more (average ${pct(price.avgJump)}, ${money(price.arr)} in total). Catalog steps: ${steps.filter(Boolean).join('; ') || 'one tier only'}.`,
    },
    {
      label: 'Enablement Gaps',
      text: `${plural(activation.length, 'account')} (${sum(activation)} ARR) ${activation.length === 1 ? 'is' : 'are'} not using what they already pay for: enablement comes before any upsell there.`,
    },
    {
      label: 'Relationship Gaps',
      text: `${plural(champ.length, 'account')} lost a champion (${sum(champ)} ARR)${i.activeContacts ? `; ${plural(single.length, 'account')} (${sum(single)} ARR) ${single.length === 1 ? 'rests' : 'rest'} on one active contact or none` : ''}.`,
    },
    {
      label: 'Competitive Locks',
      text: `${plural(comp.length, 'displacement opportunity', 'displacement opportunities')} scored Tier 3 or lower (${money(comp.reduce((t, o) => t + o.estimatedArr, 0))}): the competitor is entrenched there.`,
    },
  ];
}
