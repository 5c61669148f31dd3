/**
 * The stored opportunities a run compares its own with, read without their documents: `data`
 * is an opportunity's full contract record (about 3 KB, compressed out of line), and reading
 * `data->'scores'` for every row decompresses all of them. Scores are read only for the rows
 * whose content changed (`storedScores`), the only ones whose scores can differ.
 */
import type { Opportunity } from '../../model/output.js';
import type { Db } from '../db.js';
import { stateFromRow, type OpportunityState, type OpportunityStateRow } from '../opportunities.js';

/** Every stored opportunity of a connection (or of the given accounts), without `scores`. */
export async function bulkOpportunityStates(
  db: Db,
  connection: string,
  accountIds?: readonly string[],
): Promise<Map<string, OpportunityState>> {
  const { rows } = await db.query<OpportunityStateRow>(
    `SELECT id, status, content_hash, data_hash, settings_version, tier, closed_at
     FROM opportunities WHERE connection = $1
     ${accountIds ? 'AND account_id = ANY($2::text[])' : ''}`,
    accountIds ? [connection, accountIds] : [connection],
  );
  return new Map(rows.map((r) => [r.id, stateFromRow(r)]));
}

/** Stored opportunities the last analysis detected (not closed): what the guard compares with. */
export async function openOpportunityCount(db: Db, connection: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM opportunities WHERE connection = $1 AND closed_at IS NULL',
    [connection],
  );
  return rows[0]?.n ?? 0;
}

/** The stored scores of the given opportunities. */
export async function storedScores(
  db: Db,
  connection: string,
  ids: readonly string[],
): Promise<Map<string, Opportunity['scores']>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<{ id: string; scores: Opportunity['scores'] }>(
    `SELECT o.id, o.data->'scores' AS scores FROM opportunities o
     JOIN unnest($2::text[]) AS w(id) ON w.id = o.id WHERE o.connection = $1`,
    [connection, ids],
  );
  return new Map(rows.map((r) => [r.id, r.scores]));
}
