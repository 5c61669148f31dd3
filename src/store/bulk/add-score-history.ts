/**
 * Score history rows appended with one COPY (the table is append-only: nothing to merge).
 * Same rows, in the same order, as `addScoreHistory` in `../score-history.ts`.
 */
import type { Db } from '../db.js';
import type { ScoreHistoryRow } from '../score-history.js';
import { CopyRows } from './copy-text.js';

const COLUMNS = [
  'connection',
  'opportunity_id',
  'run_id',
  'as_of',
  'scores',
  'composite',
  'tier',
  'data_hash',
  'settings_version',
  'cause',
] as const;

export async function bulkAddScoreHistory(
  db: Db,
  connection: string,
  rows: readonly ScoreHistoryRow[],
): Promise<number> {
  return db.copyIn(
    'score_history',
    COLUMNS,
    new CopyRows(
      rows.map((r) => [
        connection,
        r.opportunityId,
        r.runId,
        r.asOf,
        JSON.stringify(r.scores),
        r.scores.composite,
        r.tier,
        r.dataHash,
        r.settingsVersion,
        r.cause,
      ]),
    ),
  );
}
