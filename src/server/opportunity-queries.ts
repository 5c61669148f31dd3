/**
 * Opportunity queries the store does not offer: filtered lists (tier, type, category, health,
 * timing, paging), lookup by id, and the score histories of one account's opportunities in one
 * query. SQL only through the store's `Db.query`.
 */
import type { Opportunity } from '../model/index.js';
import type { Db } from '../store/db.js';
import {
  toOpportunityRow,
  type OpportunityRow,
  type OpportunityStatus,
} from '../store/opportunities.js';
import type { ScoreCause, ScoreHistoryRow } from '../store/score-history.js';

export interface OpportunityFilter {
  connection?: string | undefined;
  accountId?: string | undefined;
  status?: OpportunityStatus | undefined;
  tier?: number | undefined;
  type?: string | undefined;
  category?: string | undefined;
  health?: string | undefined;
  timing?: string | undefined;
  includeClosed?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

type RawOpportunity = Record<string, unknown> & { data: Opportunity };

/** Opportunities matching every given filter, best first (tier, then composite score). */
export async function findOpportunities(
  db: Db,
  f: OpportunityFilter = {},
): Promise<OpportunityRow[]> {
  const { rows } = await db.query<RawOpportunity>(
    `SELECT * FROM opportunities
     WHERE ($1::text IS NULL OR connection = $1) AND ($2::text IS NULL OR account_id = $2)
       AND ($3::text IS NULL OR status = $3) AND ($4::int IS NULL OR tier = $4)
       AND ($5::text IS NULL OR type = $5) AND ($6::text IS NULL OR category = $6)
       AND ($7::text IS NULL OR data->>'health' = $7) AND ($8::text IS NULL OR data->>'timing' = $8)
       AND ($9 OR closed_at IS NULL)
     ORDER BY tier, composite DESC, id LIMIT $10 OFFSET $11`,
    [
      f.connection ?? null,
      f.accountId ?? null,
      f.status ?? null,
      f.tier ?? null,
      f.type ?? null,
      f.category ?? null,
      f.health ?? null,
      f.timing ?? null,
      f.includeClosed ?? false,
      f.limit ?? 1000,
      f.offset ?? 0,
    ],
  );
  return rows.map(toOpportunityRow);
}

/** One opportunity by id. */
export async function getOpportunity(db: Db, id: string): Promise<OpportunityRow | undefined> {
  // Opportunity ids (src/scoring/opportunity-id.ts) do not carry the connection: search by id
  // alone. Accept/dismiss are rare human actions, so a scan of this one table is acceptable.
  const { rows } = await db.query<RawOpportunity>(
    'SELECT * FROM opportunities WHERE id = $1 ORDER BY connection LIMIT 1',
    [id],
  );
  return rows[0] && toOpportunityRow(rows[0]);
}

/** Score histories of several opportunities of one connection in one query, oldest first. */
export async function scoreHistories(
  db: Db,
  connection: string,
  ids: string[],
): Promise<Map<string, ScoreHistoryRow[]>> {
  const out = new Map<string, ScoreHistoryRow[]>();
  if (!ids.length) return out;
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT * FROM score_history WHERE connection = $1 AND opportunity_id = ANY($2::text[]) ORDER BY id',
    [connection, ids],
  );
  for (const r of rows) {
    const id = r.opportunity_id as string;
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push({
      opportunityId: id,
      runId: r.run_id as number,
      asOf: r.as_of as string,
      scores: r.scores as Opportunity['scores'],
      tier: r.tier as number,
      dataHash: r.data_hash as string,
      settingsVersion: r.settings_version as string,
      cause: r.cause as ScoreCause,
    });
  }
  return out;
}
