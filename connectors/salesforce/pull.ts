/**
 * Pull one object: REST query pages followed by `nextRecordsUrl` (never OFFSET, and no jsforce
 * `maxFetch` cap silently stopping at 10,000), switching to Bulk API 2.0 when the first page says
 * the result is large. Incremental pulls re-read `lookbackSeconds` behind the watermark, because
 * a row's SystemModstamp is set before its transaction commits, and drop rows seen twice.
 */
import type { ConnectorContext, PullRequest, RawPage, RawRecord } from '../types.js';
import { ConnectorError, LimitReachedError } from '../types.js';
import type { SalesforceApi } from './client.js';
import { bulkQuery } from './bulk-query.js';
import { findDeleted } from './deleted.js';
import { fromRestRecord } from './records.js';
import { parsePayload, QueryResultSchema, type QueryResult } from './schemas.js';
import { buildQuery, checkObjectName } from './soql.js';

/** Salesforce datetimes end in `+0000`; Date.parse wants `+00:00`. */
export function parseSalesforceDate(s: string): number {
  return Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

function parseWatermark(since: string, object: string): Date {
  const t = parseSalesforceDate(since);
  if (Number.isNaN(t)) {
    throw new ConnectorError(
      'salesforce',
      'INVALID_WATERMARK',
      `${object}: watermark "${since}" is not a datetime`,
    );
  }
  return new Date(t);
}

/** https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
 * (up to 2,000 rows a page; a cursor stays open 15 minutes between pages) */
async function queryPage(api: SalesforceApi, object: string, url: string): Promise<QueryResult> {
  const body = await api.request<unknown>(`query ${object}`, { method: 'GET', url });
  return parsePayload(QueryResultSchema, body, `query ${object}`);
}

export async function* pullObject(
  api: SalesforceApi,
  req: PullRequest,
  log?: ConnectorContext['log'],
): AsyncGenerator<RawPage> {
  const object = checkObjectName(req.object);
  const startedAt = new Date();
  const since = req.since ? parseWatermark(req.since, object) : undefined;
  const from = since && new Date(since.getTime() - api.options.lookbackSeconds * 1000);
  const soql = buildQuery({ object, fields: req.fields, where: req.where, modifiedSince: from });

  const seen = new Set<string>();
  let newest = since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const page = (rows: RawRecord[]): RawPage => {
    const records = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
    for (const r of records) {
      const t = r.modifiedAt ? parseSalesforceDate(r.modifiedAt) : NaN;
      if (t > newest) newest = t;
    }
    return { records };
  };

  let result = await queryPage(api, object, `${api.basePath}/query?q=${encodeURIComponent(soql)}`);
  let viaBulk = false;
  if (!result.done && result.totalSize > api.options.bulkThreshold) {
    try {
      for await (const rows of bulkQuery(api, object, soql)) yield page(rows);
      viaBulk = true;
    } catch (err) {
      if (err instanceof LimitReachedError) throw err;
      log?.warn(
        { object, code: (err as ConnectorError).code },
        'bulk query failed; continuing over REST',
      );
    }
  }
  if (!viaBulk) {
    yield page(result.records.map((r) => fromRestRecord(r, object)));
    while (!result.done) {
      if (!result.nextRecordsUrl) {
        throw new ConnectorError(
          'salesforce',
          'BAD_RESPONSE',
          `query ${object}: not done but no nextRecordsUrl`,
        );
      }
      result = await queryPage(api, object, result.nextRecordsUrl);
      yield page(result.records.map((r) => fromRestRecord(r, object)));
    }
  }

  const deleted = from ? await findDeleted(api, object, from, startedAt) : [];
  yield {
    records: [],
    ...(from ? { deleted } : {}),
    ...(Number.isFinite(newest) ? { watermark: new Date(newest).toISOString() } : {}),
  };
}
