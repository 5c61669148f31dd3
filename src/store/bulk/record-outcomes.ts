/**
 * Outcomes recorded in bulk: staged with COPY, inserted in one statement that skips those
 * already recorded (the table's unique index), in the order given. Same rows as calling
 * `recordOutcome` in `../outcomes.ts` once per outcome; a sync learns thousands at a time.
 */
import type { Db } from '../db.js';
import type { Outcome } from '../outcomes.js';
import { stage } from './staging.js';

const COLUMNS = [
  ['n', 'int'],
  ['connection', 'text'],
  ['opportunity_id', 'text'],
  ['account_id', 'text'],
  ['type', 'text'],
  ['outcome', 'text'],
  ['amount', 'float8'],
  ['closed_at', 'date'],
  ['reason', 'text'],
  ['source', 'text'],
] as const;

/** Returns how many outcomes were new. */
export async function bulkRecordOutcomes(db: Db, outcomes: readonly Outcome[]): Promise<number> {
  if (!outcomes.length) return 0;
  return db.transaction(async (tx) => {
    await stage(
      tx,
      'outcome_stage',
      COLUMNS,
      outcomes.map((o, n) => [
        n,
        o.connection,
        o.opportunityId,
        o.accountId,
        o.type,
        o.outcome,
        o.amount,
        o.closedAt,
        o.reason,
        o.source,
      ]),
    );
    const { rows } = await tx.query<{ n: number }>(
      `WITH w AS (
         INSERT INTO outcomes (connection, opportunity_id, account_id, type, outcome, amount, closed_at, reason, source)
         SELECT connection, opportunity_id, account_id, type, outcome, amount, closed_at, reason, source
         FROM pg_temp.outcome_stage ORDER BY n
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM w`,
    );
    return rows[0]?.n ?? 0;
  });
}
