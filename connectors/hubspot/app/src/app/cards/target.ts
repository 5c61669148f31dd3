/**
 * Which record the card is on. A company record shows its account; a deal shows the account of
 * the Headroom opportunity it carries (`headroom_key`, written by the sync to deals in the
 * Expansion pipeline). Any other deal has nothing to show.
 */
import type { CardTarget } from './card-api.ts';

/** HubSpot's object type ids. https://developers.hubspot.com/docs/api/crm/understanding-the-crm */
const COMPANY = '0-2';
const DEAL = '0-3';

/** The deal property that holds the opportunity id (mappings/hubspot.yaml `writeBack.opportunity.key`). */
export const KEY_PROPERTY = 'headroom_key';

export async function cardTarget(
  record: { objectId: number | string; objectTypeId: string },
  fetchProperties: (names: string[]) => Promise<Record<string, string | null | undefined>>,
): Promise<CardTarget> {
  if (record.objectTypeId === COMPANY)
    return { kind: 'company', companyId: String(record.objectId) };
  if (record.objectTypeId === DEAL) {
    const key = (await fetchProperties([KEY_PROPERTY]))[KEY_PROPERTY]?.trim();
    return key
      ? { kind: 'deal', opportunityId: key }
      : { kind: 'none', reason: 'This deal is not a Headroom expansion opportunity.' };
  }
  return { kind: 'none', reason: 'Headroom shows on company records and Expansion deals.' };
}
