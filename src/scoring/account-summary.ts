/**
 * The per-account line of `accounts.json`, for every account (with or without opportunities):
 * health and reasons, readiness, best score and tier, potential ARR and flags.
 */
import {
  ACCOUNT_FLAGS,
  type AccountFlag,
  type AccountSummary,
  type Opportunity,
  type Readiness,
} from '../model/output.js';
import type { AccountContext } from './context.js';
import type { StringPool } from './string-pool.js';

/** A flag set as bits: bit `i` stands for `ACCOUNT_FLAGS[i]`, so lists keep the contract's order. */
const BIT = Object.fromEntries(ACCOUNT_FLAGS.map((f, i) => [f, 1 << i])) as Record<
  AccountFlag,
  number
>;

/** One frozen list per flag set (64 at most), shared by every account with those flags: a list
 * of its own per account was two objects each for the GC to copy. */
const FLAG_LISTS: readonly (readonly AccountFlag[])[] = Array.from(
  { length: 1 << ACCOUNT_FLAGS.length },
  (_, set) => Object.freeze(ACCOUNT_FLAGS.filter((f) => set & BIT[f])),
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
  if (ctx.health.light === 'red') set |= BIT.at_risk;
  if (opps.some((o) => o.category === 'activation')) set |= BIT.activation;
  if (account.lifecycle === 'trial' || account.lifecycle === 'free')
    set |= BIT.conversion_candidate;
  if (ctx.departures.length > 0) set |= BIT.champion_left;
  if (ctx.renewal.justRenewed) set |= BIT.just_renewed;
  if (ctx.confidence.value < ctx.settings.confidence.lowBelow) set |= BIT.low_confidence;
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
