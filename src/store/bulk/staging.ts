/**
 * A staging table for one bulk statement: created empty for the transaction, loaded with COPY,
 * dropped at commit. The set-based statement that follows reads it like any table.
 */
import type { Db } from '../db.js';
import { copyLine, type CopyValue } from './copy-text.js';

/**
 * Create `pg_temp.<name>` with `columns` (`name type` pairs), load `rows` into it and return
 * how many were loaded. Call inside `db.transaction`: the table lives on that connection and
 * goes at commit.
 */
export async function stage(
  tx: Db,
  name: string,
  columns: readonly (readonly [string, string])[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  await tx.exec(
    `DROP TABLE IF EXISTS pg_temp.${name};
     CREATE TEMP TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DROP`,
  );
  const lines: string[] = [];
  for (const row of rows) lines.push(copyLine(row));
  return tx.copyIn(
    `pg_temp.${name}`,
    columns.map(([c]) => c),
    lines,
  );
}
