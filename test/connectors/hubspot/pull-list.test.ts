import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadMapping } from '../../../src/mapping/load.js';
import { mapRecords, sourceAssociations, sourceFields } from '../../../src/mapping/apply.js';
import { BASE, collect, fakeObjects, fixture, makeConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('hubspot full pull (list endpoint)', () => {
  it('pages with after, asks only for the mapped properties, keeps values as HubSpot sent them', async () => {
    const scope = nock(BASE, { reqheaders: { authorization: 'Bearer pat-na1-test-token' } })
      .get('/crm/v3/objects/companies')
      .query({ limit: '100', archived: 'false', properties: 'name,arr,hs_lastmodifieddate' })
      .reply(200, fixture('companies-page-1.json'))
      .get('/crm/v3/objects/companies')
      .query({
        limit: '100',
        archived: 'false',
        properties: 'name,arr,hs_lastmodifieddate',
        after: '5003',
      })
      .reply(200, fixture('companies-page-2.json'));
    const { connector, deps } = makeConnector();
    const pages = await collect(connector.pull({ object: 'companies', fields: ['name', 'arr'] }));
    expect(scope.isDone()).toBe(true);
    expect(pages.map((p) => p.records.map((r) => r.id))).toEqual([['5001', '5002'], ['5003']]);
    expect(pages[0]!.records[1]).toMatchObject({
      id: '5002',
      fields: { name: 'Globex Retail', arr: '$12,000', active_seats: null },
      modifiedAt: '2026-02-28T08:01:55.310Z',
    });
    // The watermark overlaps the next incremental pull with this one by the configured margin.
    expect(pages[0]!.watermark).toBe(new Date(deps.now() - 120_000).toISOString());
    expect(connector.usage!().calls).toBe(2);
  });

  it('reads associations inline, primary first, and completes a cut-short list with one v4 batch read', async () => {
    nock(BASE)
      .get('/crm/v3/objects/contacts')
      .query((q) => q.associations === 'companies' && q.properties === 'email,lastmodifieddate')
      .reply(200, fixture('contacts-page.json'))
      .post('/crm/v4/associations/contacts/companies/batch/read', { inputs: [{ id: '702' }] })
      .reply(200, fixture('associations-read-contacts-companies.json'));
    const { connector } = makeConnector();
    const [page] = await collect(
      connector.pull({ object: 'contacts', fields: ['email'], associations: ['companies'] }),
    );
    expect(page!.records.map((r) => r.associations)).toEqual([
      { companies: ['5001', '9999'] },
      { companies: ['5002', '5003'] },
      { companies: [] },
    ]);
    expect(connector.usage!().calls).toBe(2);
  });

  it('feeds the default mapping: contacts get their account from the company association', async () => {
    nock(BASE)
      .get('/crm/v3/objects/contacts')
      .query(true)
      .reply(200, fixture('contacts-page.json'))
      .post('/crm/v4/associations/contacts/companies/batch/read')
      .reply(200, fixture('associations-read-contacts-companies.json'));
    const mapping = loadMapping('mappings/hubspot.yaml').objects.contact!;
    const { connector } = makeConnector();
    const [page] = await collect(
      connector.pull({
        object: 'contacts',
        fields: sourceFields(mapping),
        associations: sourceAssociations(mapping),
      }),
    );
    const { records, issues } = mapRecords('contact', mapping, page!.records, {
      connection: 'hubspot',
    });
    expect(records.map((r) => [r.id, r.accountId, r.name, r.roles])).toEqual([
      ['hubspot:701', 'hubspot:5001', 'Ana Silva', ['champion', 'power_user']],
      ['hubspot:702', 'hubspot:5002', 'Bo Chen', []],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ recordId: '703', skipped: true, field: 'associations.companies' }),
    ]);
  });

  it('costs ceil(N/100) list calls for N records', async () => {
    const records = Array.from({ length: 1234 }, (_, i) => ({
      id: String(1000 + i),
      ts: 1_700_000_000_000 + i,
    }));
    const log = fakeObjects('companies', records);
    const { connector } = makeConnector();
    const pages = await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(pages.flatMap((p) => p.records).length).toBe(1234);
    expect(log.filter((l) => l.kind === 'list').length).toBe(Math.ceil(1234 / 100));
    expect(connector.usage!().calls).toBe(13);
  });
});
