/**
 * Records archived (deleted) since a watermark, so the mirror can drop them. The list endpoint
 * with `archived=true` has no time filter: every page is read (100 a call) and kept by
 * `archivedAt`.
 */
import type { HubspotHttp } from './request.js';
import { HubspotListPageSchema } from './schemas.js';

export async function archivedSince(
  http: HubspotHttp,
  object: string,
  sinceMs: number,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    // https://developers.hubspot.com/docs/api/crm/companies (GET /crm/v3/objects/{type}?archived=true; limit <= 100)
    const page = await http.call(
      {
        path: `/crm/v3/objects/${encodeURIComponent(object)}`,
        qs: {
          limit: '100',
          archived: 'true',
          properties: 'hs_object_id',
          ...(after ? { after } : {}),
        },
      },
      HubspotListPageSchema,
    );
    for (const o of page.results) {
      const at = Date.parse(o.archivedAt ?? o.updatedAt ?? '');
      if (!Number.isFinite(at) || at >= sinceMs) ids.push(o.id);
    }
    after = page.paging?.next?.after;
  } while (after);
  return ids;
}
