/**
 * Shared-contract style check: what the connector pulls, mapped by the default mapping, is a
 * valid neutral model (the same path the sync engine takes).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mapRecords, sourceFields } from '../../../src/mapping/apply.js';
import { loadMapping } from '../../../src/mapping/load.js';
import { catalogRefIndex } from '../../../src/mapping/catalog-refs.js';
import { CatalogSchema } from '../../../src/model/catalog.js';
import { AccountSchema, UsagePointSchema } from '../../../src/model/records.js';
import { API, INSTANCE, JSON_HEADERS, collect, fixture, tokenConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const mapping = loadMapping('mappings/salesforce.yaml');
// The catalog of the org the fixtures come from: plans and products are checked against it.
const catalog = catalogRefIndex(
  CatalogSchema.parse({
    tiers: ['Starter', 'Professional', 'Enterprise'].map((name) => ({
      key: name.toLowerCase(),
      name,
      seatPrice: 100,
    })),
    modules: ['analytics', 'workflows', 'governance'].map((key) => ({
      key,
      name: key,
      price: { flat: 1000 },
    })),
  }),
);

describe('salesforce pull -> default mapping -> neutral model', () => {
  it('maps pulled accounts into valid neutral accounts', async () => {
    const spec = mapping.objects.account!;
    let soql = '';
    nock(INSTANCE)
      .get(`${API}/query`)
      .query((q) => ((soql = String(q.q)), true))
      .reply(200, fixture('accounts-query.json'), JSON_HEADERS);
    const sf = await tokenConnector();
    const pages = await collect(
      sf.pull({ object: spec.from, fields: sourceFields(spec), where: spec.where! }),
    );
    const { records, issues } = mapRecords(
      'account',
      spec,
      pages.flatMap((p) => p.records),
      { connection: 'sf', catalog },
    );
    expect(soql).toMatch(
      /^SELECT Id, SystemModstamp, Name, Website, .* FROM Account WHERE \(Type IN \('Customer', /,
    );
    expect(issues).toEqual([]);
    expect(records).toHaveLength(3);
    for (const r of records) expect(AccountSchema.safeParse(r).success).toBe(true);
    expect(records[0]).toMatchObject({
      id: 'sf:001D000000IqhSLIAZ',
      crmId: '001D000000IqhSLIAZ',
      name: 'Northwind Traders',
      owner: { id: '005D0000001AbcDIAS', name: 'Dana Reyes', email: 'dana.reyes@example.com' },
      lifecycle: 'customer',
      plan: 'professional',
      products: ['analytics', 'workflows'],
      arr: 184000,
      seats: { licensed: 400, active: 388 },
      contract: { renewal: '2026-04-01', termMonths: 12 },
      health: { lastQbr: { date: '2026-01-15', outcome: 'positive' } },
    });
    expect(records[1]).toMatchObject({ lifecycle: 'trial', arr: 0 });
    expect(records[2]!.health).toMatchObject({ csat: 72, nps: -10 });
  });

  it('maps a related usage object into usage points keyed to the account', async () => {
    const spec = mapping.objects.usage!;
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, fixture('usage-query.json'), JSON_HEADERS);
    const sf = await tokenConnector();
    const pages = await collect(sf.pull({ object: spec.from, fields: sourceFields(spec) }));
    const { records, issues } = mapRecords(
      'usage',
      spec,
      pages.flatMap((p) => p.records),
      { connection: 'sf' },
    );
    expect(issues).toEqual([]);
    expect(records.map((r) => UsagePointSchema.parse(r))).toEqual([
      {
        accountId: 'sf:001D000000IqhSLIAZ',
        date: '2026-02-28',
        metric: 'active_seats',
        value: 388,
        limit: 400,
      },
      {
        accountId: 'sf:001D000000IqhSLIAZ',
        date: '2026-02-28',
        metric: 'api_calls',
        value: 912000,
        limit: 1000000,
      },
    ]);
  });
});
