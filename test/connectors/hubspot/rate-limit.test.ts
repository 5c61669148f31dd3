import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { limitsFor, scheduleCall } from '../../../connectors/hubspot/rate-limit.js';
import { ConnectorError, LimitReachedError } from '../../../connectors/types.js';
import {
  BASE,
  collect,
  fakeClock,
  fakeObjects,
  fixture,
  makeConnector,
  maxPerWindow,
} from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const page = {
  results: [
    {
      id: '1',
      properties: { name: 'A' },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      archived: false,
    },
  ],
};

describe('hubspot rate limits', () => {
  it('waits for Retry-After on a 429 and retries the call', async () => {
    nock(BASE)
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(429, fixture('rate-limit-429.json'), {
        'Retry-After': '2',
        'X-HubSpot-RateLimit-Remaining': '0',
      })
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(200, page);
    const { connector, deps } = makeConnector();
    const [p] = await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(p!.records.map((r) => r.id)).toEqual(['1']);
    expect(deps.slept).toEqual([2000]);
    expect(connector.usage!().calls).toBe(2);
  });

  it('without Retry-After, waits the interval HubSpot reports', async () => {
    nock(BASE)
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(429, fixture('rate-limit-429.json'), {
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      })
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(200, page);
    const { connector, deps } = makeConnector();
    await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(deps.slept).toEqual([10_000]);
  });

  it('stops cleanly with LimitReachedError on a DAILY 429, without retrying', async () => {
    const scope = nock(BASE)
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(429, fixture('rate-limit-daily-429.json'));
    const { connector, deps } = makeConnector();
    const err = await collect(connector.pull({ object: 'companies', fields: ['name'] })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LimitReachedError);
    expect((err as LimitReachedError).code).toBe('DAILY_LIMIT');
    expect(scope.isDone()).toBe(true);
    expect(deps.slept).toEqual([]);
    expect(connector.usage!().calls).toBe(1);
  });

  it('retries a 5xx with backoff and gives up with a retryable error after HUBSPOT_MAX_RETRIES', async () => {
    nock(BASE).get('/crm/v3/objects/companies').query(true).times(3).reply(502, 'Bad Gateway');
    const { connector, deps } = makeConnector({ HUBSPOT_MAX_RETRIES: '2' });
    const err = await collect(connector.pull({ object: 'companies', fields: ['name'] })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).retryable).toBe(true);
    expect(deps.slept).toEqual([500, 1000]);
  });

  it('pauses every call after X-HubSpot-RateLimit-Remaining: 0 until the window rolls', async () => {
    nock(BASE)
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(
        200,
        { ...page, paging: { next: { after: '2' } } },
        {
          'X-HubSpot-RateLimit-Remaining': '0',
          'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
        },
      )
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(200, page);
    const { connector, deps } = makeConnector();
    await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(deps.slept).toEqual([10_000]);
  });

  it('never exceeds the budget in any rolling window (10 s scaled to 1 s)', async () => {
    // The default budget, so the calls' arrival may lag their start by as much as it would at
    // HubSpot (the limiter's 1 ms guard a call: 100 ms over a window). A budget of 20 left 20 ms,
    // which a busy CI machine's event loop exceeded (21 calls in one window).
    const records = Array.from({ length: 15_000 }, (_, i) => ({ id: String(i + 1), ts: i }));
    const log = fakeObjects('companies', records);
    const deps = { ...fakeClock(), windowMs: 1000 };
    const { connector } = makeConnector({ HUBSPOT_RATE_LIMIT_PER_10S: '100' }, {}, deps);
    await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    const times = log.map((l) => l.at);
    expect(times.length).toBe(150);
    expect(maxPerWindow(times, 1000)).toBeLessThanOrEqual(100);
    // Nothing but the limiter spaces the calls: the connector paused none of them itself. That
    // the limiter uses the budget (not a call a window, nor a pause between bursts) is checked
    // on a fake clock below. Here real timers run late on a loaded machine (48 calls in one
    // window in a CI run, 80-odd on an idle machine), so a floor would measure the machine.
    expect(deps.slept).toEqual([]);
  });

  it('reports daily usage from the X-HubSpot-RateLimit-Daily headers', async () => {
    nock(BASE).get('/crm/v3/objects/companies').query(true).reply(200, page, {
      'X-HubSpot-RateLimit-Daily': '500000',
      'X-HubSpot-RateLimit-Daily-Remaining': '499000',
    });
    const { connector } = makeConnector();
    await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(connector.usage!()).toEqual({ calls: 1, used: 1000, limit: 500000 });
  });
});

describe('hubspot rate limiter, on a fake clock', () => {
  afterEach(() => vi.useRealTimers());

  /** Send every batch's calls at once through the connection's limits; when each started. */
  async function starts(
    limits: ReturnType<typeof limitsFor>,
    batches: { search: boolean; n: number }[],
    runMs: number,
  ): Promise<number[][]> {
    const at = batches.map(() => [] as number[]);
    const done = Promise.all(
      batches.flatMap(({ search, n }, j) =>
        Array.from({ length: n }, () =>
          scheduleCall(limits, search, async () => void at[j]!.push(Date.now())),
        ),
      ),
    );
    await vi.advanceTimersByTimeAsync(runMs);
    await done;
    return at;
  }

  it('starts calls as fast as the budget allows, and never more in any rolling window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // 100 a second (the default budget, its window scaled to 1 s) and 190 in 10 s (Professional).
    // The spacing rounds up and adds a 1 ms guard; that is all of the budget given up.
    for (const [budget, windowMs, n, used] of [
      [100, 1000, 300, 91],
      [190, 10_000, 500, 186],
    ] as const) {
      const limits = limitsFor(`clock-${budget}-${windowMs}`, budget, 5, windowMs);
      const [times] = await starts(limits, [{ search: false, n }], 4 * windowMs);
      expect(times).toHaveLength(n);
      expect(maxPerWindow(times!, windowMs)).toBeLessThanOrEqual(budget);
      expect(maxPerWindow(times!, windowMs)).toBeGreaterThanOrEqual(used);
    }
  });

  it('holds searches to 5 a second behind a backlog of other calls, within the budget', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const limits = limitsFor('clock-search', 100, 5, 1000);
    const [searches, others] = await starts(
      limits,
      [
        { search: true, n: 20 },
        { search: false, n: 300 },
      ],
      10_000,
    );
    expect(searches).toHaveLength(20);
    // Five a second where they start, and no slower: 20 take four seconds.
    expect(maxPerWindow(searches!, 1000)).toBe(5);
    expect(Math.max(...searches!) - Math.min(...searches!)).toBeLessThan(4000);
    const all = [...searches!, ...others!];
    expect(maxPerWindow(all, 1000)).toBeLessThanOrEqual(100);
    expect(maxPerWindow(all, 1000)).toBeGreaterThanOrEqual(90);
  });
});
