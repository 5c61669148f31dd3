/**
 * Planner statistics on the embedded store (`src/store/planner-stats.ts`): PGlite has no
 * autovacuum, so a run analyzes the tables that outgrew their statistics, and the read of a few
 * accounts' records then goes through `mirror_account_idx` instead of every row of the object.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { refreshPlannerStats } from '../../src/store/planner-stats.js';
import type { Store } from '../../src/store/db.js';
import { backends } from './backends.js';

/** `n` usage rows of about 400 bytes, 30 to an account, from position `from`. */
async function addUsage(store: Store, from: number, n: number) {
  await store.query(
    `INSERT INTO mirror (connection, object, id, account_id, data, hash, seen_run)
     SELECT 'crm', 'usage', 'u' || i, 'acct-' || (i / 30), jsonb_build_object('value', i, 'note', repeat('x', 300)), md5(i::text), 1
     FROM generate_series($1::int, $2::int - 1) AS i`,
    [from, from + n],
  );
}

const SHARE_READ = `EXPLAIN SELECT id, data::text FROM mirror WHERE connection = 'crm'
  AND object = 'usage' AND account_id = ANY(ARRAY['acct-7', 'acct-900']) AND deleted_at IS NULL`;

const plan = async (store: Store) =>
  (await store.query<{ 'QUERY PLAN': string }>(SHARE_READ)).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');

describe.each(backends())('planner statistics ($name)', (backend) => {
  afterAll(() => backend.cleanup());

  it('analyzes the tables a run grew, once, and the share read then uses the account index', async () => {
    const store = await backend.open();
    await addUsage(store, 0, 10_000);
    const analyzed = await refreshPlannerStats(store);
    if (store.backend !== 'pglite') {
      // A server's autovacuum keeps its statistics.
      expect(analyzed).toEqual([]);
      return;
    }
    expect(analyzed).toContain('mirror');
    // Small tables (the migrations' one page) are left alone: they are read whole anyway.
    expect(analyzed).not.toContain('schema_migrations');
    const { rows } = await store.query<{ n: number }>(
      `SELECT count(*) AS n FROM pg_stats WHERE schemaname = $1 AND tablename = 'mirror'
       AND attname = 'account_id'`,
      [store.schema],
    );
    expect(rows[0]!.n).toBe(1);
    expect(await plan(store)).toContain('mirror_account_idx');
    // Nothing grew since: nothing to analyze.
    expect(await refreshPlannerStats(store)).toEqual([]);
    // A few rows more: within a tenth of the table (and 1 MB), still nothing.
    await addUsage(store, 10_000, 500);
    expect(await refreshPlannerStats(store)).toEqual([]);
    // Most of it again: analyzed again.
    await addUsage(store, 10_500, 8_000);
    expect(await refreshPlannerStats(store)).toEqual(['mirror']);
  });
});
