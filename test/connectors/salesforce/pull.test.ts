import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectorError } from '../../../connectors/types.js';
import {
  API,
  INSTANCE,
  JSON_HEADERS,
  accountRow,
  collect,
  fixture,
  nockQueryPages,
  tokenConnector,
} from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const FIELDS = ['Name', 'Type', 'OwnerId', 'Owner.Name', 'ARR__c'];

describe('salesforce pull (REST)', () => {
  it('follows nextRecordsUrl across page boundaries: ceil(N/2000) query calls, nothing dropped', async () => {
    const n = 4_501;
    const { scope, soql } = nockQueryPages(n);
    const sf = await tokenConnector();
    const pages = await collect(sf.pull({ object: 'Account', fields: FIELDS }));
    const records = pages.flatMap((p) => p.records);
    expect(records).toHaveLength(n);
    expect(new Set(records.map((r) => r.id)).size).toBe(n);
    expect(sf.usage!().calls).toBe(Math.ceil(n / 2000));
    expect(scope.isDone()).toBe(true);
    expect(soql[0]).toBe(
      'SELECT Id, SystemModstamp, Name, Type, OwnerId, Owner.Name, ARR__c FROM Account',
    );
    expect(pages.at(-1)).toEqual({ records: [], watermark: '2026-03-01T10:00:00.000Z' });
  });

  it('keeps relationship objects without attributes and normalizes ids to 18 characters', async () => {
    const body = fixture<{ records: Record<string, unknown>[] }>('accounts-query.json');
    body.records[0]!.Id = '001D000000IqhSL'; // a 15-character id, as some proxies and exports give
    nock(INSTANCE).get(`${API}/query`).query(true).reply(200, body, JSON_HEADERS);
    const sf = await tokenConnector();
    const [first] = await collect(sf.pull({ object: 'Account', fields: FIELDS }));
    const rec = first!.records[0]!;
    expect(rec.id).toBe('001D000000IqhSLIAZ');
    expect(rec.fields.Owner).toEqual({ Name: 'Dana Reyes', Email: 'dana.reyes@example.com' });
    expect(rec.fields).not.toHaveProperty('attributes');
    expect(rec.modifiedAt).toBe('2026-02-27T08:15:02.000+0000');
  });

  it("adds the mapping's where in parentheses, parsed and recomposed", async () => {
    const { soql } = nockQueryPages(1);
    const sf = await tokenConnector();
    await collect(
      sf.pull({
        object: 'Account',
        fields: ['Name'],
        where: "Type = 'Customer' OR Type = 'Trial'",
      }),
    );
    expect(soql[0]).toBe(
      "SELECT Id, SystemModstamp, Name FROM Account WHERE (Type = 'Customer' OR Type = 'Trial')",
    );
  });

  it('refuses a malformed where or field before any HTTP call', async () => {
    const sf = await tokenConnector();
    const bad = collect(
      sf.pull({ object: 'Account', fields: ['Name'], where: "Type = 'Customer' AND" }),
    );
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_WHERE' });
    await expect(
      collect(sf.pull({ object: 'Account', fields: ['Name FROM User--'] })),
    ).rejects.toThrow(/not a Salesforce field name/);
    const limited = collect(
      sf.pull({ object: 'Account', fields: ['Name'], where: "Type = 'x' LIMIT 5" }),
    );
    await expect(limited).rejects.toThrow(/condition only/);
    expect(sf.usage!().calls).toBe(0);
  });

  it('never stops silently: a page that is not done without nextRecordsUrl is a fault', async () => {
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, { totalSize: 3, done: false, records: [accountRow(1)] });
    const sf = await tokenConnector();
    await expect(collect(sf.pull({ object: 'Account', fields: ['Name'] }))).rejects.toBeInstanceOf(
      ConnectorError,
    );
  });
});

describe('salesforce incremental pull', () => {
  // getDeleted only reaches 30 days back: pin the clock to just after the fixtures' watermark.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:30:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('re-reads a lookback window, de-duplicates by Id, reports deletions and the new watermark', async () => {
    const since = '2026-03-01T10:00:00.000Z';
    const dup = accountRow(2, '2026-03-01T10:05:00.000+0000');
    const q = nock(INSTANCE);
    let soql = '';
    q.get(`${API}/query`)
      .query((p) => ((soql = String(p.q)), true))
      .reply(200, {
        totalSize: 3,
        done: false,
        nextRecordsUrl: `${API}/query/01g-2`,
        records: [accountRow(1, '2026-03-01T09:58:00.000+0000'), dup],
      });
    // A row updated while paging shows up again on the next page.
    q.get(`${API}/query/01g-2`).reply(200, { totalSize: 3, done: true, records: [dup] });
    let window: Record<string, string> = {};
    q.get(`${API}/sobjects/Account/deleted/`)
      .query((p) => ((window = p as Record<string, string>), true))
      .reply(200, fixture('deleted.json'), JSON_HEADERS);
    const sf = await tokenConnector({ lookbackSeconds: 300 });
    const pages = await collect(sf.pull({ object: 'Account', fields: ['Name'], since }));
    expect(soql).toBe(
      'SELECT Id, SystemModstamp, Name FROM Account WHERE SystemModstamp >= 2026-03-01T09:55:00Z',
    );
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual([accountRow(1).Id, dup.Id]);
    const last = pages.at(-1)!;
    expect(last.deleted).toEqual(['001D000000IqhVOIAZ']);
    expect(last.watermark).toBe('2026-03-01T10:05:00.000Z');
    expect(window.start).toBe('2026-03-01T09:55:00Z');
    expect(q.isDone()).toBe(true);
  });

  it('keeps the old watermark when nothing changed', async () => {
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, { totalSize: 0, done: true, records: [] });
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/deleted/`)
      .query(true)
      .reply(200, { deletedRecords: [] });
    const sf = await tokenConnector();
    const pages = await collect(
      sf.pull({ object: 'Account', fields: ['Name'], since: '2026-03-01T10:00:00.000Z' }),
    );
    expect(pages.at(-1)).toEqual({
      records: [],
      deleted: [],
      watermark: '2026-03-01T10:00:00.000Z',
    });
  });

  it('falls back to queryAll IsDeleted when getDeleted refuses the window', async () => {
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, { totalSize: 0, done: true, records: [] });
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/deleted/`)
      .query(true)
      .reply(400, fixture('error-replication-date.json'));
    let soql = '';
    nock(INSTANCE)
      .get(`${API}/queryAll`)
      .query((p) => ((soql = String(p.q)), true))
      .reply(200, {
        totalSize: 1,
        done: true,
        records: [{ attributes: { type: 'Account' }, Id: '001D000000IqhSL' }],
      });
    const sf = await tokenConnector({ lookbackSeconds: 0 });
    const pages = await collect(
      sf.pull({ object: 'Account', fields: ['Name'], since: '2026-03-01T10:00:00Z' }),
    );
    expect(soql).toBe(
      'SELECT Id FROM Account WHERE IsDeleted = TRUE AND SystemModstamp >= 2026-03-01T10:00:00Z',
    );
    expect(pages.at(-1)!.deleted).toEqual(['001D000000IqhSLIAZ']);
  });

  it('pulls a related object (Usage_Snapshot__c) by the same rules', async () => {
    let soql = '';
    nock(INSTANCE)
      .get(`${API}/query`)
      .query((p) => ((soql = String(p.q)), true))
      .reply(200, fixture('usage-query.json'), JSON_HEADERS);
    const sf = await tokenConnector();
    const fields = ['Account__c', 'Date__c', 'Metric__c', 'Value__c', 'Limit__c'];
    const pages = await collect(
      sf.pull({ object: 'Usage_Snapshot__c', fields, where: 'Account__c != null' }),
    );
    expect(soql).toContain('FROM Usage_Snapshot__c WHERE (Account__c != NULL)');
    expect(pages[0]!.records.map((r) => r.fields.Metric__c)).toEqual(['active_seats', 'api_calls']);
  });
});
