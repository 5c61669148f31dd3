/**
 * Plan the write-back from the mapping's `writeBack` section and diff it against what was last
 * written (a hash per record and field): only records with a changed field are planned.
 *
 * - account: CRM `update` of the account record (by its CRM id), changed fields only;
 * - opportunity: `upsert` by the external key (the opportunity id), all fields when any changed,
 *   so a record deleted in the CRM comes back whole; never for a person's final decision;
 * - task: `create`, once per opportunity key, ever.
 */
import type { WriteMode, WriteRecord } from '../../connectors/types.js';
import type { WriteBack, WriteField } from '../mapping/schema.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Account } from '../model/records.js';
import { fieldHash } from '../store/hash.js';
import { FINAL_STATUSES, type OpportunityState } from '../store/opportunities.js';
import type { WriteStateRow } from '../store/write-state.js';
import { cardBuilder, readsCard } from './card-source.js';
import { readSource, resolveField, type FieldSources } from './resolve-field.js';
import type { WriteSection } from './types.js';

export interface PlannedRecord extends WriteRecord {
  /** Hash per written field, recorded once the write succeeded. */
  fieldHashes: Record<string, string>;
  /** Fields that differ from the last write. */
  changed: string[];
  created: boolean;
}

export interface PlannedBatch {
  section: WriteSection;
  object: string;
  mode: WriteMode;
  keyField?: string;
  records: PlannedRecord[];
}

interface Target {
  to: string;
  fields: Record<string, WriteField>;
  associations?: Record<string, string> | undefined;
}

function plan(
  target: Target,
  key: string,
  sources: FieldSources,
  last: WriteStateRow | undefined,
  sendAll: boolean,
  extra: Record<string, unknown> = {},
): PlannedRecord | undefined {
  const fields: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(target.fields)) {
    // A create-only field (a deal stage people move on from) is sent once, at creation.
    if (last && typeof spec !== 'string' && spec.createOnly) continue;
    const v = resolveField(spec, sources);
    if (v !== undefined) fields[name] = v;
  }
  Object.assign(fields, extra);
  const fieldHashes = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldHash(v)]));
  const changed = Object.keys(fields).filter((k) => last?.fieldHashes[k] !== fieldHashes[k]);
  if (!changed.length) return undefined;
  const send = sendAll ? fields : Object.fromEntries(changed.map((k) => [k, fields[k]]));
  const associations: Record<string, string[]> = {};
  for (const [objectType, path] of Object.entries(target.associations ?? {})) {
    const id = readSource(path, sources);
    if (id !== undefined && id !== null && id !== '') associations[objectType] = [String(id)];
  }
  return {
    key,
    fields: send,
    fieldHashes: sendAll
      ? fieldHashes
      : Object.fromEntries(changed.map((k) => [k, fieldHashes[k]!])),
    changed,
    created: last === undefined,
    ...(Object.keys(associations).length ? { associations } : {}),
  };
}

export function planWrites(args: {
  writeBack: WriteBack;
  accounts: Map<string, Account>;
  summaries: AccountSummary[];
  opportunities: Opportunity[];
  states: Map<string, OpportunityState>;
  written: Record<WriteSection, Map<string, WriteStateRow>>;
}): PlannedBatch[] {
  const { writeBack: wb, accounts, states, written } = args;
  const batches: PlannedBatch[] = [];
  if (wb.account) {
    const records: PlannedRecord[] = [];
    const card = readsCard(wb.account.fields) ? cardBuilder(args.opportunities, states) : null;
    for (const summary of args.summaries) {
      const account = accounts.get(summary.accountId);
      if (!account) continue;
      const r = plan(
        wb.account,
        account.crmId,
        { record: summary, account, ...(card ? { card: card(summary, account) } : {}) },
        written.account.get(account.crmId),
        false,
      );
      if (r) records.push(r);
    }
    batches.push({ section: 'account', object: wb.account.to, mode: 'update', records });
  }
  // People's final decisions are theirs: such opportunities are neither rewritten nor tasked.
  const live = args.opportunities.filter((o) => {
    const status = states.get(o.id)?.status ?? 'open';
    return !FINAL_STATUSES.has(status);
  });
  if (wb.opportunity) {
    const target = wb.opportunity;
    const records = live
      .filter((o) => o.tier <= (target.minTier ?? 5))
      .map((o) =>
        plan(
          target,
          o.id,
          { record: o, ...withAccount(accounts, o) },
          written.opportunity.get(o.id),
          true,
          {
            [target.key]: o.id,
          },
        ),
      )
      .filter((r): r is PlannedRecord => r !== undefined);
    batches.push({
      section: 'opportunity',
      object: target.to,
      mode: 'upsert',
      keyField: target.key,
      records,
    });
  }
  if (wb.task) {
    const target = wb.task;
    const records = live
      .filter((o) => o.tier <= target.minTier && !written.task.has(o.id))
      .map((o) =>
        plan(
          target,
          o.id,
          { record: o, ...withAccount(accounts, o) },
          undefined,
          true,
          target.key ? { [target.key]: o.id } : {},
        ),
      )
      .filter((r): r is PlannedRecord => r !== undefined);
    batches.push({
      section: 'task',
      object: target.to,
      mode: 'create',
      ...(target.key ? { keyField: target.key } : {}),
      records,
    });
  }
  return batches;
}

function withAccount(accounts: Map<string, Account>, o: Opportunity): { account?: Account } {
  const account = accounts.get(o.accountId);
  return account ? { account } : {};
}
