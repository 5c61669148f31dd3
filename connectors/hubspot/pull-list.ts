/**
 * Full backfill through the list endpoint: 100 records a page, `after` paging, the mapping's
 * properties and associations inline — so N records cost ceil(N/100) calls, plus a v4 batch
 * read only for records whose inline association list was cut short.
 */
import type { PullRequest, RawPage } from '../types.js';
import { attachAssociations } from './associations.js';
import { toRawRecord } from './records.js';
import type { HubspotHttp } from './request.js';
import { HubspotListPageSchema } from './schemas.js';

export const LIST_PAGE = 100;

export async function* pullList(
  http: HubspotHttp,
  request: PullRequest,
  properties: string[],
  watermark: string,
): AsyncGenerator<RawPage> {
  const types = request.associations ?? [];
  let after: string | undefined;
  do {
    // https://developers.hubspot.com/docs/api/crm/companies (GET /crm/v3/objects/{type}; limit <= 100)
    const page = await http.call(
      {
        path: `/crm/v3/objects/${encodeURIComponent(request.object)}`,
        qs: {
          limit: String(LIST_PAGE),
          archived: 'false',
          properties: properties.join(','),
          ...(types.length ? { associations: types.join(',') } : {}),
          ...(after ? { after } : {}),
        },
      },
      HubspotListPageSchema,
    );
    const records = page.results.map((o) => toRawRecord(o, request.object));
    for (const type of types) {
      // An inline list with its own `paging.next` is incomplete: read those records' lists whole.
      const cut = page.results.filter((o) => o.associations?.[type]?.paging?.next);
      const cutRecords = records.filter((r) => cut.some((o) => o.id === r.id));
      await attachAssociations(http, request.object, cutRecords, [type]);
      for (const r of records)
        if (!r.associations?.[type]) r.associations = { ...r.associations, [type]: [] };
    }
    yield { records, watermark };
    after = page.paging?.next?.after;
  } while (after);
}
