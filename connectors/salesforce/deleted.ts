/**
 * Records deleted since a watermark, so the mirror drops them. `getDeleted` sees hard and soft
 * deletes of the last 30 days for replicable objects; where it refuses (an older watermark, an
 * object without replication) a `queryAll` for `IsDeleted = TRUE` reads the recycle bin instead.
 */
import { ConnectorError, LimitReachedError } from '../types.js';
import type { SalesforceApi } from './client.js';
import { to18 } from './ids.js';
import {
  DeletedResultSchema,
  parsePayload,
  QueryResultSchema,
  type QueryResult,
} from './schemas.js';
import { buildQuery, soqlDateTime } from './soql.js';

/** Salesforce keeps getDeleted history this long. */
const REPLICATION_WINDOW_MS = 30 * 24 * 3600_000;

export async function findDeleted(
  api: SalesforceApi,
  object: string,
  start: Date,
  end: Date,
): Promise<string[]> {
  if (end.getTime() - start.getTime() < REPLICATION_WINDOW_MS) {
    try {
      return await getDeleted(api, object, start, end);
    } catch (err) {
      if (err instanceof LimitReachedError || !(err instanceof ConnectorError) || err.retryable)
        throw err;
      if (err.code === 'INVALID_SESSION_ID' || err.code === 'NOT_CONNECTED') throw err;
      // INVALID_REPLICATION_DATE, NOT_FOUND, ...: the recycle bin is the next best source.
    }
  }
  return queryDeleted(api, object, start);
}

/** https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getdeleted.htm
 * (the window is rounded to whole minutes; `end` must not be in the future) */
async function getDeleted(
  api: SalesforceApi,
  object: string,
  start: Date,
  end: Date,
): Promise<string[]> {
  const params = new URLSearchParams({ start: soqlDateTime(start), end: soqlDateTime(end) });
  const url = `${api.basePath}/sobjects/${object}/deleted/?${params.toString()}`;
  const body = await api.request<unknown>(`deleted ${object}`, { method: 'GET', url });
  return parsePayload(DeletedResultSchema, body, `deleted ${object}`).deletedRecords.map((r) =>
    to18(r.id),
  );
}

/** https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm */
async function queryDeleted(api: SalesforceApi, object: string, since: Date): Promise<string[]> {
  const q = buildQuery({ object, fields: [], modifiedSince: since, deletedOnly: true });
  const ids: string[] = [];
  let url: string | undefined = `${api.basePath}/queryAll?q=${encodeURIComponent(q)}`;
  while (url) {
    const body: unknown = await api.request<unknown>(`deleted ${object}`, { method: 'GET', url });
    const page: QueryResult = parsePayload(QueryResultSchema, body, `deleted ${object}`);
    for (const r of page.records) if (typeof r.Id === 'string') ids.push(to18(r.Id));
    url = page.done ? undefined : page.nextRecordsUrl;
  }
  return ids;
}
