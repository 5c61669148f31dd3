/**
 * Shared test helpers: a connector pointed at a plain-http fake org (nock), fixtures in the
 * Salesforce REST wire format, and generated query pages for paging counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { createSalesforceConnector } from '../../../connectors/salesforce/index.js';
import type { Connector, RawPage, SecretStore } from '../../../connectors/types.js';

export const INSTANCE = 'http://sf.local.test';
export const LOGIN = 'http://login.local.test';
export const API = '/services/data/v62.0';
export const TOKEN = '00D-test-token';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'salesforce');
export const fixture = <T = unknown>(name: string): T =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

/** Fast retries and polls so fault tests take milliseconds. */
export const FAST = { retryDelayMs: 1, bulkPollIntervalMs: 1, maxRetries: 3 };

export async function tokenConnector(options: Record<string, unknown> = {}): Promise<Connector> {
  return createSalesforceConnector({
    connection: 'sf-test',
    options: { instanceUrl: INSTANCE, accessToken: TOKEN, ...FAST, ...options },
  });
}

export function memorySecrets(
  initial: Record<string, string> = {},
): SecretStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (c, n) => data.get(`${c}/${n}`),
    set: async (c, n, v) => void data.set(`${c}/${n}`, v),
  };
}

/** A 15-character record id for row `i` of an object with key prefix `prefix`. */
export const id15 = (prefix: string, i: number) => `${prefix}5e0000${String(i).padStart(6, '0')}`;

/** A generated Account row as REST returns it. */
export function accountRow(
  i: number,
  modstamp = '2026-03-01T10:00:00.000+0000',
  id18?: (s: string) => string,
) {
  const raw = id15('001', i);
  const id = id18 ? id18(raw) : `${raw}AAA`;
  return {
    attributes: { type: 'Account', url: `${API}/sobjects/Account/${id}` },
    Id: id,
    SystemModstamp: modstamp,
    Name: `Account ${i}`,
    Type: 'Customer',
    OwnerId: '005D0000001AbcDIAS',
    Owner: {
      attributes: { type: 'User', url: `${API}/sobjects/User/005D0000001AbcDIAS` },
      Name: 'Dana Reyes',
    },
    ARR__c: 10_000 + i,
  };
}

/**
 * nock a full REST pull of `n` rows in pages of 2,000 (the REST batch size), chained by
 * `nextRecordsUrl`. Returns the scope and the SOQL texts the connector sent.
 */
export function nockQueryPages(
  n: number,
  row: (i: number) => object = (i) => accountRow(i),
  base = INSTANCE,
) {
  const soql: string[] = [];
  const scope = nock(base);
  const pages = Math.max(1, Math.ceil(n / 2000));
  for (let p = 0; p < pages; p++) {
    const records = Array.from({ length: Math.min(2000, n - p * 2000) }, (_, k) =>
      row(p * 2000 + k),
    );
    const done = p === pages - 1;
    const body = {
      totalSize: n,
      done,
      ...(done ? {} : { nextRecordsUrl: `${API}/query/01gD0000002HU6KIAW-${(p + 1) * 2000}` }),
      records,
    };
    const path = p === 0 ? `${API}/query` : `${API}/query/01gD0000002HU6KIAW-${p * 2000}`;
    const interceptor =
      p === 0 ? scope.get(path).query((q) => (soql.push(String(q.q)), true)) : scope.get(path);
    interceptor.reply(200, body, { 'Content-Type': 'application/json;charset=UTF-8' });
  }
  return { scope, soql };
}

export async function collect(pages: AsyncIterable<RawPage>): Promise<RawPage[]> {
  const out: RawPage[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

export const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };
