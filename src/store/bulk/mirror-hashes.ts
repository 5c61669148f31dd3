/**
 * The hashes a pull compares each record with, read as COPY text: a run reads one hash per
 * mirrored record (millions at 100k accounts), and rows as objects cost several times more
 * than the text. Same map as `mirrorHashes` in `../mirror.ts`.
 */
import type { Db } from '../db.js';
import { parseCopyText } from './copy-text.js';

/** id -> hash of the live (not deleted) records of one object; with `rows`, also id -> the
 * digest of the source row each was mapped from, where it has one (`sync/unchanged-rows.ts`). */
export async function bulkMirrorHashes(
  db: Db,
  connection: string,
  object: string,
  rows?: Map<string, string>,
): Promise<Map<string, string>> {
  const text = await db.transaction(async (tx) => {
    // COPY takes no parameters: pass them as transaction-local settings.
    await tx.query(
      "SELECT set_config('headroom.copy_connection', $1, true), set_config('headroom.copy_object', $2, true)",
      [connection, object],
    );
    return tx.copyOut(
      `SELECT id, hash${rows ? ', raw_hash' : ''} FROM mirror
       WHERE connection = current_setting('headroom.copy_connection')
       AND object = current_setting('headroom.copy_object') AND deleted_at IS NULL`,
    );
  });
  const out = new Map<string, string>();
  for (const [id, hash, raw] of parseCopyText(text)) {
    out.set(id!, hash!);
    if (rows && raw) rows.set(id!, raw);
  }
  return out;
}
