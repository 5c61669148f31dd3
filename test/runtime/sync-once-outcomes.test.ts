/**
 * The outcomes a run learns are stored while its output files are made (`syncOnce`): on a
 * portfolio from the foreign generator, every outcome is stored by the time the run returns, and
 * a write of them that fails fails the call without the files being recorded as in place (the
 * next run writes them again), on every backend.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/env.js';
import { resolveSyncConnection } from '../../src/runtime/connection.js';
import { learnFromStore, recordOutcomes } from '../../src/runtime/learn.js';
import { syncOnce } from '../../src/runtime/sync-once.js';
import type { CopyRows } from '../../src/store/bulk/copy-text.js';
import type { Db, Store } from '../../src/store/db.js';
import { buildPortfolio } from '../../src/sync/portfolio.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';
import { backends } from '../store/backends.js';
import { memoryLog } from '../sync/fixtures.js';

/** The store, except that loading rows into `table` fails as a full disk would. */
function failingCopyInto(store: Store, table: string): Store {
  const failing = (db: Db): Db =>
    new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'copyIn')
          return (into: string, columns: readonly string[], rows: CopyRows) =>
            into.includes(table)
              ? Promise.reject(new Error('could not extend file: No space left on device'))
              : target.copyIn(into, columns, rows);
        if (prop === 'transaction')
          return <T>(fn: (tx: Db) => Promise<T>) => target.transaction((tx) => fn(failing(tx)));
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  return failing(store) as Store;
}

describe.each(backends())('outcomes stored beside the output files, on $name', (backend) => {
  let p: ForeignPortfolio;
  let work: string;
  beforeAll(() => {
    p = generateForeign({ seed: 53, accounts: 80 });
    work = mkdtempSync(join(tmpdir(), 'headroom-outcomes-'));
  });
  afterAll(async () => {
    await backend.cleanup();
    rmSync(p.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const sync = async (store: Store, out: string) => {
    const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
    const connection = await resolveSyncConnection({ connector: 'files', source: p.dir }, env);
    const lines = memoryLog();
    const log = { ...lines, child: () => log };
    return syncOnce({
      store,
      connection,
      env,
      log: log as unknown as Parameters<typeof syncOnce>[0]['log'],
      asOf: p.asOf,
      out: join(work, out),
    });
  };

  const count = async (store: Store, table: string) =>
    Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

  it('stores every outcome the run learned by the time it returns', async () => {
    const store = await backend.open();
    const { report, written } = await sync(store, 'out-a');
    expect(report.status, report.error).toBe('succeeded');
    expect(written).toHaveLength(4);
    const stored = await count(store, 'outcomes');
    expect(stored).toBeGreaterThan(0);
    // Nothing the store's history teaches is left to record.
    const portfolio = await buildPortfolio(store, report.connection, p.asOf);
    const learned = await learnFromStore(store, report.connection, portfolio, p.asOf);
    expect(learned.outcomes).toHaveLength(stored);
    expect(await recordOutcomes(store, report.connection, learned.outcomes)).toBe(0);
    expect(await count(store, 'outcomes')).toBe(stored);
    expect(await count(store, 'output_files')).toBeGreaterThan(0);
  });

  it('fails the call when the outcomes cannot be stored, and records no file as in place', async () => {
    const store = await backend.open();
    const failing = failingCopyInto(store, 'outcome_stage');
    await expect(sync(failing, 'out-b')).rejects.toThrow(/No space left on device/);
    expect(await count(store, 'outcomes')).toBe(0);
    expect(await count(store, 'output_files')).toBe(0);
    // The run's results are stored; the files made meanwhile are written in full, not recorded.
    expect(await count(store, 'opportunities')).toBeGreaterThan(0);
    expect(readdirSync(join(work, 'out-b')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
