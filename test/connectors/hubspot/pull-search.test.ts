import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, collect, fakeObjects, makeConnector, type FakeRecord } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const T0 = Date.parse('2026-02-01T00:00:00Z');
const since = new Date(T0).toISOString();
const ids = (pages: { records: { id: string }[] }[]) =>
  pages.flatMap((p) => p.records.map((r) => r.id));

describe('hubspot incremental pull (search API)', () => {
  it('does not lose records tied on hs_lastmodifieddate across a page boundary', async () => {
    // 198 distinct times, then 5 records sharing one millisecond that straddle the 200-record
    // page boundary, then 40 more.
    const records: FakeRecord[] = [
      ...Array.from({ length: 198 }, (_, i) => ({ id: String(100 + i), ts: T0 + i * 1000 })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: String(900 + i), ts: T0 + 500_000 })),
      ...Array.from({ length: 40 }, (_, i) => ({ id: String(2000 + i), ts: T0 + 600_000 + i })),
    ];
    const log = fakeObjects('companies', records);
    const { connector } = makeConnector();
    const pages = await collect(connector.pull({ object: 'companies', fields: ['name'], since }));
    const got = ids(pages);
    expect(new Set(got).size).toBe(records.length);
    expect(got.length).toBe(records.length);
    const searches = log.filter((l) => l.kind === 'search');
    expect(searches.length).toBe(2);
    // The second window starts after the last complete timestamp, not after the tie.
    expect(JSON.stringify(searches[1]!.body)).toContain(
      `"operator":"GT","value":"${T0 + 197_000}"`,
    );
    // Never pages with `after`: each query is a fresh window at the cursor.
    expect(searches.every((s) => (s.body as { after?: string }).after === undefined)).toBe(true);
  });

  it('reads more than 10,000 changed records (the search cap) as successive windows', async () => {
    const records = Array.from({ length: 10_450 }, (_, i) => ({
      id: String(10_000 + i),
      ts: T0 + Math.floor(i / 3),
    }));
    const log = fakeObjects('companies', records);
    const { connector } = makeConnector();
    const pages = await collect(connector.pull({ object: 'companies', fields: ['name'], since }));
    const got = ids(pages);
    expect(new Set(got).size).toBe(10_450);
    const searches = log.filter((l) => l.kind === 'search');
    // 200 a page minus the (at most 3) tied records re-read at each boundary.
    expect(searches.length).toBeLessThanOrEqual(Math.ceil(10_450 / 197) + 1);
  });

  it('walks a full page of one timestamp in hs_object_id order (bulk imports)', async () => {
    const records = [
      ...Array.from({ length: 450 }, (_, i) => ({ id: String(5000 + i), ts: T0 + 10 })),
      { id: '9001', ts: T0 + 20 },
    ];
    const log = fakeObjects('companies', records);
    const { connector } = makeConnector();
    const got = ids(
      await collect(connector.pull({ object: 'companies', fields: ['name'], since })),
    );
    expect(new Set(got).size).toBe(451);
    const sorts = log
      .filter((l) => l.kind === 'search')
      .map((l) => (l.body as { sorts: { propertyName: string }[] }).sorts[0]!.propertyName);
    expect(sorts).toEqual([
      'hs_lastmodifieddate',
      'hs_object_id',
      'hs_object_id',
      'hs_object_id',
      'hs_lastmodifieddate',
    ]);
  });

  it('resumes from a (timestamp, id) cursor and reports archived records as deleted', async () => {
    const records: FakeRecord[] = [
      { id: '11', ts: T0 },
      { id: '12', ts: T0 },
      { id: '13', ts: T0 + 1 },
      { id: '14', ts: T0 - 5000, archivedAt: T0 + 100 },
      { id: '15', ts: T0 - 9000, archivedAt: T0 - 100 },
    ];
    fakeObjects('contacts', records, 'lastmodifieddate');
    nock(BASE)
      .post('/crm/v4/associations/contacts/companies/batch/read')
      .reply(200, {
        status: 'COMPLETE',
        results: [{ from: { id: '12' }, to: [{ toObjectId: 77, associationTypes: [] }] }],
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'No company is associated with contact 13.',
            context: { fromObjectId: ['13'] },
          },
        ],
      });
    const { connector } = makeConnector();
    const pages = await collect(
      connector.pull({
        object: 'contacts',
        fields: ['email'],
        associations: ['companies'],
        since: `${since}|11`,
      }),
    );
    expect(ids(pages)).toEqual(['12', '13']);
    expect(pages[0]!.records.map((r) => r.associations)).toEqual([
      { companies: ['77'] },
      { companies: [] },
    ]);
    expect(pages.at(-1)!.deleted).toEqual(['14']);
    expect(pages.every((p) => p.watermark)).toBe(true);
  });

  it('keeps search calls under the search rate limit', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ id: String(i + 1), ts: T0 + i }));
    const log = fakeObjects('companies', records);
    const { connector } = makeConnector({ HUBSPOT_SEARCH_RATE_PER_SECOND: '10' });
    await collect(connector.pull({ object: 'companies', fields: ['name'], since }));
    const times = log.filter((l) => l.kind === 'search').map((l) => l.at);
    expect(times.length).toBe(6);
    // Starts are >= 100 ms apart; arrival times at the fake carry event-loop jitter (<= 30 ms).
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(70);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(5 * 100 - 30);
  });

  it('turns a mapping where into search filters, for a filtered backfill', async () => {
    const records = [
      { id: '1', ts: T0, properties: { lifecyclestage: 'customer' } },
      { id: '2', ts: T0, properties: { lifecyclestage: 'lead' } },
    ];
    const log = fakeObjects('companies', records);
    const { connector } = makeConnector();
    const got = ids(
      await collect(
        connector.pull({
          object: 'companies',
          fields: ['name'],
          where: 'lifecyclestage IN (customer, evangelist)',
        }),
      ),
    );
    expect(got).toEqual(['1']);
    expect(log.map((l) => l.kind)).toEqual(['search']);
    await expect(
      collect(connector.pull({ object: 'companies', fields: [], where: 'lifecyclestage LIKE x' })),
    ).rejects.toThrow(/cannot read "lifecyclestage LIKE x"/);
  });
});
