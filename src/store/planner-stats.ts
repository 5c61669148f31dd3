/**
 * The upkeep a Postgres server's autovacuum daemon does, for the embedded store. PGlite runs no
 * daemon, so without this its tables were never analyzed (the planner guessed) and never
 * vacuumed (every row a run rewrote or deleted stayed in the files for good).
 *
 * - Statistics. The read that went wrong without them: a changed-accounts run's read of a few
 *   accounts' records (`account_id = ANY(...)`) walked every row of the object through the
 *   primary key instead of `mirror_account_idx` (20k accounts, 200 of them: 167 and 375 ms for
 *   contacts and usage, 18 and 51 ms once analyzed). After a run that wrote, each table that grew
 *   by more than a tenth (and 1 MB) since it was last analyzed, or since it was created, is
 *   analyzed. Size is the measure: the statistics live in the catalog and stay with the data
 *   folder, while PGlite keeps no activity counts across restarts.
 * - Dead rows. A daily run scores every account again (timing moves with the date) and rewrites
 *   each opportunity's document: at 20k accounts the data folder grew by about 250 MB a day, at
 *   100k by more than a gigabyte. A table whose dead rows are more than a fifth of its rows (and
 *   50), autovacuum's own rule, is vacuumed (and analyzed with it), so the next rewrite reuses
 *   the space. Dead rows are counted by the database since the process started (the run's own
 *   writes for a CLI run; every run and every status change for a long-lived server).
 */
import type { Store } from './db.js';

/** Grown by more than this share of its size when last analyzed ... */
const GROWTH = 0.1;
/** ... and by more than this many 8 kB pages (1 MB): below that, a table is read whole anyway. */
const SLACK_PAGES = 128;
/** Vacuumed once its dead rows exceed this share of its rows ... (`autovacuum_vacuum_scale_factor`) */
const DEAD_SHARE = 0.2;
/** ... plus this many (`autovacuum_vacuum_threshold`). */
const DEAD_ROWS = 50;

export interface Upkeep {
  /** Tables analyzed because they outgrew their statistics. */
  analyzed: string[];
  /** Tables vacuumed (and analyzed) because of their dead rows. */
  vacuumed: string[];
}

/** Analyze the schema's tables that outgrew their statistics and vacuum those with many dead
 * rows. Only the embedded store: a server's autovacuum does this itself. */
export async function refreshPlannerStats(store: Store): Promise<Upkeep> {
  if (store.backend !== 'pglite') return { analyzed: [], vacuumed: [] };
  // Activity counts reach `pg_stat_user_tables` in batches: flush this backend's first.
  await store.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await store.query<{ name: string; grown: boolean; dead: boolean }>(
    `SELECT c.relname AS name,
       pg_relation_size(c.oid) / current_setting('block_size')::bigint
         > c.relpages * (1 + $2::float8) + $3 AS grown,
       coalesce(s.n_dead_tup, 0) > $5 + $4::float8 * greatest(c.reltuples, s.n_live_tup, 0) AS dead
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
     WHERE n.nspname = $1 AND c.relkind = 'r'
     ORDER BY c.relname`,
    [store.schema, GROWTH, SLACK_PAGES, DEAD_SHARE, DEAD_ROWS],
  );
  const vacuumed = rows.filter((r) => r.dead).map((r) => r.name);
  const analyzed = rows.filter((r) => r.grown && !r.dead).map((r) => r.name);
  // Names come from the catalog of Headroom's own schema (`checkSchemaName`), quoted anyway.
  const list = (names: string[]) => names.map((t) => `"${store.schema}"."${t}"`).join(', ');
  // VACUUM runs outside a transaction block: a statement of its own.
  if (vacuumed.length) await store.exec(`VACUUM (ANALYZE) ${list(vacuumed)}`);
  if (analyzed.length) await store.exec(`ANALYZE ${list(analyzed)}`);
  return { analyzed, vacuumed };
}
