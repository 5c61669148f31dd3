/**
 * Account summaries (the `accounts.json` items) as of the latest run, written only when changed.
 */
import type { AccountSummary } from '../model/output.js';
import type { Db } from './db.js';
import { hashValue } from './hash.js';

/** Save the run's summaries; returns how many changed. Accounts gone from the run are removed.
 * With `scope`, the run analyzed those accounts only: the others' summaries stand. */
export async function saveSummaries(
  db: Db,
  connection: string,
  runId: number,
  summaries: AccountSummary[],
  scope?: readonly string[],
): Promise<number> {
  const { rows } = await db.query<{ account_id: string; hash: string }>(
    `SELECT account_id, hash FROM account_summaries WHERE connection = $1
     ${scope ? 'AND account_id = ANY($2::text[])' : ''}`,
    scope ? [connection, scope] : [connection],
  );
  const old = new Map(rows.map((r) => [r.account_id, r.hash]));
  const changed = summaries
    .map((s) => ({ s, hash: hashValue(s) }))
    .filter(({ s, hash }) => old.get(s.accountId) !== hash);
  for (let i = 0; i < changed.length; i += 2000) {
    const c = changed.slice(i, i + 2000);
    await db.query(
      `INSERT INTO account_summaries (connection, account_id, data, hash, run_id)
       SELECT $1, u.id, u.data::jsonb, u.hash, $2 FROM unnest($3::text[], $4::text[], $5::text[]) AS u(id, data, hash)
       ON CONFLICT (connection, account_id) DO UPDATE SET data = excluded.data, hash = excluded.hash, run_id = excluded.run_id`,
      [
        connection,
        runId,
        c.map((x) => x.s.accountId),
        c.map((x) => JSON.stringify(x.s)),
        c.map((x) => x.hash),
      ],
    );
  }
  const live = new Set(summaries.map((s) => s.accountId));
  const gone = [...old.keys()].filter((id) => !live.has(id));
  if (gone.length) {
    await db.query(
      'DELETE FROM account_summaries WHERE connection = $1 AND account_id = ANY($2::text[])',
      [connection, gone],
    );
  }
  return changed.length;
}

/** What a connection's stored results hold: its accounts (and how many are red), the
 * opportunities its last analysis detected and how many of them are Tier 1 expansion. */
export async function resultFigures(
  db: Db,
  connection: string,
): Promise<{ accounts: number; red: number; opportunities: number; tier1Expansion: number }> {
  const { rows } = await db.query<{
    accounts: number;
    red: number;
    opportunities: number;
    tier1: number;
  }>(
    `SELECT
       (SELECT count(*)::int FROM account_summaries WHERE connection = $1) AS accounts,
       (SELECT count(*)::int FROM account_summaries WHERE connection = $1
          AND data->>'health' = 'red') AS red,
       (SELECT count(*)::int FROM opportunities WHERE connection = $1 AND closed_at IS NULL)
         AS opportunities,
       (SELECT count(*)::int FROM opportunities WHERE connection = $1 AND closed_at IS NULL
          AND tier = 1 AND category = 'expansion') AS tier1`,
    [connection],
  );
  const r = rows[0]!;
  return {
    accounts: r.accounts,
    red: r.red,
    opportunities: r.opportunities,
    tier1Expansion: r.tier1,
  };
}

export async function listSummaries(db: Db, connection?: string): Promise<AccountSummary[]> {
  const { rows } = await db.query<{ data: AccountSummary }>(
    `SELECT data FROM account_summaries WHERE ($1::text IS NULL OR connection = $1)
     ORDER BY (data->>'bestScore')::float8 DESC, account_id`,
    [connection ?? null],
  );
  return rows.map((r) => r.data);
}
