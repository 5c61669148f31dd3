/**
 * Test helpers: a connector on a plain-http base URL with a fake clock, request logs, and a
 * nock-backed fake of HubSpot's list and search endpoints that honours filters, sorts, `limit`,
 * `after` and the 10,000-result cap, and orders ties differently on every query (HubSpot
 * promises no order among equal sort values).
 */
import { readFileSync } from 'node:fs';
import nock from 'nock';
import type { ConnectorContext, SecretStore } from '../../../connectors/types.js';
import { createHubspotConnectorWith, type HubspotDeps } from '../../../connectors/hubspot/index.js';

export const BASE = 'http://hubspot.test';
let seq = 0;

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/hubspot/${name}`, import.meta.url), 'utf8'),
  ) as T;
}

/** A clock that only moves when the code sleeps. */
export function fakeClock(
  start = Date.parse('2026-03-01T12:00:00Z'),
): HubspotDeps & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    windowMs: 10_000,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
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

export function makeConnector(
  options: Record<string, unknown> = {},
  extra: Partial<ConnectorContext> = {},
  deps = fakeClock(),
) {
  const ctx: ConnectorContext = {
    connection: `hs-test-${++seq}`,
    options: {
      HUBSPOT_BASE_URL: BASE,
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-test-token',
      HUBSPOT_RATE_LIMIT_PER_10S: '100000',
      HUBSPOT_SEARCH_RATE_PER_SECOND: '1000',
      ...options,
    },
    ...extra,
  };
  return { connector: createHubspotConnectorWith(ctx, deps), ctx, deps };
}

export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

export interface FakeRecord {
  id: string;
  ts: number;
  properties?: Record<string, string>;
  companies?: string[];
  archivedAt?: number;
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

/** Serves GET /crm/v3/objects/{type} and POST .../search from `records`; logs every call. */
export function fakeObjects(type: string, records: FakeRecord[], modProp = 'hs_lastmodifieddate') {
  const log: { kind: 'list' | 'search'; at: number; body?: unknown; query?: string }[] = [];
  const wire = (r: FakeRecord, withAssoc: boolean) => ({
    id: r.id,
    properties: { hs_object_id: r.id, [modProp]: new Date(r.ts).toISOString(), ...r.properties },
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: new Date(r.ts).toISOString(),
    archived: r.archivedAt !== undefined,
    ...(r.archivedAt !== undefined ? { archivedAt: new Date(r.archivedAt).toISOString() } : {}),
    ...(withAssoc && r.companies?.length
      ? {
          associations: {
            companies: {
              results: r.companies.map((id) => ({ id, type: `${type.slice(0, -1)}_to_company` })),
            },
          },
        }
      : {}),
  });
  const value = (r: FakeRecord, prop: string) =>
    prop === modProp ? r.ts : prop === 'hs_object_id' ? Number(r.id) : r.properties?.[prop];
  const test = (r: FakeRecord, f: Filter) => {
    const v = value(r, f.propertyName);
    const n = Number(f.value);
    switch (f.operator) {
      case 'EQ':
        return typeof v === 'number' ? v === n : v === f.value;
      case 'GT':
        return Number(v) > n;
      case 'GTE':
        return Number(v) >= n;
      case 'LT':
        return Number(v) < n;
      case 'IN':
        return f.values!.includes(String(v));
      default:
        throw new Error(`fake: operator ${f.operator}`);
    }
  };
  let shuffle = 0;
  nock(BASE)
    .persist()
    .get(`/crm/v3/objects/${type}`)
    .query(true)
    .reply(function (uri) {
      const q = new URL(uri, BASE).searchParams;
      log.push({ kind: 'list', at: Date.now(), query: q.toString() });
      const archived = q.get('archived') === 'true';
      const pool = records.filter((r) => (r.archivedAt !== undefined) === archived);
      const start = Number(q.get('after') ?? 0);
      const limit = Number(q.get('limit'));
      const page = pool.slice(start, start + limit);
      const next =
        start + limit < pool.length
          ? { next: { after: String(start + limit), link: `${BASE}/next` } }
          : undefined;
      return [
        200,
        {
          results: page.map((r) => wire(r, q.get('associations') === 'companies')),
          ...(next ? { paging: next } : {}),
        },
      ];
    })
    .post(`/crm/v3/objects/${type}/search`)
    .reply(function (_uri, body) {
      const b = body as {
        filterGroups: { filters: Filter[] }[];
        sorts: { propertyName: string }[];
        limit: number;
        after?: string;
      };
      log.push({ kind: 'search', at: Date.now(), body: b });
      const hits = records.filter(
        (r) =>
          r.archivedAt === undefined &&
          b.filterGroups.some((g) => g.filters.every((f) => test(r, f))),
      );
      const sortBy = b.sorts[0]!.propertyName;
      const salt = ++shuffle;
      hits.sort(
        (x, y) =>
          Number(value(x, sortBy)) - Number(value(y, sortBy)) ||
          ((Number(x.id) * salt) % 7) - ((Number(y.id) * salt) % 7),
      );
      const start = Number(b.after ?? 0);
      if (start + b.limit > 10_000) {
        return [
          400,
          {
            status: 'error',
            message: 'Cannot page beyond 10000 results',
            category: 'VALIDATION_ERROR',
          },
        ];
      }
      const page = hits.slice(start, start + b.limit);
      const next =
        start + b.limit < hits.length
          ? { paging: { next: { after: String(start + b.limit) } } }
          : {};
      return [200, { total: hits.length, results: page.map((r) => wire(r, false)), ...next }];
    });
  return log;
}

/** Largest number of entries in any window of `windowMs`. */
export function maxPerWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
