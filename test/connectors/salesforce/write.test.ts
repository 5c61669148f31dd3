import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WriteRecord } from '../../../connectors/types.js';
import { ConnectorError } from '../../../connectors/types.js';
import { API, INSTANCE, JSON_HEADERS, fixture, tokenConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const UPSERT = `${API}/composite/sobjects/Expansion_Opportunity__c/Headroom_Key__c`;
type Body = { allOrNone: boolean; records: Record<string, unknown>[] };

const opp = (i: number): WriteRecord => ({
  key: `sf-test:001D000000IqhSLIAZ:seat_expansion:${i}`,
  fields: { Name: `Seat expansion ${i}`, Account__c: '001D000000IqhSL', Score__c: 7.5, Tier__c: 1 },
});
const okResults = (body: Body) =>
  body.records.map((_, i) => ({
    id: `a0C5e00000Zk${String(i).padStart(3, '0')}EAV`,
    success: true,
    errors: [],
    created: true,
  }));

describe('salesforce write-back (sObject Collections)', () => {
  it('upserts M records in ceil(M/200) calls by external id, allOrNone false', async () => {
    const bodies: Body[] = [];
    nock(INSTANCE)
      .patch(UPSERT, (b: Body) => (bodies.push(b), true))
      .times(3)
      .reply(200, (_uri, b) => okResults(b as Body), JSON_HEADERS);
    const sf = await tokenConnector();
    const records = Array.from({ length: 450 }, (_, i) => opp(i));
    const out = await sf.write!({
      object: 'Expansion_Opportunity__c',
      mode: 'upsert',
      keyField: 'Headroom_Key__c',
      records,
    });
    expect(sf.usage!().calls).toBe(Math.ceil(450 / 200));
    expect(bodies.map((b) => b.records.length)).toEqual([200, 200, 50]);
    expect(bodies[0]!.allOrNone).toBe(false);
    expect(bodies[0]!.records[0]).toEqual({
      attributes: { type: 'Expansion_Opportunity__c' },
      Name: 'Seat expansion 0',
      Account__c: '001D000000IqhSL',
      Score__c: 7.5,
      Tier__c: 1,
      Headroom_Key__c: records[0]!.key,
    });
    expect(out).toHaveLength(450);
    expect(out.every((o) => o.ok && o.created === true && o.crmId)).toBe(true);
    expect(out[449]!.key).toBe(records[449]!.key);
  });

  it('reports a partial failure per record and keeps the others', async () => {
    nock(INSTANCE).patch(UPSERT).reply(200, fixture('upsert-partial.json'), JSON_HEADERS);
    const sf = await tokenConnector();
    const records = [opp(1), opp(2), opp(3)];
    const out = await sf.write!({
      object: 'Expansion_Opportunity__c',
      mode: 'upsert',
      keyField: 'Headroom_Key__c',
      records,
    });
    expect(out).toEqual([
      { key: records[0]!.key, ok: true, crmId: 'a0C5e00000ZkLmNEAV', created: true },
      {
        key: records[1]!.key,
        ok: false,
        error: {
          code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Deadline must be in the future (fields: Deadline__c)',
        },
      },
      { key: records[2]!.key, ok: true, crmId: 'a0C5e00000ZkLmPEAV', created: false },
    ]);
  });

  it('sends again only the rows that were locked (UNABLE_TO_LOCK_ROW)', async () => {
    const sizes: number[] = [];
    const locked = {
      success: false,
      errors: [
        {
          statusCode: 'UNABLE_TO_LOCK_ROW',
          message: 'unable to obtain exclusive access to this record',
          fields: [],
        },
      ],
    };
    nock(INSTANCE)
      .patch(UPSERT, (b: Body) => (sizes.push(b.records.length), true))
      .reply(
        200,
        (_u, b) => [okResults(b as Body)[0], locked, okResults(b as Body)[2]],
        JSON_HEADERS,
      )
      .patch(UPSERT, (b: Body) => (sizes.push(b.records.length), true))
      .reply(200, (_u, b) => okResults(b as Body), JSON_HEADERS);
    const sf = await tokenConnector();
    const out = await sf.write!({
      object: 'Expansion_Opportunity__c',
      mode: 'upsert',
      keyField: 'Headroom_Key__c',
      records: [opp(1), opp(2), opp(3)],
    });
    expect(sizes).toEqual([3, 1]);
    expect(out.map((o) => o.ok)).toEqual([true, true, true]);
  });

  it('backs off and retries a PATCH answered 503 (jsforce does not)', async () => {
    nock(INSTANCE).patch(UPSERT).reply(503, fixture('error-server-unavailable.json'), JSON_HEADERS);
    nock(INSTANCE)
      .patch(UPSERT)
      .reply(200, (_u, b) => okResults(b as Body), JSON_HEADERS);
    const sf = await tokenConnector();
    const out = await sf.write!({
      object: 'Expansion_Opportunity__c',
      mode: 'upsert',
      keyField: 'Headroom_Key__c',
      records: [opp(1)],
    });
    expect(out[0]!.ok).toBe(true);
    expect(sf.usage!().calls).toBe(2);
  });

  it('gives up after maxRetries with a retryable fault', async () => {
    nock(INSTANCE)
      .patch(UPSERT)
      .times(3)
      .reply(503, fixture('error-server-unavailable.json'), JSON_HEADERS);
    const sf = await tokenConnector({ maxRetries: 2 });
    const write = sf.write!({
      object: 'Expansion_Opportunity__c',
      mode: 'upsert',
      keyField: 'Headroom_Key__c',
      records: [opp(1)],
    });
    await expect(write).rejects.toMatchObject({ code: 'SERVER_UNAVAILABLE', retryable: true });
    expect(sf.usage!().calls).toBe(3);
  });

  it('updates account fields by record id (15-character keys normalized)', async () => {
    let body: Body | undefined;
    nock(INSTANCE)
      .patch(`${API}/composite/sobjects`, (b: Body) => ((body = b), true))
      .reply(200, [{ id: '001D000000IqhSLIAZ', success: true, errors: [] }], JSON_HEADERS);
    const sf = await tokenConnector();
    const out = await sf.write!({
      object: 'Account',
      mode: 'update',
      records: [{ key: '001D000000IqhSL', fields: { Expansion_Score__c: 8.1 } }],
    });
    expect(body!.records[0]).toEqual({
      attributes: { type: 'Account' },
      Expansion_Score__c: 8.1,
      id: '001D000000IqhSLIAZ',
    });
    expect(out).toEqual([{ key: '001D000000IqhSL', ok: true, crmId: '001D000000IqhSLIAZ' }]);
  });

  it('creates tasks with POST and marks them created', async () => {
    nock(INSTANCE)
      .post(`${API}/composite/sobjects`)
      .reply(200, [{ id: '00T5e00000AbCdEEAZ', success: true, errors: [] }], JSON_HEADERS);
    const sf = await tokenConnector();
    const out = await sf.write!({
      object: 'Task',
      mode: 'create',
      records: [{ key: 'k1', fields: { Subject: 'Pitch seats', WhatId: '001D000000IqhSL' } }],
    });
    expect(out).toEqual([{ key: 'k1', ok: true, crmId: '00T5e00000AbCdEEAZ', created: true }]);
  });

  it('turns a request-level error into per-record outcomes, not a crash', async () => {
    nock(INSTANCE)
      .patch(UPSERT)
      .reply(400, [
        {
          message: "No such column 'Pitch_c' on sobject of type Expansion_Opportunity__c",
          errorCode: 'INVALID_FIELD',
        },
      ]);
    const sf = await tokenConnector();
    const out = await sf.write!({
      object: 'Expansion_Opportunity__c',
      mode: 'upsert',
      keyField: 'Headroom_Key__c',
      records: [opp(1), opp(2)],
    });
    expect(out.map((o) => [o.ok, o.error?.code])).toEqual([
      [false, 'INVALID_FIELD'],
      [false, 'INVALID_FIELD'],
    ]);
  });

  it('a fault part-way carries the outcomes already written', async () => {
    nock(INSTANCE)
      .post(`${API}/composite/sobjects`)
      .reply(200, (_u, b) => okResults(b as Body), JSON_HEADERS);
    nock(INSTANCE)
      .post(`${API}/composite/sobjects`)
      .reply(403, fixture('error-request-limit.json'));
    const sf = await tokenConnector();
    const records = Array.from({ length: 201 }, (_, i) => ({
      key: `t${i}`,
      fields: { Subject: 'x' },
    }));
    const err = await sf.write!({ object: 'Task', mode: 'create', records }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as { outcomes: unknown[] }).outcomes).toHaveLength(200);
  });
});
