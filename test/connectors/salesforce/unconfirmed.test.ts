/**
 * Salesforce creates whose answer is lost: a 502 from the gateway (or a timeout) is not retried,
 * since the create may have been applied, and comes back UNCONFIRMED; `find` then looks the
 * records up by the key field Headroom wrote into them (a SOQL IN query, paged).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API, INSTANCE, JSON_HEADERS, tokenConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const task = (key: string) => ({
  key,
  fields: { Subject: 'Pitch seats', WhatId: '001D000000IqhSL', Headroom_Key__c: key },
});

describe('salesforce unconfirmed creates', () => {
  it('reports a create answered 502 as UNCONFIRMED and sends it once', async () => {
    const scope = nock(INSTANCE)
      .post(`${API}/composite/sobjects`)
      .once()
      .reply(502, '<html><body>502 Bad Gateway</body></html>', { 'content-type': 'text/html' });
    const sf = await tokenConnector();
    const out = await sf.write!({
      object: 'Task',
      mode: 'create',
      keyField: 'Headroom_Key__c',
      records: [task('k1'), task('k2')],
    });
    expect(out.map((o) => [o.key, o.ok, o.error?.code])).toEqual([
      ['k1', false, 'UNCONFIRMED'],
      ['k2', false, 'UNCONFIRMED'],
    ]);
    expect(out[0]!.error!.message).toMatch(/may have created it/);
    expect(scope.isDone()).toBe(true);
    expect(sf.usage!().calls).toBe(1);
  });

  it('finds records by the key field, following nextRecordsUrl', async () => {
    const queries: string[] = [];
    nock(INSTANCE)
      .get(`${API}/query`)
      .query((q) => (queries.push(String(q.q)), true))
      .reply(
        200,
        {
          totalSize: 2,
          done: false,
          nextRecordsUrl: `${API}/query/01gD0000002HU6KIAW-1`,
          records: [
            {
              attributes: { type: 'Task', url: `${API}/sobjects/Task/00T5e00000AbCdEEAZ` },
              Id: '00T5e00000AbCdEEAZ',
              Headroom_Key__c: 'k1',
            },
          ],
        },
        JSON_HEADERS,
      )
      .get(`${API}/query/01gD0000002HU6KIAW-1`)
      .reply(
        200,
        {
          totalSize: 2,
          done: true,
          records: [
            {
              attributes: { type: 'Task', url: `${API}/sobjects/Task/00T5e00000AbCdFEAZ` },
              Id: '00T5e00000AbCdFEAZ',
              Headroom_Key__c: "o'brien",
            },
          ],
        },
        JSON_HEADERS,
      );
    const sf = await tokenConnector();
    const found = await sf.find!('Task', 'Headroom_Key__c', ['k1', "o'brien", 'k3']);
    expect([...found]).toEqual([
      ['k1', '00T5e00000AbCdEEAZ'],
      ["o'brien", '00T5e00000AbCdFEAZ'],
    ]);
    expect(queries).toEqual([
      "SELECT Id, Headroom_Key__c FROM Task WHERE Headroom_Key__c IN ('k1', 'o\\'brien', 'k3') ORDER BY CreatedDate ASC",
    ]);
  });
});
