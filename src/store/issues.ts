/**
 * Per-record issues found on the way in, kept with the run that found them.
 */
import type { Issue } from '../model/output.js';
import type { Db } from './db.js';

export async function addIssues(
  db: Db,
  connection: string,
  runId: number,
  issues: Issue[],
): Promise<void> {
  for (let i = 0; i < issues.length; i += 2000) {
    const c = issues.slice(i, i + 2000);
    await db.query(
      `INSERT INTO issues (run_id, connection, source, object, record_id, row, field, value, reason, skipped)
       SELECT $1, $2, u.source, u.object, u.record_id, u.row, u.field, u.value::jsonb, u.reason, u.skipped
       FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::boolean[])
         AS u(source, object, record_id, row, field, value, reason, skipped)`,
      [
        runId,
        connection,
        c.map((x) => x.source),
        c.map((x) => x.object),
        c.map((x) => x.recordId ?? null),
        c.map((x) => x.row ?? null),
        c.map((x) => x.field ?? null),
        c.map((x) => (x.value === undefined ? null : JSON.stringify(x.value))),
        c.map((x) => x.reason),
        c.map((x) => x.skipped),
      ],
    );
  }
}

/** The issues of one run, in the order found. */
export async function runIssues(db: Db, runId: number): Promise<Issue[]> {
  const { rows } = await db.query<{
    source: string;
    object: string;
    record_id: string | null;
    row: number | null;
    field: string | null;
    value: unknown;
    reason: string;
    skipped: boolean;
  }>('SELECT * FROM issues WHERE run_id = $1 ORDER BY id', [runId]);
  return rows.map((r) => ({
    source: r.source,
    object: r.object,
    ...(r.record_id !== null ? { recordId: r.record_id } : {}),
    ...(r.row !== null ? { row: r.row } : {}),
    ...(r.field !== null ? { field: r.field } : {}),
    ...(r.value !== null ? { value: r.value } : {}),
    reason: r.reason,
    skipped: r.skipped,
  }));
}
