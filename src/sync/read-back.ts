/**
 * Read back what people decided in the CRM before writing anything: the write-back object's
 * status field (mapping `writeBack.opportunity.status`), mapped to a Headroom status, with the
 * reason they gave when the mapping names a reason field. A person's final decision (dismissed,
 * converted, won, lost) is kept for good: never reopened, and the record is never rewritten.
 */
import type { Connector } from '../../connectors/types.js';
import { readPath } from '../mapping/apply.js';
import type { WriteBack } from '../mapping/schema.js';
import type { Db } from '../store/db.js';
import {
  FINAL_STATUSES,
  setOpportunityStatus,
  type OpportunityState,
  type OpportunityStatus,
} from '../store/opportunities.js';
import { recordOutcome } from '../store/outcomes.js';
import type { SyncLogger } from './types.js';

export async function readBackStatuses(args: {
  db: Db;
  connector: Connector;
  connection: string;
  writeBack: WriteBack;
  states: Map<string, OpportunityState>;
  asOf: string;
  log: SyncLogger;
}): Promise<number> {
  const target = args.writeBack.opportunity;
  if (!target?.status) return 0;
  const { field, map, reason } = target.status;
  const byValue = new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
  let changes = 0;
  for await (const page of args.connector.pull({
    object: target.to,
    fields: reason ? [target.key, field, reason] : [target.key, field],
  })) {
    for (const raw of page.records) {
      const key = readPath(raw.fields, target.key);
      const value = readPath(raw.fields, field);
      const state = typeof key === 'string' ? args.states.get(key) : undefined;
      if (!state || value === null || value === undefined) continue;
      const status: OpportunityStatus | undefined = byValue.get(String(value).toLowerCase());
      if (!status || status === state.status || FINAL_STATUSES.has(state.status)) continue;
      const why = reason ? readPath(raw.fields, reason) : undefined;
      const said = typeof why === 'string' && why.trim() ? `: ${why.trim()}` : '';
      await setOpportunityStatus(args.db, args.connection, state.id, {
        status,
        by: 'crm',
        reason: `${target.to}.${field} = ${String(value)}${said}`,
      });
      state.status = status;
      changes++;
      args.log.info(
        { connection: args.connection, opportunity: state.id, status },
        'status read back from the CRM',
      );
      if (status === 'dismissed' || status === 'won' || status === 'lost') {
        const row = await args.db.query<{ account_id: string; type: string }>(
          'SELECT account_id, type FROM opportunities WHERE connection = $1 AND id = $2',
          [args.connection, state.id],
        );
        const o = row.rows[0];
        if (o) {
          await recordOutcome(args.db, {
            connection: args.connection,
            opportunityId: state.id,
            accountId: o.account_id,
            type: o.type,
            outcome: status,
            closedAt: args.asOf,
            source: 'crm',
          });
        }
      }
    }
  }
  return changes;
}
