/**
 * Recommendations for leadership and the data-confidence notes: quick wins, strategic bets,
 * product feedback with the ARR behind it, pricing, enablement, resourcing; then which accounts
 * and opportunities rest on thin data and what would firm them up.
 */
import { money, pct, plural } from './format.js';
import { timelineOf } from './forecast.js';
import { firstSorted } from './order.js';
import { pricingFriction, productGaps, type InsightInput, type Item } from './insights.js';
import type { AccountNotes, OpportunityFacts } from './playbook-facts.js';

const names = (opps: readonly Pick<OpportunityFacts, 'accountName' | 'estimatedArr'>[]): string =>
  opps
    .slice(0, 3)
    .map((o) => `${o.accountName} (${money(o.estimatedArr)})`)
    .join(', ');

const total = (opps: readonly OpportunityFacts[]): number =>
  opps.reduce((t, o) => t + o.estimatedArr, 0);

/** Best composite score first; ties keep their order. */
const byScore = (a: OpportunityFacts, b: OpportunityFacts): number =>
  b.scores.composite - a.scores.composite;

export function recommendations(i: InsightInput, asOf: string): Item[] {
  // Each list is named by its three best and counted and summed whole (whole dollars: the sum
  // does not depend on the order), so none is sorted.
  const quick: OpportunityFacts[] = [];
  const bets: OpportunityFacts[] = [];
  for (const o of i.opportunities) {
    if (o.category !== 'expansion') continue;
    if (o.tier <= 2 && o.scores.effort >= 7 && timelineOf(o, asOf) === 'This Month') quick.push(o);
    if ((o.estimatedArr >= 50_000 || o.scores.revenue >= 8) && o.scores.effort <= 5) bets.push(o);
  }
  const gaps = productGaps(i);
  const price = pricingFriction(i);
  const activation = i.opportunities.filter((o) => o.category === 'activation');
  const arrOf = new Map(i.accounts.map((a) => [a.accountId, a.arr]));
  // Activation plays carry no new ARR: name them with the ARR already paid for.
  const paid = activation
    .slice(0, 3)
    .map((o) => ({ accountName: o.accountName, estimatedArr: arrOf.get(o.accountId) ?? 0 }));
  const f = i.forecast;
  const perWeek = (h: number): string => (h / 13).toFixed(1);
  return [
    {
      label: 'Quick Wins',
      text: quick.length
        ? `${plural(quick.length, 'Tier 1–2 opportunity', 'Tier 1–2 opportunities')} can close this month with one or two meetings, worth ${money(total(quick))}: ${names(firstSorted(quick, 3, byScore))}.`
        : 'No low-effort Tier 1–2 opportunity is due this month.',
    },
    {
      label: 'Strategic Bets',
      text: bets.length
        ? `${plural(bets.length, 'larger opportunity', 'larger opportunities')} ${bets.length === 1 ? 'needs' : 'need'} executive time and a longer cycle, worth ${money(total(bets))}: ${names(firstSorted(bets, 3, byScore))}.`
        : 'No large, high-effort opportunity stands out.',
    },
    {
      label: 'Product Feedback',
      text: gaps.length
        ? gaps
            .slice(0, 3)
            .map(
              (g) =>
                `fixing "${g.theme}" would address ${g.accounts} unhealthy accounts with ${money(g.arr)} ARR and ${money(g.heldBack)} of expansion held back below Tier 2`,
            )
            .join('; ') + '.'
        : 'No recurring gap across unhealthy accounts in the data.',
    },
    {
      label: 'Pricing Recommendations',
      text: price.count
        ? `${plural(price.count, 'tier upgrade')} ${price.count === 1 ? 'asks' : 'ask'} for ${pct(price.avgJump)} more ARR on average (${money(price.arr)}); consider a stepped path (a feature bundle or a partial-seat upgrade) between tiers.`
        : 'No tier jump in the pipeline asks for 50% more ARR or above; no pricing change is indicated.',
    },
    {
      label: 'Enablement Priorities',
      text: activation.length
        ? `${plural(activation.length, 'activation play')} at ${names(paid)}: run enablement before any commercial conversation.`
        : 'No account shows unused entitlements.',
    },
    {
      label: 'Resource Allocation',
      text: `${plural(f.effort.opportunities, 'Tier 1–2 opportunity', 'Tier 1–2 opportunities')} ${f.effort.opportunities === 1 ? 'needs' : 'need'} about ${f.effort.aeHours} AE hours and ${f.effort.csmHours} CSM hours, roughly ${perWeek(f.effort.aeHours)} AE and ${perWeek(f.effort.csmHours)} CSM hours a week over a quarter (13 weeks).`,
    },
  ];
}

/** Accounts flagged low-confidence and opportunities under the threshold, with what is missing
 * (`notes`: what each account's records lack, where the playbook has them). */
export function confidenceNotes(
  i: InsightInput,
  accountNotes: ReadonlyMap<string, AccountNotes>,
  threshold: number,
  cap = 25,
): string[] {
  // Only the first `cap` notes are written out: the rest are counted.
  const notes: string[] = [];
  let count = 0;
  const note = (text: () => string) => {
    if (count++ < cap) notes.push(text());
  };
  for (const s of i.accounts) {
    if (!s.flags.includes('low_confidence')) continue;
    const missing = accountNotes.get(s.accountId)?.missing ?? [];
    note(
      () =>
        `${s.name}: scored on partial data${missing.length ? `; missing ${missing.join(', ')}` : ''}.`,
    );
  }
  for (const o of i.opportunities)
    if (o.confidence < threshold)
      note(
        () =>
          `${o.accountName}, ${o.title}: confidence ${pct(o.confidence)}; verify the evidence with the customer before acting.`,
      );
  if (count === 0)
    return [`Every account and opportunity has confidence of ${pct(threshold)} or more.`];
  const extra = count - cap;
  return extra > 0
    ? [...notes, `And ${extra} more (see opportunities.json, field confidence).`]
    : notes;
}
