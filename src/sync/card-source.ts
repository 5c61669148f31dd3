/**
 * The account card (src/view/account-card.ts) as a write-back source: account fields mapped
 * from `card.*` (`card.nextAction.text`, `card.flags`) receive the very words the HubSpot card,
 * the console and the embedded view show, so a CRM-native surface reading them (the Salesforce
 * component) says the same thing. Built only when the mapping names a `card.` path.
 */
import type { WriteField } from '../mapping/schema.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Account } from '../model/records.js';
import type { OpportunityState } from '../store/opportunities.js';
import { accountCard, type AccountCard, type TrackedOpportunity } from '../view/account-card.js';

const CARD = 'card.';

/** Whether any field of a write-back target reads the card. */
export function readsCard(fields: Record<string, WriteField | string>): boolean {
  return Object.values(fields).some((spec) => {
    const path = typeof spec === 'string' ? spec : spec.field;
    return path?.startsWith(CARD) ?? false;
  });
}

/**
 * A card builder over one run's opportunities, with the statuses people set (a dismissed play
 * is not the next action). Every opportunity of the account counts, as on the other surfaces.
 */
export function cardBuilder(
  opportunities: readonly Opportunity[],
  states: ReadonlyMap<string, OpportunityState>,
): (summary: AccountSummary, account: Account) => AccountCard {
  const byAccount = new Map<string, TrackedOpportunity[]>();
  for (const o of opportunities) {
    const list = byAccount.get(o.accountId) ?? [];
    list.push({ data: o, status: states.get(o.id)?.status ?? 'open' });
    byAccount.set(o.accountId, list);
  }
  return (summary, account) =>
    accountCard({
      accountId: summary.accountId,
      summary,
      account,
      opportunities: byAccount.get(summary.accountId) ?? [],
    });
}
