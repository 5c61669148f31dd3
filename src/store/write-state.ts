/**
 * What was last written to the CRM, per write-back section (`account`, `opportunity`, `task`) and
 * record key: the CRM id and a hash per field. The next plan diffs against it, so an unchanged
 * re-sync writes nothing, and a run stopped mid-write resumes where it stopped.
 */
import type { Db } from './db.js';

export interface WriteStateRow {
  key: string;
  crmId?: string;
  fieldHashes: Record<string, string>;
}

/** key -> last written state, for one section of one connection. */
export async function writeStates(
  db: Db,
  connection: string,
  object: string,
): Promise<Map<string, WriteStateRow>> {
  const { rows } = await db.query<{
    key: string;
    crm_id: string | null;
    field_hashes: Record<string, string>;
  }>('SELECT key, crm_id, field_hashes FROM write_state WHERE connection = $1 AND object = $2', [
    connection,
    object,
  ]);
  return new Map(
    rows.map((r) => [
      r.key,
      { key: r.key, fieldHashes: r.field_hashes, ...(r.crm_id ? { crmId: r.crm_id } : {}) },
    ]),
  );
}

/** Record successful writes (merging field hashes: a partial write keeps the others). */
export async function recordWrites(
  db: Db,
  connection: string,
  object: string,
  runId: number,
  rows: WriteStateRow[],
): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO write_state (connection, object, key, crm_id, field_hashes, run_id)
     SELECT $1, $2, u.key, u.crm_id, u.fh::jsonb, $3 FROM unnest($4::text[], $5::text[], $6::text[]) AS u(key, crm_id, fh)
     ON CONFLICT (connection, object, key) DO UPDATE SET crm_id = coalesce(excluded.crm_id, write_state.crm_id),
       field_hashes = write_state.field_hashes || excluded.field_hashes, written_at = now(), run_id = excluded.run_id`,
    [
      connection,
      object,
      runId,
      rows.map((r) => r.key),
      rows.map((r) => r.crmId ?? null),
      rows.map((r) => JSON.stringify(r.fieldHashes)),
    ],
  );
}
