/**
 * Outcomes: what became of an opportunity (won, lost, dismissed) and expansions that happened
 * without one (missed). Recording the same outcome twice is a no-op.
 */
import type { Db } from './db.js';

export interface Outcome {
  connection: string;
  opportunityId?: string;
  accountId: string;
  type: string;
  outcome: 'won' | 'lost' | 'dismissed' | 'missed';
  amount?: number;
  closedAt: string;
  reason?: string;
  /** Where it was learned: `crm`, `deal:<id>`, `console`. */
  source: string;
}

/** Returns true when the outcome was new. */
export async function recordOutcome(db: Db, o: Outcome): Promise<boolean> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO outcomes (connection, opportunity_id, account_id, type, outcome, amount, closed_at, reason, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [
      o.connection,
      o.opportunityId ?? null,
      o.accountId,
      o.type,
      o.outcome,
      o.amount ?? null,
      o.closedAt,
      o.reason ?? null,
      o.source,
    ],
  );
  return rows.length > 0;
}

export async function listOutcomes(
  db: Db,
  filter: { connection?: string; since?: string } = {},
): Promise<Outcome[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM outcomes WHERE ($1::text IS NULL OR connection = $1) AND ($2::date IS NULL OR closed_at >= $2::date)
     ORDER BY closed_at, id`,
    [filter.connection ?? null, filter.since ?? null],
  );
  return rows.map((r) => ({
    connection: r.connection as string,
    ...(r.opportunity_id !== null ? { opportunityId: r.opportunity_id as string } : {}),
    accountId: r.account_id as string,
    type: r.type as string,
    outcome: r.outcome as Outcome['outcome'],
    ...(r.amount !== null ? { amount: r.amount as number } : {}),
    closedAt: r.closed_at as string,
    ...(r.reason !== null ? { reason: r.reason as string } : {}),
    source: r.source as string,
  }));
}
