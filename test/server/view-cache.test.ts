import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../src/server/account-view.js';
import { ViewCache } from '../../src/server/view-cache.js';
import type { Db } from '../../src/store/db.js';

/** A store whose sync_runs generation the test sets, counting how often it is asked. */
function fakeDb() {
  const db = {
    generation: '1/1/2026-03-02',
    asked: 0,
    query: async () => {
      db.asked += 1;
      return { rows: [{ g: db.generation }] };
    },
  };
  return db;
}

const view = (name: string) => ({ accountId: 'files:a', name }) as AccountView;
/** Moves the (fake) clock on and lets the checks it starts finish: no test waits on real time,
 * which a loaded CI machine stretches past the intervals under test. */
const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('ViewCache.peek (the embed fast lane)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers only views it holds and knows to be current', async () => {
    const db = fakeDb();
    const cache = new ViewCache(db as unknown as Db, 10_000);
    expect(cache.peek('files:a')).toBeUndefined();
    await cache.get('files:a', async () => view('A'));
    await cache.get('files:gone', async () => undefined);
    expect(cache.peek('files:a')?.name).toBe('A');
    // "Not found" is the slow path's to answer (with its 404).
    expect(cache.peek('files:gone')).toBeUndefined();
    cache.invalidate();
    expect(cache.peek('files:a')).toBeUndefined();
  });

  it('is never used when every request must check the store', async () => {
    const cache = new ViewCache(fakeDb() as unknown as Db, 0);
    await cache.get('files:a', async () => view('A'));
    expect(cache.peek('files:a')).toBeUndefined();
  });

  it('revalidates in the background once due, and stops answering when the check is overdue', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setTimeout'] });
    const db = fakeDb();
    const cache = new ViewCache(db as unknown as Db, 40);
    await cache.get('files:a', async () => view('A'));
    expect(db.asked).toBe(1);
    await sleep(50);
    // Due: still served, and one generation check started.
    expect(cache.peek('files:a')?.name).toBe('A');
    expect(cache.peek('files:a')?.name).toBe('A');
    await sleep(0);
    expect(db.asked).toBe(2);
    // Another process recorded a sync run: the next due check drops the view.
    db.generation = '2/2/2026-03-03';
    await sleep(50);
    expect(cache.peek('files:a')?.name).toBe('A');
    await sleep(0);
    expect(cache.peek('files:a')).toBeUndefined();
    // With no request for twice the interval, nothing is served unchecked.
    await cache.get('files:a', async () => view('A2'));
    await sleep(90);
    expect(cache.peek('files:a')).toBeUndefined();
  });
});
