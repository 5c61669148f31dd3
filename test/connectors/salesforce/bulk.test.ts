import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  INSTANCE,
  JSON_HEADERS,
  accountRow,
  collect,
  fixture,
  tokenConnector,
} from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const JOB = '750R0000000zlh9IAA';
const N = 12_000;

/** A Bulk API 2.0 results page: quoted CSV, relationship columns flat, empty cell = null. */
function csvPage(from: number, to: number): string {
  const head = '"Id","SystemModstamp","Name","Owner.Name","ARR__c"';
  const rows = [];
  for (let i = from; i < to; i++) {
    const r = accountRow(i);
    rows.push(
      `"${r.Id}","2026-03-01T10:00:00.000Z","Account ${i}, Inc.","Dana Reyes","${i % 2 ? r.ARR__c : ''}"`,
    );
  }
  return `${head}\n${rows.join('\n')}\n`;
}

function firstRestPage() {
  return nock(INSTANCE)
    .get(`${API}/query`)
    .query(true)
    .reply(
      200,
      {
        totalSize: N,
        done: false,
        nextRecordsUrl: `${API}/query/01g-2000`,
        records: [accountRow(0)],
      },
      JSON_HEADERS,
    );
}

describe('salesforce pull (Bulk API 2.0)', () => {
  it('switches to a bulk query job above the threshold and reads every results page', async () => {
    firstRestPage();
    let jobBody: Record<string, string> = {};
    const bulk = nock(INSTANCE)
      .post(`${API}/jobs/query`, (b) => ((jobBody = b as Record<string, string>), true))
      .reply(200, fixture('bulk-job-created.json'), JSON_HEADERS)
      .get(`${API}/jobs/query/${JOB}`)
      .reply(200, fixture('bulk-job-in-progress.json'), JSON_HEADERS)
      .get(`${API}/jobs/query/${JOB}`)
      .reply(200, fixture('bulk-job-complete.json'), JSON_HEADERS)
      .get(`${API}/jobs/query/${JOB}/results`)
      .query({ maxRecords: '10000' })
      .reply(200, csvPage(0, 10_000), { 'Content-Type': 'text/csv', 'Sforce-Locator': 'MTAwMDA' })
      .get(`${API}/jobs/query/${JOB}/results`)
      .query({ maxRecords: '10000', locator: 'MTAwMDA' })
      .reply(200, csvPage(10_000, N), { 'Content-Type': 'text/csv', 'Sforce-Locator': 'null' });
    const sf = await tokenConnector({ bulkThreshold: 10_000, bulkPageSize: 10_000 });
    const pages = await collect(
      sf.pull({ object: 'Account', fields: ['Name', 'Owner.Name', 'ARR__c'] }),
    );
    const records = pages.flatMap((p) => p.records);
    expect(jobBody).toEqual({
      operation: 'query',
      query: 'SELECT Id, SystemModstamp, Name, Owner.Name, ARR__c FROM Account',
    });
    expect(records).toHaveLength(N);
    expect(records[5]!.fields).toMatchObject({
      Name: 'Account 5, Inc.',
      Owner: { Name: 'Dana Reyes' },
      ARR__c: '10005',
    });
    expect(records[4]!.fields.ARR__c).toBeNull();
    expect(bulk.isDone()).toBe(true);
    // 1 REST page (to learn the size) + create + 2 polls + 2 results pages
    expect(sf.usage!().calls).toBe(6);
    expect(pages.at(-1)!.watermark).toBe('2026-03-01T10:00:00.000Z');
  });

  it('falls back to REST paging when the bulk job fails', async () => {
    firstRestPage();
    nock(INSTANCE)
      .post(`${API}/jobs/query`)
      .reply(200, fixture('bulk-job-created.json'), JSON_HEADERS)
      .get(`${API}/jobs/query/${JOB}`)
      .reply(200, {
        ...fixture<object>('bulk-job-complete.json'),
        state: 'Failed',
        errorMessage: 'INVALID_FIELD',
      });
    nock(INSTANCE)
      .get(`${API}/query/01g-2000`)
      .reply(
        200,
        { totalSize: N, done: true, records: [accountRow(1), accountRow(2)] },
        JSON_HEADERS,
      );
    const sf = await tokenConnector({ bulkThreshold: 10_000 });
    const records = (await collect(sf.pull({ object: 'Account', fields: ['Name'] }))).flatMap(
      (p) => p.records,
    );
    expect(records.map((r) => r.fields.Name)).toEqual(['Account 0', 'Account 1', 'Account 2']);
  });

  it('stays on REST at or below the threshold', async () => {
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(
        200,
        { totalSize: 2, done: true, records: [accountRow(1), accountRow(2)] },
        JSON_HEADERS,
      );
    const sf = await tokenConnector({ bulkThreshold: 2 });
    const records = (await collect(sf.pull({ object: 'Account', fields: ['Name'] }))).flatMap(
      (p) => p.records,
    );
    expect(records).toHaveLength(2);
    expect(sf.usage!().calls).toBe(1);
  });
});
