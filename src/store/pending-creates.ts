/**
 * Creates whose outcome is not known yet, per write-back section (`task`) and record key. Marked
 * before the CRM call and cleared when its answer is known, so neither a lost answer nor a killed
 * process can make a record be created twice or forgotten.
 */
import type { Db } from './db.js';

export async function markPending(
  db: Db,
  connection: string,
  object: string,
  runId: number,
  keys: string[],
): Promise<void> {
  if (!keys.length) return;
  await db.query(
    `INSERT INTO pending_creates (connection, object, key, run_id)
     SELECT $1, $2, k, $3 FROM unnest($4::text[]) AS k
     ON CONFLICT (connection, object, key) DO UPDATE SET run_id = excluded.run_id, sent_at = now()`,
    [connection, object, runId, keys],
  );
}

export async function clearPending(
  db: Db,
  connection: string,
  object: string,
  keys: string[],
): Promise<void> {
  if (!keys.length) return;
  await db.query(
    'DELETE FROM pending_creates WHERE connection = $1 AND object = $2 AND key = ANY($3::text[])',
    [connection, object, keys],
  );
}

/** Keys of one section still waiting for confirmation, oldest first. */
export async function pendingKeys(db: Db, connection: string, object: string): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(
    'SELECT key FROM pending_creates WHERE connection = $1 AND object = $2 ORDER BY sent_at, key',
    [connection, object],
  );
  return rows.map((r) => r.key);
}
