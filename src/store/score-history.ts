/**
 * Score history: one row each time an opportunity's scores change, saying why: its evidence
 * changed (`data`), the scoring settings changed (`settings`), both, or it is `new`.
 */
import type { Opportunity } from '../model/output.js';
import type { Db } from './db.js';

export type ScoreCause = 'new' | 'data' | 'settings' | 'data+settings';

export interface ScoreHistoryRow {
  opportunityId: string;
  runId: number;
  asOf: string;
  scores: Opportunity['scores'];
  tier: number;
  dataHash: string;
  settingsVersion: string;
  cause: ScoreCause;
}

export async function addScoreHistory(
  db: Db,
  connection: string,
  rows: ScoreHistoryRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const c = rows.slice(i, i + 2000);
    await db.query(
      `INSERT INTO score_history (connection, opportunity_id, run_id, as_of, scores, composite, tier, data_hash, settings_version, cause)
       SELECT $1, u.oid, u.run_id, u.as_of::date, u.scores::jsonb, u.composite, u.tier, u.dh, u.sv, u.cause
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::int[], $8::text[], $9::text[], $10::text[])
         AS u(oid, run_id, as_of, scores, composite, tier, dh, sv, cause)`,
      [
        connection,
        c.map((r) => r.opportunityId),
        c.map((r) => r.runId),
        c.map((r) => r.asOf),
        c.map((r) => JSON.stringify(r.scores)),
        c.map((r) => r.scores.composite),
        c.map((r) => r.tier),
        c.map((r) => r.dataHash),
        c.map((r) => r.settingsVersion),
        c.map((r) => r.cause),
      ],
    );
  }
}

/** One opportunity's score history, oldest first. */
export async function scoreHistory(
  db: Db,
  connection: string,
  opportunityId: string,
): Promise<ScoreHistoryRow[]> {
  const { rows } = await db.query<{
    opportunity_id: string;
    run_id: number;
    as_of: string;
    scores: Opportunity['scores'];
    tier: number;
    data_hash: string;
    settings_version: string;
    cause: ScoreCause;
  }>('SELECT * FROM score_history WHERE connection = $1 AND opportunity_id = $2 ORDER BY id', [
    connection,
    opportunityId,
  ]);
  return rows.map((r) => ({
    opportunityId: r.opportunity_id,
    runId: r.run_id,
    asOf: r.as_of,
    scores: r.scores,
    tier: r.tier,
    dataHash: r.data_hash,
    settingsVersion: r.settings_version,
    cause: r.cause,
  }));
}
