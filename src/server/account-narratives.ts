/**
 * The narratives of one account page, from the narrative layer: the QBR agenda, outreach drafts
 * for the best live plays, a plan per departed champion, and, for a red account or one without
 * an expansion play, what would unlock expansion. Dismissed (and otherwise settled)
 * opportunities are left out: nobody pitches what was turned down.
 */
import type { Account, AccountSummary, Catalog, Contact, Opportunity } from '../model/index.js';
import { championPlan } from '../narrative/champion.js';
import { outreachDrafts } from '../narrative/outreach.js';
import { qbrAgenda } from '../narrative/qbr.js';
import type { NarrativeContext } from '../narrative/types.js';
import { expansionOf, unlockPlan, whyNoOpportunities } from '../narrative/unlock.js';
import type { OpportunityRow } from '../store/opportunities.js';
import type { AccountView } from './account-view.js';

/** Outreach drafts are written for this many of the best live plays. */
const OUTREACH_FOR = 3;
/** Roles whose departure is champion loss (the scoring default). */
const CHAMPION_ROLES = new Set(['champion', 'exec_sponsor']);

/** Opportunities still in play: open or accepted. */
export const live = (rows: OpportunityRow[]): Opportunity[] =>
  rows.filter((r) => r.status === 'open' || r.status === 'accepted').map((r) => r.data);

export function accountNarratives(
  account: Account,
  contacts: Contact[],
  rows: OpportunityRow[],
  catalog: Catalog,
  asOf: string,
  summary?: AccountSummary,
): Pick<AccountView, 'outreach' | 'championPlans'> & Partial<Pick<AccountView, 'qbr' | 'unlock'>> {
  const opportunities = live(rows);
  const ctx: NarrativeContext = { account, contacts, catalog, asOf, opportunities };
  const outreach = opportunities
    .filter((o) => o.category === 'expansion' || o.type === 'champion_followup')
    .slice(0, OUTREACH_FOR)
    .map((o) => outreachDrafts(o, ctx));
  if (!summary) return { outreach, championPlans: [] };

  const championPlans = summary.flags.includes('champion_left')
    ? contacts
        .filter((c) => c.status === 'left' && c.roles.some((r) => CHAMPION_ROLES.has(r)))
        .map((c) => championPlan(c, { ...ctx, summary }))
    : [];
  const noExpansion = expansionOf(opportunities).length === 0;
  const unlock =
    summary.health === 'red' || noExpansion
      ? {
          title:
            summary.health === 'red'
              ? 'What would unlock expansion'
              : `No expansion play yet: ${whyNoOpportunities(summary, ctx).toLowerCase()}`,
          items: unlockPlan(summary, ctx),
        }
      : undefined;
  return {
    qbr: qbrAgenda({ ...ctx, summary }),
    outreach,
    championPlans,
    ...(unlock ? { unlock } : {}),
  };
}
