/**
 * Salesforce connector against a fake org (nock, Salesforce REST wire format): HTTP calls and time
 * for a full pull of 10,000 accounts and for writing 10,000 and 1% (100) changed records.
 * Targets: pull = ceil(N/2000) query calls; write of M records = ceil(M/200) calls.
 */
import nock from 'nock';
import { createSalesforceConnector } from '../connectors/salesforce/index.js';
import type { WriteRecord } from '../connectors/types.js';
import type { Bench } from './types.js';

const INSTANCE = 'http://sf.bench.test';
const API = '/services/data/v62.0';
const N = 10_000;
const PAGE = 2_000;

const id = (i: number) => `0015e0000${String(i).padStart(6, '0')}AAA`;
const row = (i: number) => ({
  attributes: { type: 'Account', url: `${API}/sobjects/Account/${id(i)}` },
  Id: id(i),
  SystemModstamp: '2026-03-01T10:00:00.000+0000',
  Name: `Account ${i}`,
  Type: 'Customer',
  OwnerId: '005D0000001AbcDIAS',
  Owner: {
    attributes: { type: 'User', url: `${API}/sobjects/User/005D0000001AbcDIAS` },
    Name: 'Dana Reyes',
  },
  ARR__c: 10_000 + i,
  Licensed_Seats__c: 100,
  Active_Seats__c: 90,
});

function fakeOrg(): { calls: () => number } {
  let calls = 0;
  const scope = nock(INSTANCE).persist();
  scope
    .get(/\/query/)
    .query(true)
    .reply((uri) => {
      calls++;
      const page = /\/query\/01g-(\d+)/.exec(uri)?.[1];
      const from = page ? Number(page) : 0;
      const to = Math.min(N, from + PAGE);
      const records = Array.from({ length: to - from }, (_, k) => row(from + k));
      const done = to >= N;
      return [
        200,
        {
          totalSize: N,
          done,
          ...(done ? {} : { nextRecordsUrl: `${API}/query/01g-${to}` }),
          records,
        },
      ];
    });
  scope.patch(/\/composite\/sobjects/).reply((_uri, body) => {
    calls++;
    const records = (body as { records: unknown[] }).records;
    return [
      200,
      records.map((_, i) => ({
        id: `a0C5e0000${String(i).padStart(6, '0')}EAV`,
        success: true,
        errors: [],
        created: true,
      })),
    ];
  });
  return { calls: () => calls };
}

const opportunities = (m: number): WriteRecord[] =>
  Array.from({ length: m }, (_, i) => ({
    key: `sf:${id(i)}:seat_expansion`,
    fields: {
      Account__c: id(i),
      Type__c: 'seat_expansion',
      Score__c: 7.2,
      Tier__c: 2,
      Estimated_ARR__c: 24_000,
    },
  }));

const bench: Bench = {
  name: 'salesforce',
  description: `Salesforce connector on a fake org: full pull of ${N} accounts and writes of ${N} and 1% records (calls, seconds)`,
  async run() {
    nock.disableNetConnect();
    const org = fakeOrg();
    try {
      const sf = await createSalesforceConnector({
        connection: 'bench',
        options: { instanceUrl: INSTANCE, accessToken: '00D-bench-token' },
      });
      const fields = [
        'Name',
        'Type',
        'OwnerId',
        'Owner.Name',
        'ARR__c',
        'Licensed_Seats__c',
        'Active_Seats__c',
      ];
      const t = performance.now();
      let pulled = 0;
      for await (const page of sf.pull({ object: 'Account', fields }))
        pulled += page.records.length;
      const pullSeconds = (performance.now() - t) / 1000;
      const pullCalls = org.calls();

      const write = async (m: number) => {
        const before = org.calls();
        const start = performance.now();
        const out = await sf.write!({
          object: 'Expansion_Opportunity__c',
          mode: 'upsert',
          keyField: 'Headroom_Key__c',
          records: opportunities(m),
        });
        if (out.some((o) => !o.ok)) throw new Error('bench write failed');
        return { calls: org.calls() - before, seconds: (performance.now() - start) / 1000 };
      };
      const all = await write(N);
      const onePct = await write(N / 100);
      const none = await write(0);
      return {
        accounts: pulled,
        pullCalls,
        pullCallsTarget: Math.ceil(N / PAGE),
        pullSeconds: Number(pullSeconds.toFixed(3)),
        write10kCalls: all.calls,
        write10kCallsTarget: Math.ceil(N / 200),
        write10kSeconds: Number(all.seconds.toFixed(3)),
        write1PctCalls: onePct.calls,
        write1PctSeconds: Number(onePct.seconds.toFixed(3)),
        writeNoChangeCalls: none.calls,
      };
    } finally {
      nock.cleanAll();
      nock.enableNetConnect();
    }
  },
};

export default bench;
