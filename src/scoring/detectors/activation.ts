/**
 * Activation (seeds/004: "do not confuse activation with expansion"): paid-for seats, tier
 * features or modules left unused. The play is enablement, never an upsell of what they own;
 * estimated ARR is 0 and the revenue score is sized on the value left idle.
 */
import type { AccountContext } from '../context.js';
import { priceOf } from '../catalog-index.js';
import { humanKey, money, pct } from '../format.js';
import { readings } from '../usage-series.js';
import { ev, type Candidate } from './candidate.js';

// Every field written out in each literal, no `{ ...base }` spread: properties defined after a
// spread are added one by one, and this runs for most of 100k accounts.

export function detectActivation(ctx: AccountContext): Candidate[] {
  const { account, seats, tier, settings, cx } = ctx;
  const a = settings.activation;
  const out: Candidate[] = [];
  if (seats && seats.licensed > 0 && seats.active / seats.licensed < a.seatUtilBelow) {
    const unused = seats.licensed - seats.active;
    const idle = unused * ctx.seatPrice;
    out.push({
      type: 'activation',
      category: 'activation',
      subject: 'seats',
      title: `Activate ${unused} idle paid seats`,
      description: `${unused} of ${seats.licensed} paid seats are unused: onboard the people they were bought for before any seat conversation.`,
      evidence: [
        ev(
          'seat_utilization',
          `${seats.active} of ${seats.licensed} licensed seats active (${pct(seats.active / seats.licensed)}%), below ${pct(a.seatUtilBelow)}%`,
          pct(seats.active / seats.licensed),
          pct(a.seatUtilBelow),
          'seats.active / seats.licensed',
        ),
        ev(
          'idle_value',
          `${unused} idle seats x ${money(ctx.seatPrice)} = ${money(idle)} a year paid for nothing`,
          idle,
          undefined,
          'catalog.tiers.seatPrice',
        ),
      ],
      currentState: `${seats.active} of ${seats.licensed} seats active`,
      proposedState: `Utilization at or above ${pct(a.seatUtilBelow)}%`,
      estimatedArr: 0,
      valueAtStake: idle,
      strength: 0.8,
      strongTrigger: false,
      risks: ['Idle seats are a renewal risk: expect a downsell request if left alone'],
    });
  }
  if (tier && tier.features.length > 0) {
    const used = new Set(account.featuresUsed);
    const unusedFeatures = tier.features.filter((f) => !used.has(f));
    const share = (tier.features.length - unusedFeatures.length) / tier.features.length;
    if (share < a.featureShareBelow && account.featuresUsed.length > 0) {
      const rank = cx.tierRank.get(tier.key) ?? 0;
      const below = cx.catalog.tiers[rank - 1];
      const premium = below ? Math.max(0, tier.seatPrice - below.seatPrice) * ctx.seatBase : 0;
      out.push({
        type: 'activation',
        category: 'activation',
        subject: 'features',
        title: `Activate ${tier.name} features: ${unusedFeatures.length} unused`,
        description: `The account uses ${pct(share)}% of the ${tier.name} features it pays for: enable ${unusedFeatures.slice(0, 3).map(humanKey).join(', ')} first.`,
        evidence: [
          ev(
            'feature_adoption',
            `Uses ${tier.features.length - unusedFeatures.length} of ${tier.features.length} ${tier.name} features (${pct(share)}%), below ${pct(a.featureShareBelow)}%`,
            pct(share),
            pct(a.featureShareBelow),
            'featuresUsed',
          ),
        ],
        currentState: `${tier.features.length - unusedFeatures.length} of ${tier.features.length} features in use`,
        proposedState: `Using ${unusedFeatures.slice(0, 3).map(humanKey).join(', ')}`,
        estimatedArr: 0,
        valueAtStake: premium,
        strength: 0.6,
        strongTrigger: false,
        risks: [],
      });
    }
  }
  for (const key of account.products) {
    const m = cx.moduleByKey.get(key);
    const last = readings(ctx.records.usage.get(key), ctx.asOfDay, undefined).at(-1);
    if (!m || !last || last.value > 0) continue;
    const price = priceOf(m.price, ctx.seatBase, account.arr);
    out.push({
      type: 'activation',
      category: 'activation',
      subject: `module-${key}`,
      title: `Activate ${m.name}: owned, no usage`,
      description: `The account pays for ${m.name} and recorded no usage of it on ${last.date}: enable it.`,
      evidence: [
        ev(
          'module_unused',
          `${m.name} usage ${last.value} on ${last.date} (owned, ${money(price)} a year)`,
          last.value,
          0,
          `usage[${key}]`,
        ),
      ],
      currentState: `Owns ${m.name}, unused`,
      proposedState: `${m.name} in use`,
      estimatedArr: 0,
      valueAtStake: price,
      strength: 0.8,
      strongTrigger: false,
      risks: [],
    });
  }
  return out;
}
