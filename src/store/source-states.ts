/**
 * What a run took from a source it read in full: the key it read it under, its counts and its
 * issues (`migrations/005_source_states.sql`). `src/sync/unchanged-source.ts` decides with it.
 */
import type { Issue } from '../model/output.js';
import type { Db } from './db.js';

export interface SourceState {
  key: string;
  pulled: number;
  mapped: number;
  skipped: number;
  /** Live records of the object once that pull was applied. */
  live: number;
  issues: Issue[];
  runId: number;
}

export async function getSourceState(
  db: Db,
  connection: string,
  object: string,
): Promise<SourceState | undefined> {
  const { rows } = await db.query<{
    key: string;
    pulled: number;
    mapped: number;
    skipped: number;
    live: number;
    issues: string;
    run_id: number;
  }>(
    'SELECT key, pulled, mapped, skipped, live, issues, run_id FROM source_states WHERE connection = $1 AND object = $2',
    [connection, object],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    key: r.key,
    pulled: r.pulled,
    mapped: r.mapped,
    skipped: r.skipped,
    live: r.live,
    issues: JSON.parse(r.issues) as Issue[],
    runId: r.run_id,
  };
}

export async function setSourceState(
  db: Db,
  connection: string,
  object: string,
  state: SourceState,
): Promise<void> {
  await db.query(
    `INSERT INTO source_states (connection, object, key, pulled, mapped, skipped, live, issues, run_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (connection, object) DO UPDATE SET key = excluded.key, pulled = excluded.pulled,
       mapped = excluded.mapped, skipped = excluded.skipped, live = excluded.live,
       issues = excluded.issues, run_id = excluded.run_id, saved_at = now()`,
    [
      connection,
      object,
      state.key,
      state.pulled,
      state.mapped,
      state.skipped,
      state.live,
      JSON.stringify(state.issues),
      state.runId,
    ],
  );
}

/** Forget what was read from these objects' sources: the next run reads them again. */
export async function forgetSourceStates(
  db: Db,
  connection: string,
  objects: readonly string[],
): Promise<void> {
  if (objects.length)
    await db.query('DELETE FROM source_states WHERE connection = $1 AND object = ANY($2::text[])', [
      connection,
      objects,
    ]);
}
