/**
 * The pull phase of a run: every mapped object pulled in the neutral order (accounts first),
 * counted into the run's stats, and judged by the mass-change guard before anything is deleted.
 */
import type { Connector } from '../../connectors/types.js';
import { SourceError } from '../errors.js';
import { catalogRefIndex, catalogRefVersion } from '../mapping/catalog-refs.js';
import type { Catalog } from '../model/catalog.js';
import type { Issue } from '../model/output.js';
import { NEUTRAL_OBJECTS, type NeutralObject } from '../model/records.js';
import {
  objectWeight,
  PullWorker,
  splitObjects,
  takeNext,
  wantsWorker,
  type PullWorkerMode,
} from './pull-worker.js';
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import {
  checkAccounts,
  type MassChangeHold,
  type MassChangeSettings,
} from './mass-change-guard.js';
import { pullObject, requestFor, type PullResult } from './pull.js';
import { forgetSourceStates } from '../store/source-states.js';
import { sourceKey, unchangedPull } from './unchanged-source.js';
import type { RunStats, SyncConnection, SyncLogger, SyncPhase } from './types.js';

export async function pullAll(args: {
  store: Store;
  connector: Connector;
  connection: SyncConnection;
  runId: number;
  full: boolean;
  stats: RunStats;
  issues: Issue[];
  /** The active catalog: account plans and products are resolved to its keys while mapping. */
  catalog?: Catalog | undefined;
  /** Pull and map some objects in a worker thread (`pull-worker.ts`). @default 'auto' */
  pullWorker?: PullWorkerMode | undefined;
  log?: SyncLogger | undefined;
  onProgress?: ((phase: SyncPhase, done: number, total: number) => void) | undefined;
}): Promise<PullResult[]> {
  const { connection, stats, issues } = args;
  const objects = NEUTRAL_OBJECTS.filter((o) => connection.mapping.objects[o]);
  const map = {
    ...(args.catalog ? { catalog: catalogRefIndex(args.catalog) } : {}),
    priorPeriodMonths: connection.mapping.employeesPrior?.periodMonths,
  };
  // Accounts are mapped again in full when what their catalog check depends on changed.
  const catalogVersion = args.catalog
    ? hashValue([catalogRefVersion(args.catalog), map.priorPeriodMonths])
    : undefined;
  // The connector's record estimates, read once: whether to use a worker, and the split.
  const mode = args.pullWorker ?? 'auto';
  const offer = args.connector.worker;
  const estimates = new Map<NeutralObject, number>();
  const estimate = (o: NeutralObject): number => {
    let n = estimates.get(o);
    if (n === undefined) estimates.set(o, (n = offer!.weight(connection.mapping.objects[o]!.from)));
    return n;
  };
  const sizes = (list: NeutralObject[]) =>
    offer && mode !== 'off' ? list.map((o) => ({ object: o, records: estimate(o) })) : [];
  // A run that would use a worker to pull everything starts it as soon as it knows it reads a
  // source the worker could take (not accounts): loading the connector there overlaps
  // fingerprinting the others. It is stopped unused when what is read does not call for it. A
  // run that reads nothing estimates nothing.
  let workerFits: boolean | undefined;
  let early: PullWorker | undefined;
  const reads = (object: NeutralObject) => {
    if (object === 'account' || early) return;
    workerFits ??= wantsWorker(mode, args.connector, sizes(objects));
    if (workerFits) early = new PullWorker(args.connector);
  };
  // Sources the connector can fingerprint are keyed by what a full read of them depends on; one
  // whose key is the one it was last read under is not read again (a full run reads it anyway).
  const keys = new Map<NeutralObject, string>();
  const kept = new Map<NeutralObject, PullResult>();
  let toPull: NeutralObject[];
  try {
    if (args.connector.fingerprint) {
      for (const object of objects) {
        const spec = connection.mapping.objects[object]!;
        const where = { store: args.store, connection: connection.name, object, spec };
        const { request } = await requestFor({ ...where, full: args.full, catalogVersion });
        if (request.since !== undefined) {
          reads(object);
          continue;
        }
        const key = await sourceKey({
          ...where,
          connector: args.connector,
          request,
          catalogVersion,
          priorPeriodMonths: map.priorPeriodMonths,
        });
        if (key === undefined) {
          reads(object);
          continue;
        }
        keys.set(object, key);
        const unchanged = args.full
          ? undefined
          : await unchangedPull(args.store, connection.name, object, key);
        if (unchanged) kept.set(object, unchanged);
        else reads(object);
      }
    }
    toPull = objects.filter((o) => !kept.has(o));
    // A source read now may change the mirror before the run is applied (a run held by the
    // guard, or one that fails later, still wrote what changed): until this read is applied,
    // nothing may count as read from it.
    if (args.connector.fingerprint) await forgetSourceStates(args.store, connection.name, toPull);
  } catch (err) {
    await early?.close();
    throw err;
  }
  const pullOne = (object: NeutralObject, worker?: PullWorker) =>
    pullObject({
      store: args.store,
      connector: args.connector,
      connection: connection.name,
      runId: args.runId,
      object,
      spec: connection.mapping.objects[object]!,
      full: args.full,
      sourceKey: keys.get(object),
      map,
      ...(catalogVersion !== undefined ? { catalogVersion } : {}),
      ...(worker
        ? {
            mapper: (request, ctx, rowsKey, digests, byBytes) =>
              worker.map(
                object,
                connection.mapping.objects[object]!,
                request,
                ctx,
                rowsKey,
                digests,
                byBytes,
              ),
          }
        : {}),
    });
  const sized = sizes(toPull);
  const worker = wantsWorker(mode, args.connector, sized)
    ? (early ?? new PullWorker(args.connector))
    : undefined;
  if (early && early !== worker) await early.close();
  // Two lanes, each pulling its objects in the neutral order: this thread (accounts first)
  // and, when there is one, the worker. Results are kept in the neutral order.
  const weights = new Map(
    sized.map((o) => [
      o.object,
      objectWeight(o.records, Object.keys(connection.mapping.objects[o.object]!.fields).length),
    ]),
  );
  const lanesOf = worker
    ? splitObjects([...weights].map(([object, weight]) => ({ object, weight })))
    : { main: [...toPull], worker: [] as NeutralObject[] };
  // A lane done with its own objects takes the other's lightest unstarted one (`takeNext`).
  const nextFor = (lane: 'main' | 'worker') => takeNext(lanesOf, lane, (o) => weights.get(o)!);
  const results: (PullResult | undefined)[] = objects.map((o) => kept.get(o));
  const inWorker = new Set<number>();
  let stop = false;
  let done = kept.size;
  const finish = (object: NeutralObject, r: PullResult, mappedInWorker = false) => {
    const i = objects.indexOf(object);
    results[i] = r;
    if (mappedInWorker) inWorker.add(i);
    // Without its accounts a run has nothing to score: no other object is started.
    if (r.unreadable && object === 'account') stop = true;
    args.onProgress?.('pull', ++done, objects.length);
  };
  const mainLane = async () => {
    for (let object = nextFor('main'); object; object = nextFor('main')) {
      if (stop) return;
      finish(object, await pullOne(object));
    }
  };
  const workerLane = async (w: PullWorker) => {
    for (let object = nextFor('worker'); object; object = nextFor('worker')) {
      if (stop) return;
      try {
        const use = w.usable;
        finish(object, await pullOne(object, use ? w : undefined), use);
      } catch (err) {
        // A source that cannot be read fails the same on either thread, and so does the store.
        if (err instanceof SourceError || !w.broken) throw err;
        // The worker itself failed: the second core is an optimization, not a new way to fail.
        args.log?.warn(
          { connection: connection.name, object, err: (err as Error).message },
          'pull worker failed; mapping on the main thread',
        );
        finish(object, await pullOne(object));
      }
    }
  };
  try {
    const lanes = await Promise.allSettled([mainLane(), ...(worker ? [workerLane(worker)] : [])]);
    const failed = lanes.find((l) => l.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await worker?.close();
  }

  const pulls: PullResult[] = [];
  for (const [i, object] of objects.entries()) {
    const r = results[i];
    if (!r) break;
    pulls.push(r);
    stats.pulled += r.pulled;
    stats.mapped += r.mapped;
    stats.mirrorUpserts += r.upserts;
    if (inWorker.has(i)) stats.pulledInWorker.push(object);
    if (r.unchangedSince !== undefined) stats.unchanged.push(object);
    issues.push(...r.issues);
    if (r.unreadable && object === 'account') {
      const last = r.issues.at(-1)!;
      throw new SourceError(last.source, last.reason.replace(`${last.source}: `, ''));
    }
  }
  return pulls;
}

/** The accounts side of the guard, from the account pull's counts. */
export function accountsHold(
  pulls: PullResult[],
  settings: MassChangeSettings,
  comparedWithRun: number | undefined,
): MassChangeHold | undefined {
  const accounts = pulls.find((p) => p.object === 'account');
  if (!accounts) return undefined;
  return checkAccounts(
    { before: accounts.before, after: accounts.after, gone: accounts.deleteIds.length },
    settings,
    comparedWithRun,
  );
}
