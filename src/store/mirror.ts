/**
 * The mirror: the latest neutral version of every source record, keyed by connection, neutral
 * object and source id. Writes are batched multi-row upserts (unnest arrays), so an incremental
 * sync of 100k accounts touches only the rows whose hash changed.
 */
import type { Db } from './db.js';

export interface MirrorRow {
  id: string;
  accountId?: string;
  data: unknown;
  hash: string;
}

const CHUNK = 2000;

/** id -> hash of the live (not deleted) records of one object. */
export async function mirrorHashes(
  db: Db,
  connection: string,
  object: string,
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; hash: string }>(
    'SELECT id, hash FROM mirror WHERE connection = $1 AND object = $2 AND deleted_at IS NULL',
    [connection, object],
  );
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/** Insert or replace records (a deleted record that comes back is revived). */
export async function upsertMirror(
  db: Db,
  connection: string,
  object: string,
  runId: number,
  records: MirrorRow[],
): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO mirror (connection, object, id, account_id, data, hash, seen_run)
       SELECT $1, $2, u.id, u.account_id, u.data::jsonb, u.hash, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, account_id, data, hash)
       ON CONFLICT (connection, object, id) DO UPDATE SET account_id = excluded.account_id,
         data = excluded.data, hash = excluded.hash, raw_hash = NULL, seen_run = excluded.seen_run,
         updated_at = now(), deleted_at = NULL`,
      [
        connection,
        object,
        runId,
        chunk.map((r) => r.id),
        chunk.map((r) => r.accountId ?? null),
        chunk.map((r) => JSON.stringify(r.data)),
        chunk.map((r) => r.hash),
      ],
    );
  }
}

/** Mark records deleted at the source; returns how many were live. */
export async function deleteFromMirror(
  db: Db,
  connection: string,
  object: string,
  ids: string[],
): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { rows } = await db.query<{ n: number }>(
      `WITH d AS (UPDATE mirror SET deleted_at = now() WHERE connection = $1 AND object = $2
         AND id = ANY($3::text[]) AND deleted_at IS NULL RETURNING 1) SELECT count(*) AS n FROM d`,
      [connection, object, ids.slice(i, i + CHUNK)],
    );
    n += rows[0]?.n ?? 0;
  }
  return n;
}

/** The live neutral records of one connection, grouped by object. */
export async function readMirror(db: Db, connection: string): Promise<Map<string, unknown[]>> {
  const { rows } = await db.query<{ object: string; id: string; data: unknown }>(
    'SELECT object, id, data FROM mirror WHERE connection = $1 AND deleted_at IS NULL ORDER BY object, id',
    [connection],
  );
  const out = new Map<string, unknown[]>();
  for (const r of rows) {
    let list = out.get(r.object);
    if (!list) out.set(r.object, (list = []));
    list.push(r.data);
  }
  return out;
}
