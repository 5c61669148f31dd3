import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../src/sync/scheduler.js';
import { memoryLog } from './fixtures.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('scheduler', () => {
  it('skips a tick that comes while the previous run of that connection is going', async () => {
    const log = memoryLog();
    const gate = deferred();
    const started: string[] = [];
    const scheduler = startScheduler({
      connections: [{ name: 'a' }, { name: 'b' }],
      runOne: async (name) => {
        started.push(name);
        if (name === 'a') await gate.promise;
      },
      log,
      env: { SYNC_SCHEDULE: '0 3 * * *', SYNC_TIMEZONE: 'America/New_York' },
    });
    const first = scheduler.trigger('a');
    expect(await scheduler.trigger('a')).toBe('skipped');
    expect(await scheduler.trigger('b')).toBe('ran');
    gate.resolve();
    expect(await first).toBe('ran');
    expect(await scheduler.trigger('a')).toBe('ran');
    expect(started).toEqual(['a', 'b', 'a']);
    expect(log.lines.filter((l) => /skipped/.test(l.msg ?? '')).map((l) => l.obj)).toEqual([
      { connection: 'a' },
    ]);
    // 03:00 in New York is 07:00 or 08:00 UTC depending on daylight saving time.
    expect([7, 8]).toContain(scheduler.next().a?.getUTCHours());
    await scheduler.stop();
  });

  it('runs connections on their cron schedule and stops cleanly', async () => {
    const runs: string[] = [];
    const scheduler = startScheduler({
      connections: [{ name: 'fast', schedule: '* * * * * *' }],
      runOne: async (name) => void runs.push(name),
      log: memoryLog(),
    });
    await new Promise((r) => setTimeout(r, 1300));
    await scheduler.stop();
    const seen = runs.length;
    expect(seen).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(runs.length).toBe(seen);
  });

  it('refuses an invalid schedule naming where it came from', () => {
    expect(() =>
      startScheduler({
        connections: [{ name: 'x' }],
        runOne: async () => undefined,
        log: memoryLog(),
        env: { SYNC_SCHEDULE: 'hourly' },
      }),
    ).toThrow(/SYNC_SCHEDULE/);
  });

  it('logs a failed scheduled run instead of crashing the server', async () => {
    const log = memoryLog();
    const scheduler = startScheduler({
      connections: [{ name: 'x' }],
      runOne: async () => Promise.reject(new Error('boom')),
      log,
      env: {},
    });
    expect(await scheduler.trigger('x')).toBe('ran');
    expect(
      log.lines.some((l) => l.level === 'error' && /scheduled sync of x failed/.test(l.msg ?? '')),
    ).toBe(true);
    await scheduler.stop();
  });
});
