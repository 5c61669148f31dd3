/**
 * The portfolio of a run from what its pull left in memory (`pulled.ts`), without reading the
 * whole mirror back. The result is the one `buildPortfolio` reads from the mirror after the same
 * pull: the same live records in the same order (by source id). From the mirror come only the
 * live records the pull did not map: all of an incremental pull's unchanged ones, a record that
 * failed to map this time (the mirror keeps its last good version), objects not pulled at all
 * (not in the mapping, or a source unchanged since it was last read: `unchanged-source.ts`).
 */
import { NEUTRAL_OBJECTS, type NeutralObject, type Portfolio } from '../model/records.js';
import { bulkLiveRecords } from '../store/bulk/live-records.js';
import type { Db } from '../store/db.js';
import { addSeatHistory, portfolioOf } from './portfolio.js';
import type { Pulled } from './pulled.js';

type Entry = [id: string, record: unknown];

/** Records read back by id, past which the whole object is read instead. */
const BY_ID = 5_000;

/** Mirror order: the mirror sorts by id in the C collation, which is code-unit order here. */
const byId = (a: Entry, b: Entry) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

async function readLive(
  db: Db,
  connection: string,
  object: NeutralObject,
  ids: readonly string[],
): Promise<Entry[]> {
  const { rows } = await db.query<{ id: string; data: unknown }>(
    `SELECT m.id, m.data FROM mirror m JOIN unnest($3::text[]) AS w(id) ON w.id = m.id
     WHERE m.connection = $1 AND m.object = $2 AND m.deleted_at IS NULL`,
    [connection, object, ids],
  );
  return rows.map((r): Entry => [r.id, r.data]);
}

/** The live records of one object once the run's pull is applied: the pulled ones in memory,
 * the rest from the mirror (all of it without a view), in mirror order. */
export async function liveRecords(
  db: Db,
  connection: string,
  object: NeutralObject,
  view: Pulled | undefined,
): Promise<unknown[]> {
  if (!view) return (await bulkLiveRecords(db, connection, object)).sort(byId).map((e) => e[1]);
  const missing = [...view.unmapped];
  // Most of the object not in memory (rows the pull did not map again): read it all at once.
  // Once the pull is written the mirror holds what it mapped too; its deletions are left out.
  if (missing.length > BY_ID)
    return (await bulkLiveRecords(db, connection, object))
      .filter(([id]) => view.records.has(id) || view.unmapped.has(id))
      .sort(byId)
      .map((e) => e[1]);
  const entries: Entry[] = [...view.records];
  if (missing.length) entries.push(...(await readLive(db, connection, object, missing)));
  return entries.sort(byId).map((e) => e[1]);
}

/** The run's portfolio: pulled records, the rest of the live mirror, seat history. */
export async function portfolioFromPull(
  db: Db,
  connection: string,
  asOf: string,
  views: readonly Pulled[],
  /** The accounts of the day's snapshot, when it is not taken yet (`addSeatHistory`). */
  pending?: readonly string[],
): Promise<Portfolio> {
  const lists = new Map<string, unknown[]>();
  for (const object of NEUTRAL_OBJECTS) {
    const records = await liveRecords(
      db,
      connection,
      object,
      views.find((v) => v.object === object),
    );
    if (records.length) lists.set(object, records);
  }
  return addSeatHistory(db, connection, asOf, portfolioOf(lists), undefined, pending);
}
