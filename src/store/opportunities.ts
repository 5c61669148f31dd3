/**
 * Opportunities as Headroom tracks them across runs: status set by people (kept), first and last
 * seen, when they stopped being detected, and the latest full contract `Opportunity` in `data`.
 */
import type { Opportunity } from '../model/output.js';
import type { Db } from './db.js';

export const OPPORTUNITY_STATUSES = [
  'open',
  'accepted',
  'dismissed',
  'converted',
  'won',
  'lost',
] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
/** Statuses a person (or an outcome) set for good: never reopened, never rewritten to the CRM. */
export const FINAL_STATUSES: ReadonlySet<OpportunityStatus> = new Set([
  'dismissed',
  'converted',
  'won',
  'lost',
]);

/** What the engine compares a fresh opportunity with. */
export interface OpportunityState {
  id: string;
  status: OpportunityStatus;
  contentHash: string;
  dataHash: string;
  settingsVersion: string;
  /** Absent where not read: the sync reads stored scores only for opportunities whose content
   * changed (`bulk/opportunity-states.ts`); unchanged content means unchanged scores. */
  scores?: Opportunity['scores'];
  tier: number;
  closedAt?: string;
}

/** The columns of a stored opportunity's state, as `opportunityStates` and
 * `bulk/opportunity-states.ts` read them (`scores` only where asked for). */
export interface OpportunityStateRow {
  id: string;
  status: OpportunityStatus;
  content_hash: string;
  data_hash: string;
  settings_version: string;
  scores?: Opportunity['scores'];
  tier: number;
  closed_at: Date | null;
}

export const stateFromRow = (r: OpportunityStateRow): OpportunityState => ({
  id: r.id,
  status: r.status,
  contentHash: r.content_hash,
  dataHash: r.data_hash,
  settingsVersion: r.settings_version,
  ...(r.scores !== undefined ? { scores: r.scores } : {}),
  tier: r.tier,
  ...(r.closed_at ? { closedAt: r.closed_at.toISOString() } : {}),
});

export async function opportunityStates(
  db: Db,
  connection: string,
): Promise<Map<string, OpportunityState>> {
  const { rows } = await db.query<OpportunityStateRow>(
    `SELECT id, status, content_hash, data_hash, settings_version, data->'scores' AS scores, tier, closed_at
     FROM opportunities WHERE connection = $1`,
    [connection],
  );
  return new Map(rows.map((r) => [r.id, stateFromRow(r)]));
}

export interface OpportunityWrite {
  opportunity: Opportunity;
  /** `JSON.stringify(opportunity)`, when the caller has just made it (to hash it): the
   * document is stored from it instead of being serialized again. */
  text?: string;
  contentHash: string;
  dataHash: string;
  settingsVersion: string;
}

/** Insert new opportunities and refresh changed ones (a closed one that is detected again is
 * open again unless a person closed it: status is never touched here). */
export async function saveOpportunities(
  db: Db,
  connection: string,
  asOf: string,
  items: OpportunityWrite[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const col = <T>(f: (w: OpportunityWrite) => T) => chunk.map(f);
    await db.query(
      `INSERT INTO opportunities (connection, id, account_id, type, category, first_seen, last_seen, data,
         content_hash, data_hash, settings_version, composite, tier)
       SELECT $1, u.id, u.account_id, u.type, u.category, $2::date, $2::date, u.data::jsonb, u.ch, u.dh, u.sv, u.composite, u.tier
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
         $11::float8[], $12::int[]) AS u(id, account_id, type, category, data, ch, dh, sv, composite, tier)
       ON CONFLICT (connection, id) DO UPDATE SET account_id = excluded.account_id, type = excluded.type,
         category = excluded.category, last_seen = excluded.last_seen, data = excluded.data,
         content_hash = excluded.content_hash, data_hash = excluded.data_hash,
         settings_version = excluded.settings_version, composite = excluded.composite, tier = excluded.tier,
         closed_at = NULL`,
      [
        connection,
        asOf,
        col((w) => w.opportunity.id),
        col((w) => w.opportunity.accountId),
        col((w) => w.opportunity.type),
        col((w) => w.opportunity.category),
        col((w) => JSON.stringify(w.opportunity)),
        col((w) => w.contentHash),
        col((w) => w.dataHash),
        col((w) => w.settingsVersion),
        col((w) => w.opportunity.scores.composite),
        col((w) => w.opportunity.tier),
      ],
    );
  }
}

/** Unchanged opportunities seen again: move last_seen only. */
export async function touchOpportunities(
  db: Db,
  connection: string,
  asOf: string,
  ids: string[],
): Promise<void> {
  if (ids.length) {
    await db.query(
      'UPDATE opportunities SET last_seen = $2::date WHERE connection = $1 AND id = ANY($3::text[]) AND last_seen < $2::date',
      [connection, asOf, ids],
    );
  }
}

/** Opportunities no longer detected. */
export async function closeOpportunities(db: Db, connection: string, ids: string[]): Promise<void> {
  if (ids.length) {
    await db.query(
      'UPDATE opportunities SET closed_at = now() WHERE connection = $1 AND id = ANY($2::text[]) AND closed_at IS NULL',
      [connection, ids],
    );
  }
}

/** Where people's decisions on a connection's opportunities stand (statuses set in the console
 * or read back from the CRM): it changes with every decision. A run's learning reads them. */
export async function decisionsDigest(db: Db, connection: string): Promise<string> {
  const { rows } = await db.query<{ n: number; at: Date | null }>(
    `SELECT count(*)::int AS n, max(status_changed_at) AS at FROM opportunities
     WHERE connection = $1 AND status_changed_at IS NOT NULL`,
    [connection],
  );
  const r = rows[0];
  return `${r?.n ?? 0}@${r?.at ? r.at.toISOString() : '-'}`;
}

/** A person (or the CRM read-back) changed an opportunity's status. */
export async function setOpportunityStatus(
  db: Db,
  connection: string,
  id: string,
  change: { status: OpportunityStatus; by: string; reason?: string },
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE opportunities SET status = $3, status_changed_by = $4, status_reason = $5, status_changed_at = now()
     WHERE connection = $1 AND id = $2 RETURNING id`,
    [connection, id, change.status, change.by, change.reason ?? null],
  );
  return rows.length > 0;
}

export interface OpportunityRow {
  connection: string;
  id: string;
  accountId: string;
  status: OpportunityStatus;
  statusReason?: string;
  firstSeen: string;
  lastSeen: string;
  closedAt?: string;
  composite: number;
  tier: number;
  data: Opportunity;
}

/** A row of the opportunities table as the rest of Headroom reads it. */
export function toOpportunityRow(r: Record<string, unknown>): OpportunityRow {
  return {
    connection: r.connection as string,
    id: r.id as string,
    accountId: r.account_id as string,
    status: r.status as OpportunityStatus,
    ...(r.status_reason ? { statusReason: r.status_reason as string } : {}),
    firstSeen: r.first_seen as string,
    lastSeen: r.last_seen as string,
    ...(r.closed_at ? { closedAt: (r.closed_at as Date).toISOString() } : {}),
    composite: r.composite as number,
    tier: r.tier as number,
    data: r.data as Opportunity,
  };
}

/** Opportunities, best first. Closed ones (no longer detected) only when asked. */
export async function listOpportunities(
  db: Db,
  filter: {
    connection?: string;
    status?: OpportunityStatus;
    accountId?: string;
    includeClosed?: boolean;
  } = {},
): Promise<OpportunityRow[]> {
  const { rows } = await db.query<Record<string, never>>(
    `SELECT * FROM opportunities WHERE ($1::text IS NULL OR connection = $1) AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR account_id = $3) AND ($4::boolean OR closed_at IS NULL)
     ORDER BY tier, composite DESC, id`,
    [
      filter.connection ?? null,
      filter.status ?? null,
      filter.accountId ?? null,
      filter.includeClosed ?? false,
    ],
  );
  return rows.map(toOpportunityRow);
}
