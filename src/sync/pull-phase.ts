/**
 * The pull phase of a run: every mapped object pulled in the neutral order (accounts first),
 * counted into the run's stats, and judged by the mass-change guard before anything is deleted.
 */
import type { Connector } from '../../connectors/types.js';
import { SourceError } from '../errors.js';
import { catalogRefIndex, catalogRefVersion } from '../mapping/catalog-refs.js';
import type { Catalog } from '../model/catalog.js';
import type { Issue } from '../model/output.js';
import { NEUTRAL_OBJECTS } from '../model/records.js';
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import {
  checkAccounts,
  type MassChangeHold,
  type MassChangeSettings,
} from './mass-change-guard.js';
import { pullObject, type PullResult } from './pull.js';
import type { RunStats, SyncConnection, SyncPhase } from './types.js';

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
  const pulls: PullResult[] = [];
  for (const [i, object] of objects.entries()) {
    const r = await pullObject({
      store: args.store,
      connector: args.connector,
      connection: connection.name,
      runId: args.runId,
      object,
      spec: connection.mapping.objects[object]!,
      full: args.full,
      map,
      ...(catalogVersion !== undefined ? { catalogVersion } : {}),
    });
    pulls.push(r);
    stats.pulled += r.pulled;
    stats.mapped += r.mapped;
    stats.mirrorUpserts += r.upserts;
    issues.push(...r.issues);
    // Without its accounts a run has nothing to score: a mostly unreadable accounts file fails it.
    if (r.unreadable && object === 'account') {
      const last = r.issues.at(-1)!;
      throw new SourceError(last.source, last.reason.replace(`${last.source}: `, ''));
    }
    args.onProgress?.('pull', i + 1, objects.length);
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
