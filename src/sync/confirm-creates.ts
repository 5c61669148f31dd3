/**
 * Before planning creates, settle the ones an earlier run sent without learning the outcome (a
 * 5xx, a timeout, a killed process): look each up in the CRM by the key Headroom wrote into it
 * (`writeBack.task.key`). Found: recorded as written, never created again. Not found: planned
 * like any new record. Without a key or a connector that can look records up, the create is
 * sent again, and the issue says so.
 */
import type { Connector } from '../../connectors/types.js';
import type { WriteBack } from '../mapping/schema.js';
import type { Issue } from '../model/output.js';
import type { Store } from '../store/db.js';
import { clearPending, pendingKeys } from '../store/pending-creates.js';
import { recordWrites } from '../store/write-state.js';
import type { SyncLogger } from './types.js';

export async function confirmCreates(args: {
  store: Store;
  connector: Connector;
  connection: string;
  runId: number;
  writeBack: WriteBack;
  log: SyncLogger;
}): Promise<Issue[]> {
  const { store, connector, connection, writeBack } = args;
  const task = writeBack.task;
  if (!task) return [];
  const keys = await pendingKeys(store, connection, 'task');
  if (!keys.length) return [];
  const base = { source: connection, object: 'task', skipped: false } as const;
  if (!task.key || !connector.find) {
    await clearPending(store, connection, 'task', keys);
    const why = task.key
      ? `the ${connector.name} connector cannot look records up`
      : 'no writeBack.task.key in the mapping';
    return keys.map((key) => ({
      ...base,
      recordId: key,
      reason: `an earlier create of this task got no answer and ${why}: it is sent again (check ${task.to} for a duplicate)`,
    }));
  }
  const found = await connector.find(task.to, task.key, keys);
  await recordWrites(
    store,
    connection,
    'task',
    args.runId,
    [...found].map(([key, crmId]) => ({ key, crmId, fieldHashes: {} })),
  );
  await clearPending(store, connection, 'task', keys);
  args.log.info(
    { connection, unconfirmed: keys.length, found: found.size },
    'unconfirmed task creates looked up',
  );
  return keys.map((key) => ({
    ...base,
    recordId: key,
    reason: found.has(key)
      ? `an earlier create of this task got no answer; found in ${task.to} as ${found.get(key)} by ${task.key}: not created again`
      : `an earlier create of this task got no answer; not found in ${task.to} by ${task.key}: created now`,
  }));
}
