/**
 * Autovacuum's upkeep on the embedded store (`src/store/planner-stats.ts`): PGlite has no
 * daemon, so a run analyzes the tables that outgrew their statistics (the read of a few
 * accounts' records then goes through `mirror_account_idx` instead of every row of the object)
 * and vacuums those with many dead rows (a store rewritten every day stays its size).
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

/** Every usage row's document rewritten (a day's run: about 3 KB that does not compress). */
async function rewriteUsage(store: Store, day: number) {
  await store.query(
    `UPDATE mirror SET data = jsonb_build_object('day', $1::int, 'note',
       (SELECT string_agg(md5(id || g || $1::text), '') FROM generate_series(1, 90) AS g))
     WHERE object = 'usage'`,
    [day],
  );
}

/** The mirror table with its out-of-line values and indexes. */
const mirrorBytes = async (store: Store) =>
  Number(
    (
      await store.query<{ n: string }>(
        `SELECT pg_total_relation_size(format('%I.mirror', $1::text)) AS n`,
        [store.schema],
      )
    ).rows[0]!.n,
  );

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
    const { analyzed, vacuumed } = await refreshPlannerStats(store);
    if (store.backend !== 'pglite') {
      // A server's autovacuum keeps its statistics.
      expect({ analyzed, vacuumed }).toEqual({ analyzed: [], vacuumed: [] });
      return;
    }
    // Rows added, none dead: nothing to vacuum.
    expect(vacuumed).toEqual([]);
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
    expect((await refreshPlannerStats(store)).analyzed).toEqual([]);
    // A few rows more: within a tenth of the table (and 1 MB), still nothing.
    await addUsage(store, 10_000, 500);
    expect((await refreshPlannerStats(store)).analyzed).toEqual([]);
    // Most of it again: analyzed again.
    await addUsage(store, 10_500, 8_000);
    expect(await refreshPlannerStats(store)).toEqual({ analyzed: ['mirror'], vacuumed: [] });
  });

  it('vacuums a table once a fifth of its rows are dead, and a table rewritten every day stays its size', async () => {
    const store = await backend.open();
    if (store.backend !== 'pglite') {
      await rewriteUsage(store, 0);
      expect((await refreshPlannerStats(store)).vacuumed).toEqual([]);
      return;
    }
    await addUsage(store, 0, 2_000);
    await refreshPlannerStats(store);
    // A tenth of the rows rewritten: below autovacuum's fifth, left for later.
    await store.query(
      `UPDATE mirror SET seen_run = 2 WHERE object = 'usage' AND (data->>'value')::int < 200`,
    );
    expect((await refreshPlannerStats(store)).vacuumed).toEqual([]);
    const sizes: number[] = [];
    for (let day = 1; day <= 4; day++) {
      await rewriteUsage(store, day);
      const { vacuumed } = await refreshPlannerStats(store);
      expect(vacuumed).toEqual(['mirror']);
      sizes.push(await mirrorBytes(store));
    }
    // Without the vacuum each day adds what the first rewrite did (every document a new
    // version): four days would take twice the second day's size. With it, each day's
    // rewrite goes into the space the day before left; what is still added (index pages, space
    // split between pages) shrinks to almost nothing.
    const day = sizes[1]! - sizes[0]!;
    expect(sizes[3]).toBeLessThanOrEqual(sizes[1]! * 1.1);
    expect(sizes[3]! - sizes[2]!).toBeLessThan(day * 0.1);
    // Nothing dead left behind: the counts say so, and a refresh has nothing to do.
    await store.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await store.query<{ dead: number }>(
      `SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'mirror'`,
      [store.schema],
    );
    expect(rows[0]!.dead).toBe(0);
    expect(await refreshPlannerStats(store)).toEqual({ analyzed: [], vacuumed: [] });
  });
});
