/**
 * The mirror's bulk write: the changed records of one object staged with COPY, then one
 * `INSERT ... ON CONFLICT` for all of them. The caller has already dropped the records whose
 * hash is unchanged (see `sync/pull.ts`), so an unchanged re-sync sends nothing here.
 */
import type { Db } from '../db.js';
import { stage } from './staging.js';

/** A changed record with its neutral JSON already written (`stableStringify`, hashed once). */
export interface MirrorText {
  id: string;
  accountId?: string | undefined;
  /** The record as JSON text; stored as jsonb. */
  json: string;
  hash: string;
  /** Digest of the source row it was mapped from (`sync/unchanged-rows.ts`); absent when
   * mapping it raised an issue. */
  rawHash?: string | undefined;
}

const COLUMNS = [
  ['id', 'text'],
  ['account_id', 'text'],
  ['data', 'text'],
  ['hash', 'text'],
  ['raw_hash', 'text'],
] as const;

/** Insert or replace records (a deleted record that comes back is revived). Returns rows
 * written. Same rows as `upsertMirror` in `../mirror.ts`, in two statements for any count. */
export async function bulkUpsertMirror(
  db: Db,
  connection: string,
  object: string,
  runId: number,
  records: readonly MirrorText[],
): Promise<number> {
  if (!records.length) return 0;
  return db.transaction(async (tx) => {
    await stage(
      tx,
      'mirror_stage',
      COLUMNS,
      records.map((r) => [r.id, r.accountId, r.json, r.hash, r.rawHash]),
    );
    const { rows } = await tx.query<{ n: number }>(
      `WITH w AS (
         INSERT INTO mirror (connection, object, id, account_id, data, hash, raw_hash, seen_run)
         SELECT $1, $2, s.id, s.account_id, s.data::jsonb, s.hash, s.raw_hash, $3
         FROM pg_temp.mirror_stage s
         ON CONFLICT (connection, object, id) DO UPDATE SET account_id = excluded.account_id,
           data = excluded.data, hash = excluded.hash, raw_hash = excluded.raw_hash,
           seen_run = excluded.seen_run,
           updated_at = now(), deleted_at = NULL
         RETURNING 1)
       SELECT count(*) AS n FROM w`,
      [connection, object, runId],
    );
    return rows[0]?.n ?? 0;
  });
}
