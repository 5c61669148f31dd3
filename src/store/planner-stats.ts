/**
 * Planner statistics for the embedded store. A Postgres server's autovacuum daemon ANALYZEs a
 * table once about a tenth of it changed; PGlite runs no daemon, so its tables were never
 * analyzed, and without statistics the planner guessed. The read that matters most went wrong:
 * a changed-accounts run's read of a few accounts' records (`account_id = ANY(...)`) walked every
 * row of the object through the primary key instead of `mirror_account_idx` (20k accounts, 200
 * of them: 167 and 375 ms for contacts and usage, 18 and 51 ms once analyzed).
 *
 * After a run that wrote, each table that grew by more than a tenth (and 1 MB) since it was last
 * analyzed, or since it was created, is analyzed, as autovacuum would. Size is the measure: the
 * mirror's deletions and every update write new row versions, so a table that changed grew. The
 * statistics live in the catalog and stay with the data folder.
 */
import type { Store } from './db.js';

/** Grown by more than this share of its size when last analyzed ... */
const GROWTH = 0.1;
/** ... and by more than this many 8 kB pages (1 MB): below that, a table is read whole anyway. */
const SLACK_PAGES = 128;

/** Analyze the schema's tables that outgrew their statistics; returns their names. Only the
 * embedded store: a server's autovacuum does this itself. */
export async function refreshPlannerStats(store: Store): Promise<string[]> {
  if (store.backend !== 'pglite') return [];
  const { rows } = await store.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r'
       AND pg_relation_size(c.oid) / current_setting('block_size')::bigint
           > c.relpages * (1 + $2::float8) + $3
     ORDER BY c.relname`,
    [store.schema, GROWTH, SLACK_PAGES],
  );
  const names = rows.map((r) => r.name);
  // Names come from the catalog of Headroom's own schema (`checkSchemaName`), quoted anyway.
  if (names.length)
    await store.exec(`ANALYZE ${names.map((t) => `"${store.schema}"."${t}"`).join(', ')}`);
  return names;
}
