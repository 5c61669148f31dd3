import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitReachedError } from '../../connectors/types.js';
import { parseMappingText } from '../../src/mapping/load.js';
import type { Store } from '../../src/store/db.js';
import { getWatermark } from '../../src/store/watermarks.js';
import { buildPortfolio } from '../../src/sync/portfolio.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { SyncConnection } from '../../src/sync/types.js';
import { backends } from '../store/backends.js';
import { memoryLog, seatAnalyzer } from './fixtures.js';
import { memoryCrm } from './memory-crm.js';

const MAPPING = `
connector: salesforce
version: 1
objects:
  account:
    from: Account
    fields:
      crmId: Id
      name: { field: Name, required: true }
      arr: { field: ARR__c, type: currency, required: true }
      seats.licensed: Licensed_Seats__c
      seats.active: Active_Seats__c
`;

describe.each(backends())('incremental sync from a CRM on $name', (backend) => {
  let store: Store;
  let n = 0;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => backend.cleanup());

  function setup() {
    const name = `crm${++n}`;
    const crm = memoryCrm({ pageSize: 2 });
    const seats = (id: string, active: number) =>
      crm.put('Account', id, {
        Id: id,
        Name: `Org ${id}`,
        ARR__c: '$50,000',
        Licensed_Seats__c: 100,
        Active_Seats__c: active,
      });
    for (const [i, id] of ['001A', '001B', '001C', '001D', '001E'].entries())
      seats(id, 50 + i * 10);
    const connection: SyncConnection = {
      name,
      connector: 'salesforce',
      mappingFile: 'test.yaml',
      mapping: parseMappingText(MAPPING, 'test.yaml'),
      writeBack: false,
      options: {},
    };
    const sync = (asOf = '2026-03-02', allowMassChange = false) =>
      runSync({
        store,
        connection,
        connector: crm,
        analyze: seatAnalyzer(),
        asOf,
        log: memoryLog(),
        massChange: { allow: allowMassChange },
      });
    return { name, crm, seats, sync };
  }

  it('pulls only what changed since the watermark, and notices deletions', async () => {
    const { crm, seats, sync, name } = setup();
    expect((await sync()).stats).toMatchObject({ pulled: 5, mirrorUpserts: 5 });
    seats('001B', 95);
    expect((await sync()).stats).toMatchObject({
      pulled: 1,
      mirrorUpserts: 1,
      opportunities: { new: 1 },
    });
    crm.remove('Account', '001E');
    // One of the two open opportunities would close: the mass-change guard holds the run, and
    // nothing is deleted until the change is confirmed.
    const held = await sync();
    expect(held).toMatchObject({ status: 'held', held: { what: 'opportunities', gone: 1 } });
    expect(held.stats.deletes).toBe(0);
    expect((await sync('2026-03-02', true)).stats).toMatchObject({
      pulled: 0,
      deletes: 1,
      opportunities: { closed: 1 },
    });
    const portfolio = await buildPortfolio(store, name, '2026-03-02');
    expect(portfolio.accounts.map((a) => a.crmId)).toEqual(['001A', '001B', '001C', '001D']);
  });

  it('stops cleanly at the API limit and resumes from the old watermark', async () => {
    const { crm, seats, sync, name } = setup();
    await sync();
    const watermark = await getWatermark(store, name, 'pull:account');
    seats('001A', 99);
    seats('001C', 98);
    seats('001D', 97);
    crm.failPullAt(
      2,
      new LimitReachedError('memory-crm', 'REQUEST_LIMIT_EXCEEDED', 'daily API limit reached'),
    );
    const stopped = await sync();
    expect(stopped.status).toBe('failed');
    expect(stopped.error).toMatch(/daily API limit reached.*next run resumes/);
    expect(await getWatermark(store, name, 'pull:account')).toBe(watermark);

    const resumed = await sync();
    expect(resumed.status).toBe('succeeded');
    expect(resumed.stats.pulled).toBe(3);
    const portfolio = await buildPortfolio(store, name, '2026-03-02');
    expect(portfolio.accounts.map((a) => a.seats?.active)).toEqual([99, 60, 98, 97, 90]);
    expect(resumed.analysis?.opportunities.map((o) => o.accountId)).toEqual([
      `${name}:001A`,
      `${name}:001C`,
      `${name}:001D`,
      `${name}:001E`,
    ]);
  });

  it('turns daily snapshots into seat history when the CRM keeps only current values', async () => {
    const { seats, sync, name } = setup();
    await sync('2026-03-01');
    seats('001A', 85);
    await sync('2026-03-02');
    await sync('2026-03-02');
    const portfolio = await buildPortfolio(store, name, '2026-03-02');
    const history = portfolio.usage.filter((u) => u.accountId === `${name}:001A`);
    expect(history).toEqual([
      {
        accountId: `${name}:001A`,
        date: '2026-03-01',
        metric: 'active_seats',
        value: 50,
        limit: 100,
      },
      {
        accountId: `${name}:001A`,
        date: '2026-03-02',
        metric: 'active_seats',
        value: 85,
        limit: 100,
      },
    ]);
  });
});
