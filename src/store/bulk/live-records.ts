/**
 * The live records of one object, read as COPY text and parsed here: the portfolio of a run
 * that did not read a source again (`sync/unchanged-source.ts`) is read back whole, and rows as
 * objects cost several times more (each `jsonb` value parsed by the driver, row by row). Read in
 * pages by id, so no page's text comes near V8's string limit however many records there are.
 * Same records as `readMirror` in `../mirror.ts`, in no particular order.
 */
import type { Db } from '../db.js';
import { parseCopyField } from './copy-text.js';

/** Records a page: about 50 MB of text for the widest neutral records. */
const PAGE = 100_000;

export async function bulkLiveRecords(
  db: Db,
  connection: string,
  object: string,
  page = PAGE,
): Promise<[id: string, record: unknown][]> {
  const out: [string, unknown][] = [];
  let after: string | undefined;
  for (;;) {
    const text = await db.transaction(async (tx) => {
      // COPY takes no parameters: pass them as transaction-local settings.
      await tx.query(
        `SELECT set_config('headroom.copy_connection', $1, true),
                set_config('headroom.copy_object', $2, true),
                set_config('headroom.copy_after', $3, true)`,
        [connection, object, after ?? ''],
      );
      return tx.copyOut(
        `SELECT id, data FROM mirror WHERE connection = current_setting('headroom.copy_connection')
         AND object = current_setting('headroom.copy_object') AND deleted_at IS NULL
         ${after === undefined ? '' : "AND id > current_setting('headroom.copy_after')"}
         ORDER BY id LIMIT ${page}`,
      );
    });
    let rows = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      const id = parseCopyField(text.slice(start, tab))!;
      out.push([id, JSON.parse(parseCopyField(text.slice(tab + 1, end))!)]);
      after = id;
      rows++;
      start = end + 1;
    }
    if (rows < page) return out;
  }
}
