/**
 * A staging table for one bulk statement: created empty for the transaction, loaded with COPY,
 * dropped at commit. The set-based statement that follows reads it like any table.
 */
import type { Db } from '../db.js';
import { CopyRows, type CopyValue } from './copy-text.js';

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
  // Staged text is read once and dropped: compressing a long value (a 3 KB document) would
  // cost more than loading it, so text columns are stored out of line as they are.
  const text = columns.filter(([, t]) => t === 'text');
  await tx.exec(
    `DROP TABLE IF EXISTS pg_temp.${name};
     CREATE TEMP TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DROP;
     ${text.length ? `ALTER TABLE pg_temp.${name} ${text.map(([c]) => `ALTER COLUMN ${c} SET STORAGE EXTERNAL`).join(', ')}` : ''}`,
  );
  return tx.copyIn(
    `pg_temp.${name}`,
    columns.map(([c]) => c),
    new CopyRows(rows),
  );
}
