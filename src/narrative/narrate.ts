/**
 * Fills the three narrative fields the scoring core leaves empty (`pitch`, `approach`,
 * `objections`). Deterministic: the same opportunity and context always give the same text.
 */
import type { Account, Catalog, Contact, Opportunity } from '../model/index.js';
import { approachSteps } from './approach.js';
import { objectionsFor } from './objections.js';
import { pitchText, talkingTrack } from './talking-track.js';
import type { Narrative, NarrativeContext } from './types.js';

/**
 * The talking track, approach and objections of one opportunity.
 * @param opp an opportunity of `ctx.account` as the scoring core produced it
 */
export function narrateOpportunity(opp: Opportunity, ctx: NarrativeContext): Narrative {
  if (opp.accountId !== ctx.account.id)
    throw new RangeError(
      `opportunity ${opp.id} belongs to ${opp.accountId}, not ${ctx.account.id}`,
    );
  return {
    pitch: pitchText(talkingTrack(opp, ctx)),
    approach: approachSteps(opp, ctx),
    objections: objectionsFor(opp, ctx),
  };
}

/**
 * Returns every opportunity with its narrative filled in, ready for `opportunities.json` and
 * the CRM write-back. Opportunities whose account is unknown are returned unchanged.
 */
export function narrateAll(input: {
  opportunities: Opportunity[];
  accountsById: Map<string, Account>;
  contactsByAccount: Map<string, Contact[]>;
  catalog: Catalog;
  asOf: string;
}): Opportunity[] {
  const byAccount = new Map<string, Opportunity[]>();
  for (const o of input.opportunities) {
    const list = byAccount.get(o.accountId);
    if (list) list.push(o);
    else byAccount.set(o.accountId, [o]);
  }
  return input.opportunities.map((opp) => {
    const account = input.accountsById.get(opp.accountId);
    if (!account) return opp;
    const ctx: NarrativeContext = {
      account,
      contacts: input.contactsByAccount.get(opp.accountId) ?? [],
      catalog: input.catalog,
      asOf: input.asOf,
      opportunities: byAccount.get(opp.accountId) ?? [],
    };
    return { ...opp, ...narrateOpportunity(opp, ctx) };
  });
}
