/**
 * Opportunities the store has never held (every one, on a first run) go straight into the
 * table with COPY: nothing can conflict, so the staging table and `INSERT ... ON CONFLICT` of
 * `save-opportunities.ts` are not needed. Same rows as `bulkSaveOpportunities` for new ids:
 * open, first and last seen on `asOf`.
 */
import type { Db } from '../db.js';
import { CopyRows } from './copy-text.js';
import { CHUNK, COLUMNS, opportunityValues, type OpportunityWrite } from './save-opportunities.js';

const TABLE_COLUMNS = ['connection', 'first_seen', 'last_seen', ...COLUMNS.map(([c]) => c)];

/** Insert opportunities whose ids the store does not hold (one already there fails the whole
 * call: nothing is half-written). */
export async function bulkInsertOpportunities(
  db: Db,
  connection: string,
  asOf: string,
  items: readonly OpportunityWrite[],
): Promise<void> {
  if (!items.length) return;
  await db.transaction(async (tx) => {
    // Serialized a chunk at a time, as `bulkSaveOpportunities` does: the documents of a first
    // run at 100k accounts (about 1 GB) never sit in memory at once.
    for (let i = 0; i < items.length; i += CHUNK) {
      const rows = new CopyRows();
      for (const w of items.slice(i, i + CHUNK))
        rows.add([connection, asOf, asOf, ...opportunityValues(w)]);
      await tx.copyIn('opportunities', TABLE_COLUMNS, rows);
    }
  });
}
