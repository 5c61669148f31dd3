/**
 * Records by a property Headroom owns (`headroom_key` on tasks): how a create whose answer was
 * lost (a 5xx, a timeout, a killed run) is confirmed on the next run instead of being sent
 * again. One search per 100 keys, through the search limiter.
 * https://developers.hubspot.com/docs/api/crm/search (`IN` filter, limit <= 200)
 */
import { chunks } from './associations.js';
import type { HubspotHttp } from './request.js';
import { HubspotSearchPageSchema } from './schemas.js';

const PAGE = 100;

/** key -> record id of the records whose `keyField` is one of `keys`. */
export async function findByKey(
  http: HubspotHttp,
  object: string,
  keyField: string,
  keys: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const values of chunks(keys, PAGE)) {
    let after: string | undefined;
    do {
      const page = await http.call(
        {
          method: 'POST',
          path: `/crm/v3/objects/${encodeURIComponent(object)}/search`,
          search: true,
          body: {
            filterGroups: [{ filters: [{ propertyName: keyField, operator: 'IN', values }] }],
            sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
            properties: [keyField],
            limit: PAGE,
            ...(after ? { after } : {}),
          },
        },
        HubspotSearchPageSchema,
      );
      for (const o of page.results) {
        const key = o.properties[keyField];
        // The oldest record wins when a key was created twice (ascending ids).
        if (key && !found.has(key)) found.set(key, o.id);
      }
      after = page.paging?.next?.after;
    } while (after);
  }
  return found;
}
