/**
 * Graduation to a higher tier: most of the current tier's features in use, or tickets and
 * signals asking for features that only a higher tier has.
 */
import type { Evidence } from '../../model/output.js';
import type { AccountContext } from '../context.js';
import { featureKeyOf, nextTier } from '../catalog-index.js';
import { humanKey, money, pct } from '../format.js';
import { ev, strengthOf, type Candidate } from './candidate.js';

type Targets = Map<number, { evidence: Evidence[]; sources: number; requested: boolean }>;

function add(byTarget: Targets, target: number, e: Evidence, requested: boolean): void {
  const entry = byTarget.get(target) ?? { evidence: [], sources: 0, requested: false };
  entry.evidence.push(e);
  entry.sources++;
  entry.requested ||= requested;
  byTarget.set(target, entry);
}

export function detectGraduation(ctx: AccountContext): Candidate[] {
  const { tier, cx, account } = ctx;
  if (!tier) return [];
  const rank = cx.tierRank.get(tier.key) ?? 0;
  const byTarget: Targets = new Map();

  const next = nextTier(cx, tier);
  if (next && tier.features.length > 0) {
    const own = new Set(tier.features);
    const used = account.featuresUsed.filter((f) => own.has(f)).length;
    const share = used / tier.features.length;
    if (share >= ctx.settings.graduation.featureShare) {
      add(
        byTarget,
        rank + 1,
        ev(
          'feature_adoption',
          `Uses ${used} of ${tier.features.length} ${tier.name} features (${pct(share)}%), at or above ${pct(ctx.settings.graduation.featureShare)}%`,
          pct(share),
          pct(ctx.settings.graduation.featureShare),
          'featuresUsed',
        ),
        false,
      );
    }
  }
  for (const item of ctx.texts) {
    for (const phrase of cx.featureMatcher.findAll(item.text)) {
      const key = featureKeyOf(cx, phrase);
      const target = key ? cx.featureTier.get(key) : undefined;
      if (key === undefined || target === undefined || target <= rank) continue;
      const targetTier = cx.catalog.tiers[target]!;
      add(
        byTarget,
        target,
        ev(
          'feature_request',
          `${item.source.replace('_', ' ')} "${item.text}" asks for ${humanKey(key)}, a ${targetTier.name} feature`,
          key,
          targetTier.key,
          item.field,
        ),
        true,
      );
    }
  }

  const out: Candidate[] = [];
  for (const [target, found] of byTarget) {
    const to = cx.catalog.tiers[target]!;
    const arr = Math.max(0, to.seatPrice - tier.seatPrice) * ctx.seatBase;
    out.push({
      type: 'tier_upgrade',
      category: 'expansion',
      subject: to.key,
      title: `Upgrade to ${to.name}: outgrowing ${tier.name}`,
      description: `Move from ${tier.name} to ${to.name}: the account ${found.requested ? 'asks for' : 'uses most of'} what ${tier.name} offers${found.requested ? ` and only ${to.name} has` : ''}.`,
      evidence: [
        ...found.evidence,
        ev(
          'sizing',
          `${ctx.seatBase} seats x ${money(to.seatPrice - tier.seatPrice)} ${tier.name} to ${to.name} price difference = ${money(arr)}`,
          arr,
          undefined,
          'catalog.tiers.seatPrice',
        ),
      ],
      currentState: `${tier.name}, ${account.featuresUsed.length} features in use`,
      proposedState: to.name,
      estimatedArr: arr,
      strength: Math.max(0.6, strengthOf(found.sources)),
      strongTrigger: found.requested,
      risks: [],
    });
  }
  return out;
}
