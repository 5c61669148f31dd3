/**
 * Incremental pull through the search API, sorted by last modification, with keyset paging on a
 * (timestamp, id) cursor instead of `after`:
 * - each query asks for records modified after the cursor, so no query ever pages — the search
 *   API's 10,000-result cap (`after` beyond 10,000 fails) never applies, however many records
 *   changed: every page starts a new window at the cursor;
 * - records sharing the last timestamp of a full page may continue on the next page, so the page
 *   is emitted only up to the previous timestamp and the next window starts there (ties are never
 *   split across a page boundary);
 * - a full page of one timestamp is read by hs_object_id order instead (the id half of the
 *   cursor), so even thousands of records touched in one millisecond (imports) are all read.
 * Search calls go through the connection's search limiter (5/s by default).
 */
import type { PullRequest, RawPage, RawRecord } from '../types.js';
import { ConnectorError } from '../types.js';
import { attachAssociations } from './associations.js';
import { modifiedMs, modifiedProperty, toRawRecord } from './records.js';
import type { HubspotHttp } from './request.js';
import { HubspotSearchPageSchema, type HubspotObject } from './schemas.js';
import type { SearchFilter } from './where.js';

export const SEARCH_PAGE = 200;

/** Where the next window starts: after `ts` (exclusive), at `ts` (inclusive), or at `ts` after
 * record `id` in id order. */
export interface Cursor {
  ts: number;
  mode: 'after' | 'from' | 'afterId';
  id?: string;
}

/** `since` is an ISO timestamp (inclusive) or `ISO|id` (after that record at that time). */
export function parseSince(since: string): Cursor {
  const [iso, id] = since.split('|');
  const ts = Date.parse(iso ?? '');
  if (!Number.isFinite(ts))
    throw new ConnectorError('hubspot', 'BAD_WATERMARK', `cannot read watermark "${since}"`);
  return id ? { ts, mode: 'afterId', id } : { ts, mode: 'from' };
}

function cursorGroups(
  c: Cursor,
  prop: string,
  where: SearchFilter[],
): { filters: SearchFilter[] }[] {
  const at = (operator: string): SearchFilter => ({
    propertyName: prop,
    operator,
    value: String(c.ts),
  });
  const groups =
    c.mode === 'afterId'
      ? [[at('EQ'), { propertyName: 'hs_object_id', operator: 'GT', value: c.id! }], [at('GT')]]
      : [[at(c.mode === 'from' ? 'GTE' : 'GT')]];
  return groups.map((g) => ({ filters: [...g, ...where] }));
}

export async function* pullSearch(
  http: HubspotHttp,
  request: PullRequest,
  properties: string[],
  where: SearchFilter[],
  start: Cursor,
  watermark: string,
): AsyncGenerator<RawPage> {
  const prop = modifiedProperty(request.object);
  const search = (groups: { filters: SearchFilter[] }[], sortBy: string) =>
    // https://developers.hubspot.com/docs/api/crm/search (POST /crm/v3/objects/{type}/search;
    // limit <= 200, 5 requests/s per account, results capped at 10,000 per query)
    http.call(
      {
        method: 'POST',
        path: `/crm/v3/objects/${encodeURIComponent(request.object)}/search`,
        search: true,
        body: {
          filterGroups: groups,
          sorts: [{ propertyName: sortBy, direction: 'ASCENDING' }],
          properties,
          limit: SEARCH_PAGE,
        },
      },
      HubspotSearchPageSchema,
    );
  const emit = async (objects: HubspotObject[]): Promise<RawPage> => {
    const records: RawRecord[] = objects.map((o) => toRawRecord(o, request.object));
    await attachAssociations(http, request.object, records, request.associations ?? []);
    return { records, watermark };
  };

  let cursor = start;
  for (;;) {
    const page = await search(cursorGroups(cursor, prop, where), prop);
    if (page.results.length < SEARCH_PAGE) {
      yield await emit(page.results);
      return;
    }
    const lastTs = modifiedMs(page.results[page.results.length - 1]!, request.object);
    const complete = page.results.filter((o) => modifiedMs(o, request.object) < lastTs);
    if (complete.length) {
      yield await emit(complete);
      cursor = { ts: modifiedMs(complete[complete.length - 1]!, request.object), mode: 'after' };
      continue;
    }
    // A whole page at one timestamp: walk that timestamp in id order.
    let id = cursor.mode === 'afterId' && cursor.ts === lastTs ? cursor.id : undefined;
    for (;;) {
      const tie: SearchFilter[] = [{ propertyName: prop, operator: 'EQ', value: String(lastTs) }];
      if (id) tie.push({ propertyName: 'hs_object_id', operator: 'GT', value: id });
      const slice = await search([{ filters: [...tie, ...where] }], 'hs_object_id');
      if (slice.results.length) yield await emit(slice.results);
      if (slice.results.length < SEARCH_PAGE) break;
      id = slice.results[slice.results.length - 1]!.id;
    }
    cursor = { ts: lastTs, mode: 'after' };
  }
}
