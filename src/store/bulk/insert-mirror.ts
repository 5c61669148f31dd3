/**
 * The mirror's first load of one object: when the mirror holds no row of it at all (not even a
 * deleted one), nothing can conflict, so the records go straight into the table with one COPY,
 * without the staging table and `INSERT ... ON CONFLICT` of `upsert-mirror.ts` (which costs
 * about as much again: 28 against 16 µs a row on PGlite). Same rows as `bulkUpsertMirror` for
 * records the mirror has never seen.
 */
import type { Db } from '../db.js';
import { CopyRows } from './copy-text.js';
import type { MirrorText } from './upsert-mirror.js';

const COLUMNS = [
  'connection',
  'object',
  'id',
  'account_id',
  'data',
  'hash',
  'raw_hash',
  'seen_run',
];

/** True when the mirror has never held a record of this object for this connection. */
export async function mirrorHoldsNone(
  db: Db,
  connection: string,
  object: string,
): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM mirror WHERE connection = $1 AND object = $2 LIMIT 1',
    [connection, object],
  );
  return rows.length === 0;
}

/** Insert records whose ids the mirror does not hold (a duplicate id fails the whole COPY, so
 * call it only after `mirrorHoldsNone` and with ids not written before). Returns rows written. */
export async function bulkInsertMirror(
  db: Db,
  connection: string,
  object: string,
  runId: number,
  records: readonly MirrorText[],
): Promise<number> {
  if (!records.length) return 0;
  const rows = new CopyRows();
  for (const r of records)
    rows.add([connection, object, r.id, r.accountId, r.json, r.hash, r.rawHash, runId]);
  return db.transaction((tx) => tx.copyIn('mirror', COLUMNS, rows));
}
