/**
 * The portfolio of some accounts: each with all its live records as the mirror holds them once
 * the run's pull is written (its pending deletions left out, as `applyPull` will apply them),
 * and their seat history from the snapshots. These are the records the whole portfolio gives
 * these accounts, in the same order (by source id), so each account scores exactly as it does
 * in a run over everything (`changed-accounts.ts`). One indexed read per object
 * (`mirror_account_idx`), however large the portfolio.
 */
import { NEUTRAL_OBJECTS, type NeutralObject, type Portfolio } from '../model/records.js';
import type { Db } from '../store/db.js';
import { addSeatHistory, portfolioOf } from './portfolio.js';

/** Mirror order: the C collation's, code-unit order here. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function sharePortfolio(
  db: Db,
  connection: string,
  asOf: string,
  accountIds: readonly string[],
  /** Per object, the ids the run's pull will delete. */
  deleting: ReadonlyMap<NeutralObject, readonly string[]>,
  /** Only these objects (and no seat history): what a narrative of the accounts reads. */
  only?: readonly NeutralObject[],
): Promise<Portfolio> {
  const lists = new Map<string, unknown[]>();
  for (const object of only ?? NEUTRAL_OBJECTS) {
    // As text, parsed here: a document parsed by the driver and handed across from the
    // database's thread costs several times more.
    const { rows: texts } = await db.query<{ id: string; data: string }>(
      `SELECT id, data::text AS data FROM mirror WHERE connection = $1 AND object = $2
       AND account_id = ANY($3::text[]) AND deleted_at IS NULL`,
      [connection, object, accountIds],
    );
    const rows = texts.map((r) => ({ id: r.id, data: JSON.parse(r.data) as unknown }));
    const gone = new Set(deleting.get(object) ?? []);
    const live = gone.size ? rows.filter((r) => !gone.has(r.id)) : rows;
    if (live.length)
      lists.set(
        object,
        live.sort(byId).map((r) => r.data),
      );
  }
  if (only) return portfolioOf(lists);
  return addSeatHistory(db, connection, asOf, portfolioOf(lists), accountIds);
}
