/**
 * A source a run need not read again. A connector that can fingerprint a source (files: the
 * export's bytes) lets a run compare it with the last full read: when the fingerprint and
 * everything its mapping depends on (the object's mapping, the catalog accounts are resolved
 * against, the connection the ids are named after, Headroom's version) are what they were, the
 * mirror already holds exactly what reading it again would write. The run then keeps the mirror
 * as it is (no parsing, no mapping, no hashing), reports the same counts and, byte for byte, the
 * same issues, and scores the object from the mirror (`pulled-portfolio.ts`).
 *
 * The key is saved with the pull's figures only once the run's pull is applied (`apply-pull.ts`),
 * like a watermark: a held or failed run leaves the last key, so the next run reads the source
 * again. `--full` always reads every source.
 */
import type { Connector } from '../../connectors/types.js';
import type { NeutralObject } from '../model/records.js';
import type { Db } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import { getSourceState } from '../store/source-states.js';
import type { PullResult } from './pull.js';
import { rowsKey } from './unchanged-rows.js';

/** The key a source is read under, or undefined when the connector cannot fingerprint it: its
 * fingerprint under the digest of what mapping its rows depends on (`rowsKey`). */
export async function sourceKey(args: Parameters<typeof rowsKey>[0] & { connector: Connector }) {
  const fingerprint = await args.connector.fingerprint?.(args.request);
  if (fingerprint === undefined) return undefined;
  return hashValue({ fingerprint, since: args.request.since ?? null, mapping: rowsKey(args) });
}

/** The pull of a source whose key is the one it was last read under; undefined otherwise. */
export async function unchangedPull(
  db: Db,
  connection: string,
  object: NeutralObject,
  key: string,
): Promise<PullResult | undefined> {
  const state = await getSourceState(db, connection, object);
  if (state?.key !== key) return undefined;
  // The mirror holds what that pull left: nothing has written this object since (a read forgets
  // the state before it writes, `pull-phase.ts`).
  const live = state.live;
  return {
    object,
    pulled: state.pulled,
    mapped: state.mapped,
    skipped: state.skipped,
    upserts: 0,
    issues: state.issues,
    before: live,
    after: live,
    deleteIds: [],
    touched: new Set(),
    replaced: [],
    unchangedSince: state.runId,
  };
}
