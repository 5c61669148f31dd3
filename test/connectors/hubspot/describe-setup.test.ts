import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { checkSourceFields, parseMappingText } from '../../../src/mapping/load.js';
import { BASE, fixture, makeConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('hubspot properties', () => {
  it('describes an object from the properties API', async () => {
    nock(BASE)
      .get('/crm/v3/properties/companies')
      .query({ archived: 'false' })
      .reply(200, fixture('properties-companies.json'));
    const { connector } = makeConnector();
    const fields = await connector.describe!('companies');
    expect(fields.find((f) => f.name === 'lifecyclestage')).toEqual({
      name: 'lifecyclestage',
      label: 'Lifecycle Stage',
      type: 'enumeration',
      options: ['subscriber', 'opportunity', 'customer'],
      writable: true,
      unique: false,
    });
    expect(fields.find((f) => f.name === 'hs_object_id')).toMatchObject({
      unique: true,
      writable: false,
    });
    expect(fields.find((f) => f.name === 'num_associated_deals')).toMatchObject({
      writable: false,
    });
  });

  it('refuses a mapping naming a property that does not exist, with the closest names', async () => {
    nock(BASE)
      .get('/crm/v3/properties/companies')
      .query(true)
      .reply(200, fixture('properties-companies.json'));
    const { connector } = makeConnector();
    const mapping = parseMappingText(
      [
        'connector: hubspot',
        'version: 1',
        'objects:',
        '  account:',
        '    from: companies',
        '    fields:',
        '      name: name',
        '      arr: annual_recuring_revenue',
        '      domain: domain',
      ].join('\n'),
      'hubspot.yaml',
    );
    const fields = new Map([['companies', await connector.describe!('companies')]]);
    const err = (() => {
      try {
        checkSourceFields(mapping, fields, 'hubspot.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      {
        path: 'objects.account.fields.arr',
        message: expect.stringMatching(
          /companies has no field "annual_recuring_revenue"; did you mean "annual_recurring_revenue"/,
        ),
      },
    ]);
  });
});

/** A portal that remembers what setup created. */
function fakePortal() {
  const groups = new Set<string>();
  const props: Record<
    string,
    { name: string; label: string; type: string; hasUniqueValue?: boolean }[]
  > = { companies: [], deals: [], tasks: [] };
  const pipelines: {
    id: string;
    label: string;
    stages: { id: string; label: string; metadata: Record<string, string> }[];
  }[] = [];
  const writes: string[] = [];
  nock(BASE)
    .persist()
    .get(/\/crm\/v3\/properties\/(companies|deals|tasks)\/groups\/headroom$/)
    .reply((uri) =>
      groups.has(uri.split('/')[4]!)
        ? [200, { name: 'headroom', label: 'Headroom', displayOrder: -1 }]
        : [404, { status: 'error', message: 'group not found', category: 'OBJECT_NOT_FOUND' }],
    )
    .post(/\/crm\/v3\/properties\/(companies|deals|tasks)\/groups$/)
    .reply((uri, body) => (writes.push(uri), groups.add(uri.split('/')[4]!), [201, body]))
    .get(/\/crm\/v3\/properties\/(companies|deals|tasks)$/)
    .query(true)
    .reply((uri) => [
      200,
      { results: props[uri.split('/')[4]!.split('?')[0]!]!.map((p) => ({ ...p, options: [] })) },
    ])
    .post(/\/crm\/v3\/properties\/(companies|deals|tasks)\/batch\/create$/)
    .reply((uri, body) => {
      writes.push(uri);
      const inputs = (
        body as {
          inputs: { name: string; label: string; type: string; hasUniqueValue?: boolean }[];
        }
      ).inputs;
      props[uri.split('/')[4]!]!.push(...inputs);
      return [
        201,
        {
          status: 'COMPLETE',
          results: inputs,
          startedAt: '2026-03-01T12:00:00Z',
          completedAt: '2026-03-01T12:00:01Z',
        },
      ];
    })
    .get('/crm/v3/pipelines/deals')
    .reply(() => [200, { results: pipelines }])
    .post('/crm/v3/pipelines/deals')
    .reply((uri, body) => {
      writes.push(uri);
      const b = body as {
        label: string;
        stages: { label: string; metadata: Record<string, string> }[];
      };
      const created = {
        id: '81234567',
        label: b.label,
        stages: b.stages.map((s, i) => ({ ...s, id: String(160000001 + i) })),
      };
      pipelines.push(created);
      return [201, created];
    });
  return { writes, props };
}

describe('hubspot setup', () => {
  it('creates the group, properties and pipeline once; a second run finds them all', async () => {
    const portal = fakePortal();
    const { connector } = makeConnector();
    const dry = await connector.setup!({ dryRun: true });
    expect(portal.writes).toEqual([]);
    expect(dry).toContain('deals.headroom_key: would create');

    const first = await connector.setup!();
    expect(first).toContain('companies property group "headroom": created');
    expect(first).toContain('companies.headroom_score: created');
    expect(first).toContain('deals.headroom_key: created');
    expect(first.find((l) => l.startsWith('deals pipeline'))).toMatch(
      /created \(id 81234567; stages Identified=160000001, .*Dismissed=160000006\)/,
    );
    expect(portal.props.deals!.find((p) => p.name === 'headroom_key')).toMatchObject({
      hasUniqueValue: true,
    });
    // The task key unconfirmed creates are looked up by (its own group on tasks).
    expect(first).toContain('tasks.headroom_key: created');
    expect(portal.writes.length).toBe(7);

    const again = await connector.setup!();
    expect(portal.writes.length).toBe(7);
    expect(again.filter((l) => l.includes(': created'))).toEqual([]);
    expect(again).toContain('deals.headroom_key: exists');
    expect(again.find((l) => l.startsWith('deals pipeline'))).toMatch(/: exists \(id 81234567/);
  });

  it('says what to fix by hand when headroom_key exists without unique values', async () => {
    const portal = fakePortal();
    portal.props.deals!.push({
      name: 'headroom_key',
      label: 'Headroom key',
      type: 'string',
      hasUniqueValue: false,
    });
    const { connector } = makeConnector();
    const lines = await connector.setup!();
    expect(lines).toContain(
      'deals.headroom_key: exists, but it is not unique-value (upserts need it): recreate it by hand',
    );
  });
});
