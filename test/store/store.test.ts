import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { openStore } from '../../src/store/open.js';
import { finishRun, getRun, listRuns, startRun } from '../../src/store/runs.js';
import {
  deleteFromMirror,
  mirrorHashes,
  readMirror,
  upsertMirror,
} from '../../src/store/mirror.js';
import { seatHistory, snapshotAccounts } from '../../src/store/snapshots.js';
import { recordWrites, writeStates } from '../../src/store/write-state.js';
import { addIssues, runIssues } from '../../src/store/issues.js';
import { getWatermark, setWatermark } from '../../src/store/watermarks.js';
import { getConfigVersion, saveConfigVersion } from '../../src/store/config-versions.js';
import { listOutcomes, recordOutcome } from '../../src/store/outcomes.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { createSecretStore } from '../../src/secrets/index.js';
import { backends, DATABASE_URL } from './backends.js';

const account = (id: string, licensed: number, active: number) => ({
  id: `c:${id}`,
  data: { id: `c:${id}`, name: id, seats: { licensed, active } },
  accountId: `c:${id}`,
  hash: `${id}-${licensed}-${active}`,
});

describe.each(backends())('store on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(() => backend.cleanup());

  it('records runs, finishes them and lists the newest first per connection', async () => {
    const a = await startRun(store, {
      connection: 'runs-a',
      connector: 'files',
      asOf: '2026-03-01',
      dryRun: false,
    });
    await finishRun(store, a, { status: 'succeeded', stats: { pulled: 3 } });
    const b = await startRun(store, {
      connection: 'runs-a',
      connector: 'files',
      asOf: '2026-03-02',
      dryRun: true,
      status: 'skipped',
    });
    await startRun(store, {
      connection: 'runs-b',
      connector: 'files',
      asOf: '2026-03-02',
      dryRun: false,
    });
    const runs = await listRuns(store, { connection: 'runs-a' });
    expect(runs.map((r) => [r.id, r.status, r.asOf, r.dryRun])).toEqual([
      [b, 'skipped', '2026-03-02', true],
      [a, 'succeeded', '2026-03-01', false],
    ]);
    const first = await getRun(store, a);
    expect(first?.stats).toEqual({ pulled: 3 });
    expect(first?.durationMs).toBeGreaterThanOrEqual(0);
    expect((await listRuns(store, { limit: 1 }))[0]?.connection).toBe('runs-b');
  });

  it('upserts the mirror by id, soft-deletes and revives records', async () => {
    await upsertMirror(store, 'mir', 'account', 1, [account('1', 10, 5), account('2', 10, 9)]);
    await upsertMirror(store, 'mir', 'account', 2, [account('2', 10, 10)]);
    expect(await mirrorHashes(store, 'mir', 'account')).toEqual(
      new Map([
        ['c:1', '1-10-5'],
        ['c:2', '2-10-10'],
      ]),
    );
    expect(await deleteFromMirror(store, 'mir', 'account', ['c:1', 'c:404'])).toBe(1);
    expect([...(await mirrorHashes(store, 'mir', 'account')).keys()]).toEqual(['c:2']);
    await upsertMirror(store, 'mir', 'account', 3, [account('1', 12, 5)]);
    const live = (await readMirror(store, 'mir')).get('account') as { name: string }[];
    expect(live.map((a) => a.name)).toEqual(['1', '2']);
  });

  it('batches large upserts', async () => {
    const many = Array.from({ length: 4500 }, (_, i) => account(String(i), 10, i % 10));
    await upsertMirror(store, 'big', 'account', 1, many);
    expect((await mirrorHashes(store, 'big', 'account')).size).toBe(4500);
  });

  it('snapshots accounts once per day and again when they change that day', async () => {
    await upsertMirror(store, 'snap', 'account', 1, [account('1', 10, 8), account('2', 20, 5)]);
    await upsertMirror(store, 'snap', 'usage', 1, [
      {
        id: 'u1',
        accountId: 'c:1',
        hash: 'u1',
        data: { accountId: 'c:1', date: '2026-02-27', metric: 'api_calls', value: 50 },
      },
      {
        id: 'u2',
        accountId: 'c:1',
        hash: 'u2',
        data: { accountId: 'c:1', date: '2026-02-28', metric: 'api_calls', value: 70 },
      },
    ]);
    expect(await snapshotAccounts(store, 'snap', '2026-02-28', [])).toBe(2);
    // Same day, nothing changed in run 2: nothing rewritten.
    expect(await snapshotAccounts(store, 'snap', '2026-02-28', [])).toBe(0);
    await upsertMirror(store, 'snap', 'account', 3, [account('1', 10, 9)]);
    expect(await snapshotAccounts(store, 'snap', '2026-02-28', ['c:1'])).toBe(1);
    expect(await snapshotAccounts(store, 'snap', '2026-03-01', [])).toBe(2);
    // A changed account without a snapshot of the day is snapshotted once; an id that is no
    // live account, none.
    expect(await snapshotAccounts(store, 'snap', '2026-03-02', ['c:1', 'c:1', 'c:gone'])).toBe(2);
    const history = await seatHistory(store, 'snap', '2026-03-01');
    expect(history.filter((h) => h.accountId === 'c:1')).toEqual([
      { accountId: 'c:1', day: '2026-02-28', licensed: 10, active: 9 },
      { accountId: 'c:1', day: '2026-03-01', licensed: 10, active: 9 },
    ]);
    const { rows } = await store.query<{ usage: unknown }>(
      "SELECT usage FROM snapshots WHERE connection = 'snap' AND account_id = 'c:1' AND day = '2026-03-01'",
    );
    expect(rows[0]?.usage).toEqual({ api_calls: { value: 70, date: '2026-02-28' } });
  });

  it("reads the seat history as it will be once the day's snapshot is taken, before it is", async () => {
    const day = '2026-03-05';
    await upsertMirror(store, 'pend', 'account', 1, [
      account('1', 10, 8),
      account('2', 20, 5),
      account('4', 30, 3),
      account('5', 5, 5),
      { id: 'c:3', data: { id: 'c:3', name: '3' }, accountId: 'c:3', hash: '3' },
    ]);
    await snapshotAccounts(store, 'pend', '2026-03-01', []);
    await snapshotAccounts(store, 'pend', day, []);
    // Since: c:1 changed and is to be snapshotted again; c:2 changed in a run that failed before
    // its snapshot, so the day's row stays as it was; c:6 is new; c:5 is gone, though listed.
    await upsertMirror(store, 'pend', 'account', 2, [
      account('1', 10, 9),
      account('2', 20, 6),
      account('5', 5, 4),
      account('6', 7, 1),
    ]);
    await deleteFromMirror(store, 'pend', 'account', ['c:5']);
    const pending = ['c:1', 'c:5', 'c:1'];
    const before = await seatHistory(store, 'pend', day, 120, undefined, pending);
    const some = await seatHistory(store, 'pend', day, 120, ['c:1', 'c:6'], pending);
    await snapshotAccounts(store, 'pend', day, pending);
    const after = await seatHistory(store, 'pend', day);
    expect(before).toEqual(after);
    expect(some).toEqual(after.filter((h) => h.accountId === 'c:1' || h.accountId === 'c:6'));
    const today = (id: string) => after.find((h) => h.accountId === id && h.day === day);
    expect(today('c:1')).toMatchObject({ licensed: 10, active: 9 });
    expect(today('c:2')).toMatchObject({ licensed: 20, active: 5 });
    expect(today('c:5')).toMatchObject({ licensed: 5, active: 5 });
    expect(today('c:6')).toMatchObject({ licensed: 7, active: 1 });
    expect(today('c:3')).toBeUndefined();
    expect(after.filter((h) => h.day === '2026-03-01')).toHaveLength(4);
  });

  it('merges field hashes of successive writes and keeps the CRM id', async () => {
    await recordWrites(store, 'ws', 'opportunity', 1, [
      { key: 'k1', crmId: 'a01', fieldHashes: { A: '1', B: '1' } },
    ]);
    await recordWrites(store, 'ws', 'opportunity', 2, [{ key: 'k1', fieldHashes: { B: '2' } }]);
    expect((await writeStates(store, 'ws', 'opportunity')).get('k1')).toEqual({
      key: 'k1',
      crmId: 'a01',
      fieldHashes: { A: '1', B: '2' },
    });
  });

  it('keeps issues with their run, watermarks, config versions and outcomes', async () => {
    const run = await startRun(store, {
      connection: 'misc',
      connector: 'files',
      asOf: '2026-03-01',
      dryRun: false,
    });
    const issue = {
      source: 'accounts.csv',
      object: 'account',
      recordId: 'A1',
      row: 3,
      field: 'arr',
      value: 'n/a',
      reason: 'arr: not a number',
      skipped: false,
    };
    await addIssues(store, 'misc', run, [
      issue,
      { source: 'misc', object: 'deal', reason: 'no id', skipped: true },
    ]);
    expect(await runIssues(store, run)).toEqual([
      issue,
      { source: 'misc', object: 'deal', reason: 'no id', skipped: true },
    ]);

    expect(await getWatermark(store, 'misc', 'account')).toBeUndefined();
    await setWatermark(store, 'misc', 'account', '2026-03-01T00:00:00Z');
    await setWatermark(store, 'misc', 'account', '2026-03-02T00:00:00Z');
    expect(await getWatermark(store, 'misc', 'account')).toBe('2026-03-02T00:00:00Z');

    expect(await saveConfigVersion(store, { kind: 'settings', content: 'a: 1' })).toBe(1);
    expect(
      await saveConfigVersion(store, { kind: 'settings', content: 'a: 2', savedBy: 'ops' }),
    ).toBe(2);
    expect((await getConfigVersion(store, 'settings'))?.content).toBe('a: 2');
    expect((await getConfigVersion(store, 'settings', { version: 1 }))?.content).toBe('a: 1');

    const won = {
      connection: 'misc',
      opportunityId: 'o1',
      accountId: 'misc:1',
      type: 'seat_expansion',
      outcome: 'won' as const,
      amount: 1200,
      closedAt: '2026-03-01',
      source: 'crm',
    };
    expect(await recordOutcome(store, won)).toBe(true);
    expect(await recordOutcome(store, won)).toBe(false);
    expect(await listOutcomes(store, { connection: 'misc' })).toEqual([won]);
  });

  it('keeps only ciphertext of secrets and names the key when it changed', async () => {
    const b64 = Buffer.alloc(32, 7).toString('base64');
    const secrets = createSecretStore(store, { key: b64 });
    expect(await secrets.get('sec', 'refresh_token')).toBeUndefined();
    await secrets.set('sec', 'refresh_token', '00D-test-token');
    await secrets.set('sec', 'refresh_token', '00D-test-token-2');
    await secrets.set('sec2', 'refresh_token', 'hs-test-token');
    expect(await secrets.get('sec', 'refresh_token')).toBe('00D-test-token-2');
    expect(await secrets.get('sec2', 'refresh_token')).toBe('hs-test-token');
    const { rows } = await store.query<{ ciphertext: string }>(
      "SELECT ciphertext FROM secrets WHERE connection LIKE 'sec%'",
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.ciphertext).not.toMatch(/test-token/);
    const otherKey = createSecretStore(store, { key: 'ab'.repeat(32) });
    await expect(otherKey.get('sec', 'refresh_token')).rejects.toThrow(/HEADROOM_SECRET_KEY/);
  });

  it('gives a named lock to one holder at a time', async () => {
    const release = await store.tryLock('sync:locked');
    expect(release).toBeTypeOf('function');
    expect(await store.tryLock('sync:locked')).toBeUndefined();
    const other = await store.tryLock('sync:other');
    expect(other).toBeTypeOf('function');
    await other!();
    await release!();
    const again = await store.tryLock('sync:locked');
    expect(again).toBeTypeOf('function');
    await again!();
  });
});

describe('store on disk (PGlite folder)', () => {
  it('keeps data across reopen and applies each migration once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-store-'));
    try {
      const first = await openStore({ dataDir: dir });
      await setWatermark(first, 'disk', 'account', 'w1');
      await first.close();
      const second = await openStore({ env: { HEADROOM_DATA_DIR: dir } });
      expect(await getWatermark(second, 'disk', 'account')).toBe('w1');
      const { rows } = await second.query<{ n: number }>(
        'SELECT count(*) AS n FROM schema_migrations',
      );
      expect(rows[0]?.n).toBe(loadMigrations().length);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a new PGlite folder', () => {
  // The database is created by an instance of its own and opened again by the one kept
  // (`createPgliteInstance`): in the database's thread and in-process alike.
  it.each([true, false])(
    'is made where it is missing and opened again (thread: %s)',
    async (thread) => {
      const dir = mkdtempSync(join(tmpdir(), 'headroom-store-'));
      const dataDir = join(dir, 'not', 'yet');
      try {
        const store = await openStore({ dataDir, thread });
        await setWatermark(store, 'new', 'account', 'w1');
        await store.close();
        expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8')).toMatch(/^\d+/);
        const again = await openStore({ dataDir, thread });
        expect(await getWatermark(again, 'new', 'account')).toBe('w1');
        await again.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe.skipIf(!DATABASE_URL)('store on a Postgres server', () => {
  it('applies migrations once when two processes open a new database at the same moment', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const [a, b] = await Promise.all([
      openStore({ databaseUrl: DATABASE_URL!, schema }),
      openStore({ databaseUrl: DATABASE_URL!, schema }),
    ]);
    try {
      const { rows } = await a.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
      await b.query('SELECT 1 FROM sync_runs');
    } finally {
      await b.close();
      await a.exec(`DROP SCHEMA ${schema} CASCADE`);
      await a.close();
    }
  });
});
