/**
 * Read queries the server needs that the store does not offer: accounts joined with their
 * mirrored record (owner, filters), one account's records and a page of a run's issues.
 * Opportunities are in opportunity-queries.ts. SQL only through the store's `Db.query`.
 */
import type { Db } from '../store/db.js';
import type { Account, AccountSummary, Contact, Issue } from '../model/index.js';

export interface AccountFilter {
  tier?: number | undefined;
  health?: string | undefined;
  /** Matches the owner's name, email or CRM id, case-insensitively. */
  owner?: string | undefined;
  readiness?: string | undefined;
  connection?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface AccountListItem extends AccountSummary {
  connection: string;
  owner?: Account['owner'];
}

/** Account summaries with their owner, best score first. */
export async function listAccounts(db: Db, f: AccountFilter = {}): Promise<AccountListItem[]> {
  const { rows } = await db.query<{
    connection: string;
    data: AccountSummary;
    owner: Account['owner'] | null;
  }>(
    `SELECT s.connection, s.data, a.data->'owner' AS owner
     FROM account_summaries s
     LEFT JOIN mirror a ON a.connection = s.connection AND a.object = 'account' AND a.account_id = s.account_id
       AND a.deleted_at IS NULL
     WHERE ($1::int IS NULL OR (s.data->>'bestTier')::int = $1)
       AND ($2::text IS NULL OR s.data->>'health' = $2)
       AND ($3::text IS NULL OR lower(a.data->'owner'->>'name') = lower($3) OR lower(a.data->'owner'->>'email') = lower($3)
            OR a.data->'owner'->>'id' = $3)
       AND ($4::text IS NULL OR s.data->>'readiness' = $4)
       AND ($5::text IS NULL OR s.connection = $5)
     ORDER BY (s.data->>'bestScore')::float8 DESC, s.account_id
     LIMIT $6 OFFSET $7`,
    [
      f.tier ?? null,
      f.health ?? null,
      f.owner ?? null,
      f.readiness ?? null,
      f.connection ?? null,
      f.limit ?? 500,
      f.offset ?? 0,
    ],
  );
  return rows.map((r) => ({
    ...r.data,
    connection: r.connection,
    ...(r.owner ? { owner: r.owner } : {}),
  }));
}

/**
 * The connections an id can belong to: ids are `<connection>:<crmId>`, so every prefix ending
 * before a `:` is a candidate. Filtering on them lets Postgres use the (connection, ...) keys.
 */
export function idConnections(id: string): string[] {
  const out: string[] = [];
  for (let i = id.indexOf(':'); i > 0; i = id.indexOf(':', i + 1)) out.push(id.slice(0, i));
  return out;
}

export interface AccountRecords {
  connection: string;
  summary?: AccountSummary;
  account?: Account;
  contacts: Contact[];
}

/** One account's summary, mirrored record and contacts; undefined when Headroom has never seen it. */
export async function accountRecords(
  db: Db,
  accountId: string,
): Promise<AccountRecords | undefined> {
  const { rows } = await db.query<{
    connection: string;
    summary: AccountSummary | null;
    account: Account | null;
  }>(
    `SELECT coalesce(s.connection, a.connection) AS connection, s.data AS summary, a.data AS account
     FROM (SELECT connection, data FROM account_summaries WHERE connection = ANY($2::text[]) AND account_id = $1) s
     FULL JOIN (SELECT connection, data FROM mirror
                WHERE connection = ANY($2::text[]) AND object = 'account' AND account_id = $1 AND deleted_at IS NULL) a
       ON a.connection = s.connection
     LIMIT 1`,
    [accountId, idConnections(accountId)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const contacts = await db.query<{ data: Contact }>(
    `SELECT data FROM mirror WHERE connection = $1 AND object = 'contact' AND account_id = $2 AND deleted_at IS NULL
     ORDER BY id`,
    [row.connection, accountId],
  );
  return {
    connection: row.connection,
    ...(row.summary ? { summary: row.summary } : {}),
    ...(row.account ? { account: row.account } : {}),
    contacts: contacts.rows.map((r) => r.data),
  };
}

/** A page of one run's issues and how many there are in all. */
export async function issuesPage(
  db: Db,
  runId: number,
  page: { limit: number; offset: number },
): Promise<{ total: number; issues: Issue[] }> {
  const [count, list] = await Promise.all([
    db.query<{ n: number }>('SELECT count(*) AS n FROM issues WHERE run_id = $1', [runId]),
    db.query<Record<string, unknown>>(
      'SELECT * FROM issues WHERE run_id = $1 ORDER BY id LIMIT $2 OFFSET $3',
      [runId, page.limit, page.offset],
    ),
  ]);
  const issues = list.rows.map((r): Issue => ({
    source: r.source as string,
    object: r.object as string,
    ...(r.record_id !== null ? { recordId: r.record_id as string } : {}),
    ...(r.row !== null ? { row: r.row as number } : {}),
    ...(r.field !== null ? { field: r.field as string } : {}),
    ...(r.value !== null ? { value: r.value } : {}),
    reason: r.reason as string,
    skipped: r.skipped as boolean,
  }));
  return { total: count.rows[0]?.n ?? 0, issues };
}
