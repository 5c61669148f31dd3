/**
 * Incremental-pull watermarks per connection and object. A watermark is saved only after every
 * page of its pull was processed, so a run stopped early pulls the same records again.
 */
import type { Db } from './db.js';

export async function getWatermark(
  db: Db,
  connection: string,
  object: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ value: string }>(
    'SELECT value FROM watermarks WHERE connection = $1 AND object = $2',
    [connection, object],
  );
  return rows[0]?.value;
}

export async function setWatermark(
  db: Db,
  connection: string,
  object: string,
  value: string,
): Promise<void> {
  await db.query(
    `INSERT INTO watermarks (connection, object, value) VALUES ($1, $2, $3)
     ON CONFLICT (connection, object) DO UPDATE SET value = excluded.value, updated_at = now()`,
    [connection, object, value],
  );
}
