/**
 * The records behind the light account view (embedded in the CRMs): summary, mirrored account
 * and live opportunities of MANY accounts in one query on the (connection, account_id) keys,
 * so concurrent record-page loads share round trips (see batch-loader.ts).
 */
import type { Account, AccountSummary, Opportunity } from '../model/index.js';
import type { Db } from '../store/db.js';
import type { OpportunityRow, OpportunityStatus } from '../store/opportunities.js';
import { idConnections } from './queries.js';

export interface LightRecords {
  connection: string;
  summary?: AccountSummary;
  account?: Account;
  opportunities: OpportunityRow[];
}

interface JsonOpportunity {
  id: string;
  status: OpportunityStatus;
  status_reason: string | null;
  first_seen: string;
  last_seen: string;
  composite: number;
  tier: number;
  data: Opportunity;
}

/** Light records of many accounts in one query; accounts Headroom has not seen are absent. */
export async function lightAccountRecords(
  db: Db,
  accountIds: string[],
): Promise<Map<string, LightRecords>> {
  const pairs = accountIds.flatMap((id) => idConnections(id).map((c) => [id, c] as const));
  const { rows } = await db.query<{
    account_id: string;
    connection: string;
    summary: AccountSummary | null;
    account: Account | null;
    opps: JsonOpportunity[] | null;
  }>(
    `SELECT k.account_id, k.connection, s.data AS summary, a.data AS account,
       (SELECT json_agg(json_build_object('id', o.id, 'status', o.status, 'status_reason', o.status_reason,
                 'first_seen', o.first_seen, 'last_seen', o.last_seen, 'composite', o.composite, 'tier', o.tier,
                 'data', o.data) ORDER BY o.tier, o.composite DESC, o.id)
        FROM opportunities o WHERE o.connection = k.connection AND o.account_id = k.account_id AND o.closed_at IS NULL) AS opps
     FROM unnest($1::text[], $2::text[]) AS k(account_id, connection)
     LEFT JOIN account_summaries s ON s.connection = k.connection AND s.account_id = k.account_id
     LEFT JOIN mirror a ON a.connection = k.connection AND a.object = 'account' AND a.account_id = k.account_id
       AND a.deleted_at IS NULL
     WHERE s.data IS NOT NULL OR a.data IS NOT NULL`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  const out = new Map<string, LightRecords>();
  for (const r of rows) {
    if (out.has(r.account_id)) continue;
    out.set(r.account_id, {
      connection: r.connection,
      ...(r.summary ? { summary: r.summary } : {}),
      ...(r.account ? { account: r.account } : {}),
      opportunities: (r.opps ?? []).map((o) => ({
        connection: r.connection,
        id: o.id,
        accountId: r.account_id,
        status: o.status,
        ...(o.status_reason ? { statusReason: o.status_reason } : {}),
        firstSeen: o.first_seen,
        lastSeen: o.last_seen,
        composite: o.composite,
        tier: o.tier,
        data: o.data,
      })),
    });
  }
  return out;
}
