import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LimitReachedError } from '../../../connectors/types.js';
import { API, INSTANCE, accountRow, collect, fixture, tokenConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const page = (n: number, next?: string) => ({
  totalSize: 9,
  done: !next,
  ...(next ? { nextRecordsUrl: `${API}/query/${next}` } : {}),
  records: [accountRow(n)],
});

describe('salesforce API limits', () => {
  it('reads Sforce-Limit-Info and stops before the configured share of the daily allocation', async () => {
    const scope = nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, page(1, '01g-2'), { 'Sforce-Limit-Info': 'api-usage=7400/15000' })
      .get(`${API}/query/01g-2`)
      .reply(200, page(2, '01g-3'), { 'Sforce-Limit-Info': 'api-usage=7500/15000' })
      .get(`${API}/query/01g-3`)
      .reply(200, page(3));
    const sf = await tokenConnector({ dailyApiShare: '50' });
    const seen: string[] = [];
    const run = (async () => {
      for await (const p of sf.pull({ object: 'Account', fields: ['Name'] }))
        seen.push(...p.records.map((r) => r.id));
    })();
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitReachedError);
    expect((err as Error).message).toMatch(
      /used 7500 of its 15000 daily API requests; Headroom stops at 50%/,
    );
    expect(seen).toHaveLength(2);
    expect(scope.pendingMocks()).toHaveLength(1); // the third page was never requested
    expect(sf.usage!()).toEqual({ calls: 2, used: 7500, limit: 15000 });
  });

  it('stops cleanly on REQUEST_LIMIT_EXCEEDED, without retrying and without a watermark', async () => {
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, page(1, '01g-2'))
      .get(`${API}/query/01g-2`)
      .reply(403, fixture('error-request-limit.json'));
    const sf = await tokenConnector();
    const pages: unknown[] = [];
    const err = await (async () => {
      for await (const p of sf.pull({ object: 'Account', fields: ['Name'] })) pages.push(p);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitReachedError);
    expect((err as Error).message).toMatch(/API request limit is exhausted.*next run resumes/);
    expect(pages).toEqual([{ records: [expect.objectContaining({ id: accountRow(1).Id })] }]);
    expect(sf.usage!().calls).toBe(2);
  });

  it('an org under its share keeps going', async () => {
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(200, page(1, '01g-2'), { 'Sforce-Limit-Info': 'api-usage=100/15000' });
    nock(INSTANCE)
      .get(`${API}/query/01g-2`)
      .reply(200, page(2), { 'Sforce-Limit-Info': 'api-usage=101/15000' });
    const sf = await tokenConnector();
    const records = (await collect(sf.pull({ object: 'Account', fields: ['Name'] }))).flatMap(
      (p) => p.records,
    );
    expect(records).toHaveLength(2);
    expect(sf.usage!()).toEqual({ calls: 2, used: 101, limit: 15000 });
  });
});
