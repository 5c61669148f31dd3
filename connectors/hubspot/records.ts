/**
 * HubSpot objects -> RawRecord: properties as returned, association ids per object type (the
 * primary association first, duplicates removed), and the last modification time.
 */
import type { RawRecord } from '../types.js';
import type { HubspotObject } from './schemas.js';

/** Contacts keep their modification time in `lastmodifieddate`; every other object in
 * `hs_lastmodifieddate`. https://developers.hubspot.com/docs/api/crm/search#filter-search-results */
export function modifiedProperty(object: string): string {
  return object === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

/** Epoch ms of the record's last modification (0 when HubSpot sent none). */
export function modifiedMs(o: HubspotObject, object: string): number {
  const raw = o.properties[modifiedProperty(object)] ?? o.updatedAt;
  if (!raw) return 0;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(ms) ? ms : 0;
}

/** Association lists keyed by object type; a primary type (`contact_to_company`) sorts before
 * unlabeled ones so `accountId: { association: companies }` reads the primary company. */
function associationIds(o: HubspotObject): Record<string, string[]> | undefined {
  if (!o.associations) return undefined;
  const out: Record<string, string[]> = {};
  for (const [type, list] of Object.entries(o.associations)) {
    const sorted = [...list.results].sort(
      (a, b) =>
        Number(a.type?.includes('unlabeled') ?? true) -
        Number(b.type?.includes('unlabeled') ?? true),
    );
    out[type] = [...new Set(sorted.map((r) => r.id))];
  }
  return out;
}

export function toRawRecord(o: HubspotObject, object: string): RawRecord {
  const ms = modifiedMs(o, object);
  const associations = associationIds(o);
  return {
    id: o.id,
    fields: o.properties,
    ...(associations ? { associations } : {}),
    ...(ms ? { modifiedAt: new Date(ms).toISOString() } : {}),
  };
}
