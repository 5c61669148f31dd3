/**
 * Associations through the v4 batch endpoints, 100 records a call, never a call per record:
 * reading them for search pages (search returns none) and for list records whose inline list was
 * cut short, and creating default associations after an upsert (upsert inputs take none).
 */
import type { RawRecord } from '../types.js';
import type { HubspotHttp } from './request.js';
import { HubspotAssociationReadSchema, HubspotStatusSchema } from './schemas.js';

const CHUNK = 100;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Associated ids of `to` for each `from` id. */
export async function readAssociations(
  http: HubspotHttp,
  from: string,
  to: string,
  ids: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(ids)) {
    // https://developers.hubspot.com/docs/api/crm/associations (POST /crm/v4/associations/{from}/{to}/batch/read)
    // Records without any association come back in `errors` (207): they simply have none.
    const res = await http.call(
      {
        method: 'POST',
        path: `/crm/v4/associations/${encodeURIComponent(from)}/${encodeURIComponent(to)}/batch/read`,
        body: { inputs: part.map((id) => ({ id })) },
      },
      HubspotAssociationReadSchema,
    );
    for (const r of res.results) {
      out.set(r.from.id, [
        ...new Set([...(out.get(r.from.id) ?? []), ...r.to.map((t) => t.toObjectId)]),
      ]);
    }
  }
  return out;
}

/** Fill `records[].associations[type]` for each type from the v4 batch read. */
export async function attachAssociations(
  http: HubspotHttp,
  object: string,
  records: RawRecord[],
  types: string[],
): Promise<void> {
  if (!records.length) return;
  for (const type of types) {
    const found = await readAssociations(
      http,
      object,
      type,
      records.map((r) => r.id),
    );
    for (const r of records) r.associations = { ...r.associations, [type]: found.get(r.id) ?? [] };
  }
}

/** Create default (unlabeled) associations; idempotent. Returns the `from` ids that failed with
 * the reason (an error without context fails its whole chunk). */
export async function associateDefault(
  http: HubspotHttp,
  from: string,
  to: string,
  pairs: { from: string; to: string }[],
): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (const part of chunks(pairs)) {
    // POST /crm/v4/associations/{from}/{to}/batch/associate/default (100 inputs a call here)
    const res = await http.call(
      {
        method: 'POST',
        path: `/crm/v4/associations/${encodeURIComponent(from)}/${encodeURIComponent(to)}/batch/associate/default`,
        body: { inputs: part.map((p) => ({ from: { id: p.from }, to: { id: p.to } })) },
      },
      HubspotStatusSchema,
    );
    for (const e of res.errors) {
      const ids = Object.values(e.context ?? {}).flat();
      const byFrom = part.filter((p) => ids.includes(p.from));
      const hit = byFrom.length ? byFrom : part.filter((p) => ids.includes(p.to));
      for (const p of hit.length ? hit : part) failed.set(p.from, e.message);
    }
  }
  return failed;
}

export { chunks };
