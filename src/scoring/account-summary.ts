/**
 * The per-account line of `accounts.json`, for every account (with or without opportunities):
 * health and reasons, readiness, best score and tier, potential ARR and flags.
 */
import type { AccountFlag, AccountSummary, Opportunity, Readiness } from '../model/output.js';
import type { AccountContext } from './context.js';
import { exactCopy } from './exact-copy.js';
import type { StringPool } from './string-pool.js';

function readinessOf(ctx: AccountContext, opps: readonly Opportunity[]): Readiness {
  if (ctx.health.light === 'red') return 'not_ready';
  const selling = opps.filter((o) => o.category === 'expansion' || o.category === 'conversion');
  if (selling.some((o) => o.timing === 'now' && o.tier <= 2)) return 'ready_now';
  if (selling.length > 0 || opps.some((o) => o.category === 'activation')) return 'needs_nurturing';
  return 'not_ready';
}

export function summarizeAccount(
  ctx: AccountContext,
  opps: readonly Opportunity[],
  pool: StringPool,
): AccountSummary {
  const { account } = ctx;
  const flags: AccountFlag[] = [];
  if (ctx.health.light === 'red') flags.push('at_risk');
  if (opps.some((o) => o.category === 'activation')) flags.push('activation');
  if (account.lifecycle === 'trial' || account.lifecycle === 'free')
    flags.push('conversion_candidate');
  if (ctx.departures.length > 0) flags.push('champion_left');
  if (ctx.renewal.justRenewed) flags.push('just_renewed');
  if (ctx.confidence.value < ctx.settings.confidence.lowBelow) flags.push('low_confidence');
  let bestScore = 0;
  let bestTier = 0;
  let potentialArr = 0;
  for (const o of opps) {
    bestScore = Math.max(bestScore, o.scores.composite);
    bestTier = bestTier === 0 ? o.tier : Math.min(bestTier, o.tier);
    potentialArr += o.estimatedArr;
  }
  return {
    accountId: account.id,
    name: account.name,
    arr: account.arr,
    health: ctx.health.light,
    // `map` copies to the exact length.
    healthReasons: ctx.health.reasons.map(pool),
    readiness: readinessOf(ctx, opps),
    bestScore,
    bestTier,
    potentialArr,
    opportunityCount: opps.length,
    flags: exactCopy(flags),
  };
}
