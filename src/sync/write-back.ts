/**
 * Execute a write plan through `connector.write`, in batches, recording each batch's successful
 * outcomes in write_state right away. A run stopped mid-write (a limit, a crash) has recorded
 * everything that went through; the next run's plan holds only the rest. Upserts match on the
 * external key, so a batch whose outcome was lost is harmless to send again.
 */
import type { Connector } from '../../connectors/types.js';
import type { Issue } from '../model/output.js';
import type { Store } from '../store/db.js';
import { clearPending, markPending } from '../store/pending-creates.js';
import { recordWrites } from '../store/write-state.js';
import type { PlannedBatch } from './plan-write.js';
import type { SyncLogger, WriteSection } from './types.js';

/** The outcome code of a create whose answer was lost (connectors/types.ts `WriteMode`). */
export const UNCONFIRMED = 'UNCONFIRMED';

export interface WriteResult {
  /** Successful writes per section; counted as they happen, so a run that throws mid-way still
   * reports what went through. */
  writes: Record<WriteSection, number>;
  errors: Issue[];
}

export async function executeWrites(args: {
  store: Store;
  connector: Connector;
  connection: string;
  runId: number;
  batches: PlannedBatch[];
  batchSize: number;
  log: SyncLogger;
  onProgress?: (done: number, total: number) => void;
  /** Filled in as writes complete. */
  result: WriteResult;
}): Promise<void> {
  const { store, connector, connection, runId, log, result } = args;
  const total = args.batches.reduce((n, b) => n + b.records.length, 0);
  if (!total) return;
  if (!connector.write)
    throw new Error(
      `connector ${connector.name} cannot write; set writeBack: false for ${connection}`,
    );
  let done = 0;
  for (const batch of args.batches) {
    for (let i = 0; i < batch.records.length; i += args.batchSize) {
      const chunk = batch.records.slice(i, i + args.batchSize);
      // A create is pending until its answer is known: a lost answer (or a killed run) leaves it
      // for the next run to look up instead of creating it again.
      const creates = batch.mode === 'create' ? chunk.map((r) => r.key) : [];
      await markPending(store, connection, batch.section, runId, creates);
      const outcomes = await connector.write({
        object: batch.object,
        mode: batch.mode,
        ...(batch.keyField !== undefined ? { keyField: batch.keyField } : {}),
        records: chunk.map(({ key, fields, associations }) => ({
          key,
          fields,
          ...(associations ? { associations } : {}),
        })),
      });
      const byKey = new Map(chunk.map((r) => [r.key, r]));
      const ok = outcomes.filter((o) => o.ok && byKey.has(o.key));
      await recordWrites(
        store,
        connection,
        batch.section,
        runId,
        ok.map((o) => ({
          key: o.key,
          fieldHashes: byKey.get(o.key)!.fieldHashes,
          ...(o.crmId ? { crmId: o.crmId } : {}),
        })),
      );
      result.writes[batch.section] += ok.length;
      const answered = outcomes.filter((o) => o.error?.code !== UNCONFIRMED).map((o) => o.key);
      await clearPending(
        store,
        connection,
        batch.section,
        creates.filter((k) => answered.includes(k)),
      );
      for (const o of outcomes.filter((x) => !x.ok)) {
        result.errors.push({
          source: connection,
          object: batch.section,
          recordId: o.key,
          reason:
            `write to ${batch.object} failed: ${o.error?.code ?? 'ERROR'} ${o.error?.message ?? ''}`.trim(),
          skipped: false,
        });
      }
      done += chunk.length;
      args.onProgress?.(done, total);
    }
    log.info(
      { connection, object: batch.object, records: batch.records.length },
      `wrote ${batch.section} records`,
    );
  }
}
