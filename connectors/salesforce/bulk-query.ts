/**
 * Bulk API 2.0 query, for pulls too large for REST paging to be economical: one job, a few
 * status polls, results in pages of `bulkPageSize` rows located by the `Sforce-Locator` header.
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm
 */
import { parse } from 'csv-parse/sync';
import type { HttpResponse } from 'jsforce';
import type { Connection } from 'jsforce/lib/connection.js';
import { HttpApi } from 'jsforce/lib/http-api.js';
import type { RawRecord } from '../types.js';
import { ConnectorError } from '../types.js';
import type { SalesforceApi } from './client.js';
import { fromCsvRow } from './records.js';
import { parsePayload, QueryJobSchema } from './schemas.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run `soql` as a Bulk API 2.0 query job; yields the rows page by page. */
export async function* bulkQuery(
  api: SalesforceApi,
  object: string,
  soql: string,
): AsyncGenerator<RawRecord[]> {
  const o = api.options;
  const jobsUrl = `${api.basePath}/jobs/query`;
  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_create_job.htm
  const created = await api.request<unknown>(`bulk query ${object}`, {
    method: 'POST',
    url: jobsUrl,
    body: JSON.stringify({ operation: 'query', query: soql }),
    headers: { 'content-type': 'application/json' },
  });
  let job = parsePayload(QueryJobSchema, created, `bulk query ${object}`);
  const deadline = Date.now() + o.bulkPollTimeoutMs;
  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_one_job.htm
  for (let first = true; job.state !== 'JobComplete'; first = false) {
    if (job.state === 'Failed' || job.state === 'Aborted') {
      throw new ConnectorError(
        'salesforce',
        'BULK_JOB_FAILED',
        `bulk query ${object} ${job.state}: ${job.errorMessage ?? ''}`,
      );
    }
    if (Date.now() > deadline) {
      throw new ConnectorError(
        'salesforce',
        'BULK_TIMEOUT',
        `bulk query ${object} not done after ${o.bulkPollTimeoutMs} ms`,
      );
    }
    if (!first) await sleep(o.bulkPollIntervalMs);
    const info = await api.request<unknown>(`bulk query ${object} status`, {
      method: 'GET',
      url: `${jobsUrl}/${job.id}`,
    });
    job = parsePayload(QueryJobSchema, info, `bulk query ${object} status`);
  }
  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
  let locator: string | undefined;
  do {
    const params = new URLSearchParams({ maxRecords: String(o.bulkPageSize) });
    if (locator) params.set('locator', locator);
    const url = `${jobsUrl}/${job.id}/results?${params.toString()}`;
    const page = await api.call(`bulk query ${object} results`, (conn) =>
      fetchCsv(conn, url, o.timeoutMs),
    );
    locator = page.locator;
    const rows = parse(page.csv, { columns: true, skip_empty_lines: true, bom: true }) as Record<
      string,
      string
    >[];
    yield rows.map((row) => fromCsvRow(row, object));
  } while (locator && locator !== 'null');
}

/** GET a CSV results page, keeping the `Sforce-Locator` header that `conn.request` hides. */
async function fetchCsv(
  conn: Connection,
  path: string,
  timeout: number,
): Promise<{ csv: string; locator?: string }> {
  const http = new HttpApi(conn, { responseType: 'text/plain', timeout, retry: { maxRetries: 0 } });
  let locator: string | undefined;
  http.on('response', (res: HttpResponse) => (locator = res.headers['sforce-locator']));
  const csv = await http.request<string>({
    method: 'GET',
    url: conn.instanceUrl + path,
    headers: { Accept: 'text/csv' },
  });
  return { csv: typeof csv === 'string' ? csv : '', ...(locator ? { locator } : {}) };
}
