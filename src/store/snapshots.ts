/**
 * Daily snapshots per account (seats, latest usage per metric, health), taken from the mirror in
 * SQL so no row crosses the wire. A CRM keeps current values only; these rows are the history
 * that trends such as "80%+ seat utilization sustained two weeks" need.
 */
import type { Db } from './db.js';

/** The snapshot columns of one account, from the mirror. */
const SNAPSHOT = `SELECT a.connection, a.account_id, $2::date, a.data->'seats', coalesce(u.usage, '{}'::jsonb), a.data->'health'
       FROM mirror a
       LEFT JOIN LATERAL (
         SELECT jsonb_object_agg(x.metric, jsonb_strip_nulls(jsonb_build_object('value', x.value, 'limit', x.lim, 'date', x.d))) AS usage
         FROM (
           SELECT DISTINCT ON (m.data->>'metric') m.data->>'metric' AS metric, m.data->'value' AS value,
             m.data->'limit' AS lim, m.data->>'date' AS d
           FROM mirror m
           WHERE m.connection = a.connection AND m.object = 'usage' AND m.account_id = a.account_id
             AND m.deleted_at IS NULL AND m.data->>'date' <= $4
           ORDER BY m.data->>'metric', m.data->>'date' DESC
         ) x
       ) u ON true`;

/**
 * Snapshot `day` for the accounts of `connection` whose account or usage records the run
 * changed (`changed`), and for those without a snapshot of that day yet (one join, not a look
 * per account). The accounts are looked up by id from those two lists: at 100k accounts, a
 * re-sync that changed 1,000 of them took 1 s filtering every account against the lists, a third
 * of that now (the join that finds accounts without a snapshot is the rest). Returns rows
 * written.
 */
export async function snapshotAccounts(
  db: Db,
  connection: string,
  day: string,
  changed: readonly string[],
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH ${targets('$3')},
     w AS (
       INSERT INTO snapshots (connection, account_id, day, seats, usage, health)
       ${SNAPSHOT}
       JOIN targets t ON t.account_id = a.account_id
       WHERE a.connection = $1 AND a.object = 'account' AND a.deleted_at IS NULL
       ON CONFLICT (connection, account_id, day) DO UPDATE
         SET seats = excluded.seats, usage = excluded.usage, health = excluded.health
       RETURNING 1)
     SELECT count(*) AS n FROM w`,
    [connection, day, changed, day],
  );
  return rows[0]?.n ?? 0;
}

/** The accounts a snapshot of day `$2` is taken of: those changed (the text array `changed`)
 * and the live ones without a snapshot of that day. */
const targets = (changed: string) => `missing AS (
       SELECT a.account_id FROM mirror a
       LEFT JOIN snapshots s ON s.connection = a.connection AND s.account_id = a.account_id
         AND s.day = $2::date
       WHERE a.connection = $1 AND a.object = 'account' AND a.deleted_at IS NULL
         AND s.account_id IS NULL),
     targets AS (SELECT unnest(${changed}::text[]) AS account_id UNION SELECT account_id FROM missing)`;

export interface SeatSnapshot {
  accountId: string;
  day: string;
  licensed: number;
  active: number;
}

/**
 * Seat snapshots of the `days` days up to and including `asOf`, oldest first (of the given
 * accounts only, when given). With `pending`, the history as it will be once the run's snapshot
 * of `asOf` is taken (`snapshotAccounts(db, connection, asOf, pending)`), read before it: the
 * seats of that day of the accounts it will write come from the mirror, as it writes them. A
 * run reads the history this way and takes the snapshot (seconds at 100k accounts, most of them
 * the latest usage per metric, which the history does not need) while it analyzes.
 */
export async function seatHistory(
  db: Db,
  connection: string,
  asOf: string,
  days = 120,
  accountIds?: readonly string[],
  pending?: readonly string[],
): Promise<SeatSnapshot[]> {
  const params: unknown[] = [connection, asOf, days];
  const only = accountIds ? `AND account_id = ANY($${params.push(accountIds)}::text[])` : '';
  const history = pending
    ? `WITH ${targets(`$${params.push(pending)}`)},
       fresh AS (
         SELECT a.account_id, a.data->'seats' AS seats FROM mirror a
         JOIN targets t ON t.account_id = a.account_id
         WHERE a.connection = $1 AND a.object = 'account' AND a.deleted_at IS NULL),
       h AS (
         SELECT account_id, day, seats FROM snapshots
         WHERE connection = $1 AND day <= $2::date AND day > $2::date - $3::int
           AND NOT (day = $2::date AND account_id IN (SELECT account_id FROM fresh))
         UNION ALL
         SELECT account_id, $2::date, seats FROM fresh)
       SELECT account_id, day, seats FROM h`
    : `SELECT account_id, day, seats FROM snapshots
       WHERE connection = $1 AND day <= $2::date AND day > $2::date - $3::int`;
  const { rows } = await db.query<{
    account_id: string;
    day: string;
    licensed: number;
    active: number;
  }>(
    `SELECT account_id, day, (seats->>'licensed')::int AS licensed, (seats->>'active')::int AS active
     FROM (${history}) x
     WHERE seats->>'licensed' IS NOT NULL AND seats->>'active' IS NOT NULL ${only}
     ORDER BY account_id, day`,
    params,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    day: r.day,
    licensed: r.licensed,
    active: r.active,
  }));
}
