/**
 * Account summaries (the `accounts.json` items) as of the latest run, written only when changed.
 */
import type { AccountSummary } from '../model/output.js';
import type { Db } from './db.js';
import { hashValue } from './hash.js';

/** Save the run's summaries; returns how many changed. Accounts gone from the run are removed. */
export async function saveSummaries(
  db: Db,
  connection: string,
  runId: number,
  summaries: AccountSummary[],
): Promise<number> {
  const { rows } = await db.query<{ account_id: string; hash: string }>(
    'SELECT account_id, hash FROM account_summaries WHERE connection = $1',
    [connection],
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

export async function listSummaries(db: Db, connection?: string): Promise<AccountSummary[]> {
  const { rows } = await db.query<{ data: AccountSummary }>(
    `SELECT data FROM account_summaries WHERE ($1::text IS NULL OR connection = $1)
     ORDER BY (data->>'bestScore')::float8 DESC, account_id`,
    [connection ?? null],
  );
  return rows.map((r) => r.data);
}
