import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WriteRecord } from '../../../connectors/types.js';
import { BASE, fixture, makeConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

interface Input {
  id?: string;
  idProperty?: string;
  objectWriteTraceId?: string;
  properties: Record<string, string>;
  associations?: {
    to: { id: string };
    types: { associationCategory: string; associationTypeId: number }[];
  }[];
}
/** Echo a batch as HubSpot does: one result per input, ids made up for creates. */
const echo = (inputs: Input[], mode: string) => ({
  status: 'COMPLETE',
  results: inputs.map((i, n) => ({
    id: mode === 'update' ? i.id : String(90_000 + Number(i.id?.replace(/\D/g, '') || n)),
    properties: { ...i.properties, ...(i.idProperty ? { [i.idProperty]: i.id } : {}) },
    createdAt: '2026-03-01T12:00:00.000Z',
    updatedAt: '2026-03-01T12:00:00.000Z',
    archived: false,
    ...(mode === 'upsert' ? { new: true } : {}),
    ...(i.objectWriteTraceId ? { objectWriteTraceId: i.objectWriteTraceId } : {}),
  })),
  startedAt: '2026-03-01T12:00:00.000Z',
  completedAt: '2026-03-01T12:00:00.100Z',
});

const deal = (i: number, fields: Record<string, unknown> = {}): WriteRecord => ({
  key: `opp-${i}`,
  fields: { dealname: `Opportunity ${i}`, amount: 1000 + i, ...fields },
  associations: { companies: [String(5000 + i)] },
});

describe('hubspot write-back', () => {
  it('upserts M deals by headroom_key in ceil(M/100) calls and associates them with their company', async () => {
    const upserts: Input[][] = [];
    const associations: unknown[][] = [];
    nock(BASE)
      .post('/crm/v3/objects/deals/batch/upsert')
      .times(3)
      .reply(
        200,
        (_u, body) => (
          upserts.push((body as { inputs: Input[] }).inputs),
          echo((body as { inputs: Input[] }).inputs, 'upsert')
        ),
      )
      .post('/crm/v4/associations/deals/companies/batch/associate/default')
      .times(3)
      .reply(
        200,
        (_u, body) => (
          associations.push((body as { inputs: unknown[] }).inputs),
          { status: 'COMPLETE', results: [] }
        ),
      );
    const { connector } = makeConnector();
    const records = Array.from({ length: 250 }, (_, i) => deal(i));
    const out = await connector.write!({
      object: 'deals',
      mode: 'upsert',
      keyField: 'headroom_key',
      records,
    });
    expect(upserts.map((u) => u.length)).toEqual([100, 100, 50]);
    expect(upserts[0]![0]).toEqual({
      idProperty: 'headroom_key',
      id: 'opp-0',
      objectWriteTraceId: 'opp-0',
      properties: { dealname: 'Opportunity 0', amount: '1000' },
    });
    expect(associations.flat()[3]).toEqual({ from: { id: '90003' }, to: { id: '5003' } });
    expect(out.filter((o) => o.ok && o.created).length).toBe(250);
    expect(out[0]!.key).toBe('opp-0');
    expect(connector.usage!().calls).toBe(6);
  });

  it('reports per-record errors of a 207 and keeps the others', async () => {
    nock(BASE)
      .post('/crm/v3/objects/deals/batch/upsert')
      .reply(207, fixture('batch-upsert-deals-207.json'))
      .post('/crm/v4/associations/deals/companies/batch/associate/default')
      .reply(200, { status: 'COMPLETE', results: [] });
    const { connector } = makeConnector();
    const records = ['opp-northwind-seats', 'opp-globex-tier', 'opp-initech-addon'].map((key) => ({
      key,
      fields: { amount: key.includes('initech') ? 'abc' : 1 },
      associations: { companies: ['5001'] },
    }));
    const out = await connector.write!({
      object: 'deals',
      mode: 'upsert',
      keyField: 'headroom_key',
      records,
    });
    expect(out).toEqual([
      { key: 'opp-northwind-seats', ok: true, crmId: '88001', created: true },
      { key: 'opp-globex-tier', ok: true, crmId: '88002', created: false },
      {
        key: 'opp-initech-addon',
        ok: false,
        error: {
          code: 'VALIDATION_ERROR',
          message: expect.stringContaining('abc was not a valid number'),
        },
      },
    ]);
  });

  it('isolates the bad record when HubSpot refuses a whole batch with a 400', async () => {
    let calls = 0;
    nock(BASE)
      .post('/crm/v3/objects/companies/batch/update')
      .times(20)
      .reply((_u, body) => {
        calls++;
        const inputs = (body as { inputs: Input[] }).inputs;
        return inputs.some((i) => i.id === '5037')
          ? [
              400,
              {
                status: 'error',
                message: 'Property values were not valid: headroom_tier "x"',
                category: 'VALIDATION_ERROR',
              },
            ]
          : [200, echo(inputs, 'update')];
      });
    const { connector } = makeConnector();
    const records = Array.from({ length: 100 }, (_, i) => ({
      key: String(5000 + i),
      fields: { headroom_tier: i === 37 ? 'x' : 2 },
    }));
    const out = await connector.write!({ object: 'companies', mode: 'update', records });
    expect(out.filter((o) => !o.ok)).toEqual([
      {
        key: '5037',
        ok: false,
        error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('headroom_tier') },
      },
    ]);
    expect(out.filter((o) => o.ok).length).toBe(99);
    expect(calls).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(100)));
  });

  it('fails a batch-wide problem (a missing property) in three calls, not one per record', async () => {
    const scope = nock(BASE)
      .post('/crm/v3/objects/companies/batch/update')
      .times(3)
      .reply(400, fixture('batch-400-validation.json'));
    const { connector } = makeConnector();
    const records = Array.from({ length: 60 }, (_, i) => ({
      key: String(i + 1),
      fields: { headroom_scor: 5 },
    }));
    const out = await connector.write!({ object: 'companies', mode: 'update', records });
    expect(scope.isDone()).toBe(true);
    expect(out.every((o) => !o.ok && o.error?.message.includes('headroom_scor'))).toBe(true);
  });

  it('creates tasks associated with the company (type 192) and assigned to the owner, never retrying a 5xx', async () => {
    let seen: Input[] = [];
    nock(BASE)
      .post('/crm/v3/objects/tasks/batch/create')
      .reply(
        201,
        (_u, body) => ((seen = (body as { inputs: Input[] }).inputs), echo(seen, 'create')),
      )
      .post('/crm/v3/objects/tasks/batch/create')
      .reply(503, { status: 'error', message: 'Service unavailable' });
    const { connector, deps } = makeConnector();
    const task = (k: string) => ({
      key: k,
      fields: {
        hs_task_subject: 'Pitch seats',
        hs_timestamp: 1775001600000,
        hubspot_owner_id: '4242',
      },
      associations: { companies: ['5001'] },
    });
    const first = await connector.write!({
      object: 'tasks',
      mode: 'create',
      records: [task('t-1')],
    });
    expect(seen[0]).toEqual({
      objectWriteTraceId: 't-1',
      properties: {
        hs_task_subject: 'Pitch seats',
        hs_timestamp: '1775001600000',
        hubspot_owner_id: '4242',
      },
      associations: [
        {
          to: { id: '5001' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }],
        },
      ],
    });
    expect(first[0]).toMatchObject({ key: 't-1', ok: true, created: true });
    const second = await connector.write!({
      object: 'tasks',
      mode: 'create',
      records: [task('t-2')],
    });
    expect(second[0]).toMatchObject({ key: 't-2', ok: false, error: { code: 'UNCONFIRMED' } });
    expect(deps.slept).toEqual([]);
    expect(connector.usage!().calls).toBe(2);
  });

  it('resolves pipeline and stage labels to this portal’s ids, refusing unknown ones per record', async () => {
    let seen: Input[] = [];
    nock(BASE)
      .get('/crm/v3/pipelines/deals')
      .reply(200, fixture('pipelines-deals.json'))
      .post('/crm/v3/objects/deals/batch/upsert')
      .reply(
        200,
        (_u, body) => ((seen = (body as { inputs: Input[] }).inputs), echo(seen, 'upsert')),
      );
    const { connector } = makeConnector();
    const out = await connector.write!({
      object: 'deals',
      mode: 'upsert',
      keyField: 'headroom_key',
      records: [
        { key: 'opp-a', fields: { pipeline: 'Expansion', dealstage: 'identified' } },
        { key: 'opp-b', fields: { pipeline: 'Expansion', dealstage: 'Negotiation' } },
      ],
    });
    expect(seen.map((i) => i.properties)).toEqual([
      { pipeline: '81234567', dealstage: '160000001' },
    ]);
    expect(out[1]).toEqual({
      key: 'opp-b',
      ok: false,
      error: {
        code: 'BAD_STAGE',
        message: 'deal stage "Negotiation" does not exist in pipeline "Expansion"',
      },
    });
  });
});
