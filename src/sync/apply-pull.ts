/**
 * The second half of a pull, run once the mass-change guard lets the run go on: mark the records
 * the source no longer has as deleted in the mirror, then save the watermark the pull reached
 * (and the catalog version a full account pull was made for, and the key a full read of the
 * source was made under: `unchanged-source.ts`). Saved last: a run stopped before this point
 * starts again from the old watermark and sees the same deletions.
 */
import type { Store } from '../store/db.js';
import { bulkDeleteMirror } from '../store/bulk/delete-mirror.js';
import { setSourceState } from '../store/source-states.js';
import { setWatermark } from '../store/watermarks.js';
import type { PullResult } from './pull.js';

/** Returns the number of mirror records marked deleted. */
export async function applyPull(
  store: Store,
  connection: string,
  pull: PullResult,
  runId: number,
): Promise<number> {
  const deletes = pull.deleteIds.length
    ? await bulkDeleteMirror(store, connection, pull.object, pull.deleteIds)
    : 0;
  if (pull.watermark !== undefined)
    await setWatermark(store, connection, `pull:${pull.object}`, pull.watermark);
  if (pull.catalogVersion !== undefined)
    await setWatermark(store, connection, `catalog:${pull.object}`, pull.catalogVersion);
  if (pull.sourceKey !== undefined)
    await setSourceState(store, connection, pull.object, {
      key: pull.sourceKey,
      pulled: pull.pulled,
      mapped: pull.mapped,
      skipped: pull.skipped,
      live: pull.after,
      issues: pull.issues,
      runId,
    });
  return deletes;
}
