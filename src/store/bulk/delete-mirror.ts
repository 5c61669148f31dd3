/**
 * Records gone at the source, marked deleted in one statement however many there are. Callable
 * on its own (the run decides when deletions apply), so a guard can hold them before this runs.
 */
import type { Db } from '../db.js';

/** Mark `ids` of one object deleted; returns how many were live. Duplicates count once. */
export async function bulkDeleteMirror(
  db: Db,
  connection: string,
  object: string,
  ids: readonly string[],
): Promise<number> {
  if (!ids.length) return 0;
  const { rows } = await db.query<{ n: number }>(
    `WITH d AS (UPDATE mirror SET deleted_at = now() WHERE connection = $1 AND object = $2
       AND id = ANY($3::text[]) AND deleted_at IS NULL RETURNING 1) SELECT count(*) AS n FROM d`,
    [connection, object, ids],
  );
  return rows[0]?.n ?? 0;
}
