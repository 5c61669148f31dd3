/**
 * The per-account line of `accounts.json`, for every account (with or without opportunities):
 * health and reasons, readiness, best score and tier, potential ARR and flags.
 */
import type { AccountFlag, AccountSummary, Opportunity, Readiness } from '../model/output.js';
import type { AccountContext } from './context.js';
import type { StringPool } from './string-pool.js';

/** Flags in this order; bit `i` of a flag set stands for `FLAG_ORDER[i]`. */
const FLAG_ORDER = [
  'at_risk',
  'activation',
  'conversion_candidate',
  'champion_left',
  'just_renewed',
  'low_confidence',
] as const satisfies readonly AccountFlag[];

/** One frozen list per flag set (64 at most), shared by every account with those flags: a list
 * of its own per account was two objects each for the GC to copy. */
const FLAG_LISTS: readonly (readonly AccountFlag[])[] = Array.from(
  { length: 1 << FLAG_ORDER.length },
  (_, set) => Object.freeze(FLAG_ORDER.filter((_, i) => set & (1 << i))),
);
const flagList = (set: number): readonly AccountFlag[] => FLAG_LISTS[set]!;

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
  let set = 0;
  if (ctx.health.light === 'red') set |= 1 << 0;
  if (opps.some((o) => o.category === 'activation')) set |= 1 << 1;
  if (account.lifecycle === 'trial' || account.lifecycle === 'free') set |= 1 << 2;
  if (ctx.departures.length > 0) set |= 1 << 3;
  if (ctx.renewal.justRenewed) set |= 1 << 4;
  if (ctx.confidence.value < ctx.settings.confidence.lowBelow) set |= 1 << 5;
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
    flags: flagList(set),
  };
}
