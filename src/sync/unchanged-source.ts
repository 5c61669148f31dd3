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
import type { Connector, PullRequest } from '../../connectors/types.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { NeutralObject } from '../model/records.js';
import type { Db } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import { getSourceState } from '../store/source-states.js';
import { HEADROOM_VERSION } from '../version.js';
import type { PullResult } from './pull.js';

/** The key a source is read under, or undefined when the connector cannot fingerprint it. */
export async function sourceKey(args: {
  connector: Connector;
  connection: string;
  object: NeutralObject;
  request: PullRequest;
  spec: ObjectMapping;
  /** What account mapping resolves against (the catalog's keys, the prior-period default). */
  catalogVersion?: string | undefined;
  priorPeriodMonths?: number | undefined;
}): Promise<string | undefined> {
  const fingerprint = await args.connector.fingerprint?.(args.request);
  if (fingerprint === undefined) return undefined;
  return hashValue({
    version: HEADROOM_VERSION,
    fingerprint,
    connection: args.connection,
    object: args.object,
    request: args.request,
    spec: args.spec,
    catalog: args.object === 'account' ? (args.catalogVersion ?? null) : null,
    priorPeriodMonths: args.object === 'account' ? (args.priorPeriodMonths ?? null) : null,
  });
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
