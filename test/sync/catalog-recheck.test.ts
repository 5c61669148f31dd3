/**
 * A plan the catalog did not know is refused; once ops add it to the catalog, the next sync maps
 * every account again, even on an incremental pull that would return no record. With an
 * unchanged catalog, incremental pulls stay incremental.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMappingText } from '../../src/mapping/load.js';
import { CatalogSchema, type Catalog } from '../../src/model/catalog.js';
import type { Store } from '../../src/store/db.js';
import { buildPortfolio } from '../../src/sync/portfolio.js';
import { runSync } from '../../src/sync/run-sync.js';
import { backends } from '../store/backends.js';
import { memoryLog, seatAnalyzer } from './fixtures.js';
import { memoryCrm } from './memory-crm.js';

const MAPPING = parseMappingText(
  `connector: salesforce
version: 1
objects:
  account:
    from: Account
    fields:
      crmId: Id
      name: { field: Name, required: true }
      arr: { field: ARR__c, type: currency, required: true }
      plan: Plan__c
`,
  'test.yaml',
);
const catalog = (...tiers: [string, string][]): Catalog =>
  CatalogSchema.parse({ tiers: tiers.map(([key, name]) => ({ key, name, seatPrice: 100 })) });

describe.each(backends())('catalog changes and incremental pulls on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => backend.cleanup());

  it('re-maps every account when the catalog changes, and only then', async () => {
    const crm = memoryCrm();
    crm.put('Account', '001A', { Id: '001A', Name: 'Orca', ARR__c: 9000, Plan__c: 'Gold Plan' });
    crm.put('Account', '001B', { Id: '001B', Name: 'Puffin', ARR__c: 9000, Plan__c: 'Basic' });
    const sync = (c: Catalog) =>
      runSync({
        store,
        connection: {
          name: 'recheck',
          connector: 'salesforce',
          mappingFile: 'test.yaml',
          mapping: MAPPING,
          writeBack: false,
          options: {},
        },
        connector: crm,
        analyze: seatAnalyzer(),
        asOf: '2026-03-02',
        log: memoryLog(),
        catalog: c,
      });
    const plans = async () =>
      (await buildPortfolio(store, 'recheck', '2026-03-02')).accounts.map((a) => a.plan ?? null);

    const first = await sync(catalog(['basic', 'Basic']));
    expect(first.stats.pulled).toBe(2);
    expect(first.issues.map((i) => i.reason)).toEqual([
      'plan: "Gold Plan" is not a tier of the catalog (its tiers are basic); plan left empty',
    ]);
    expect(await plans()).toEqual([null, 'basic']);

    // Same catalog, nothing changed at the source: an incremental pull returns nothing.
    expect((await sync(catalog(['basic', 'Basic']))).stats.pulled).toBe(0);

    // Gold added (a price change alone would not count): everything is pulled and mapped again.
    const third = await sync(catalog(['basic', 'Basic'], ['gold', 'Gold']));
    expect(third.stats.pulled).toBe(2);
    expect(third.issues).toEqual([]);
    expect(await plans()).toEqual(['gold', 'basic']);

    expect((await sync(catalog(['basic', 'Basic'], ['gold', 'Gold']))).stats.pulled).toBe(0);
  });
});
