/**
 * Everything the server needs, built from the environment and the connections: the store, the
 * real sync runner (the same `syncOnce` the CLI uses), mapping preview and field discovery through
 * each connection's own connector.
 */
import type { Connector, RawRecord } from '../../connectors/types.js';
import type { Env } from '../env.js';
import {
  HttpError,
  serverConfigFromEnv,
  type MappingPreview,
  type ServerDeps,
} from '../server/index.js';
import type { Log } from '../log.js';
import { mapRecords, sourceAssociations, sourceFields } from '../mapping/apply.js';
import { parseMappingText } from '../mapping/load.js';
import type { NeutralObject } from '../model/records.js';
import type { Issue } from '../model/output.js';
import type { Store } from '../store/db.js';
import type { SyncConnection } from '../sync/types.js';
import { openConnector } from './connector.js';
import { loadScoringConfig } from './scoring-config.js';
import { profileConnection } from './profile-connection.js';
import { catalogRefIndex } from '../mapping/catalog-refs.js';
import type { Catalog } from '../model/catalog.js';
import { syncOnce } from './sync-once.js';

/** Records per object the console's mapping preview profiles. */
const PROFILE_SAMPLE = 1000;

export interface ServerRuntimeOptions {
  store: Store;
  env: Env;
  log: Log;
  connections: SyncConnection[];
  /** The as-of date a connection's runs use. @default today */
  asOfFor?: (connection: string) => string;
  /** Where a connection's runs write output files, if anywhere. */
  outFor?: (connection: string) => string | undefined;
}

export function buildServerDeps(o: ServerRuntimeOptions): ServerDeps {
  const byName = new Map(o.connections.map((c) => [c.name, c]));
  const connection = (name: string): SyncConnection => {
    const c = byName.get(name);
    if (!c) throw new HttpError(404, 'not_found', `no connection "${name}"`);
    return c;
  };
  const asOf = (name: string) => o.asOfFor?.(name) ?? new Date().toISOString().slice(0, 10);
  const running = new Map<string, Promise<unknown>>();

  const withConnector = async <T>(
    name: string,
    body: (c: Connector, conn: SyncConnection) => Promise<T>,
  ): Promise<T> => {
    const conn = connection(name);
    const c = await openConnector(conn, o.store, o.log);
    try {
      return await body(c, conn);
    } finally {
      await c.close?.();
    }
  };

  return {
    store: o.store,
    config: serverConfigFromEnv(process.env),
    catalogFile: o.env.HEADROOM_CATALOG,
    settingsFile: o.env.HEADROOM_SCORING,
    mappingsDir: 'mappings',
    connections: o.connections.map((c) => ({
      name: c.name,
      connector: c.connector,
      mappingFile: c.mappingFile,
    })),
    async startRun(name, { dryRun }) {
      const conn = connection(name);
      if (running.has(name))
        throw new HttpError(409, 'conflict', `a sync of ${name} is already running`);
      // Resolves with the run id as soon as the run is recorded; the sync goes on in the background.
      return new Promise<string>((resolve, reject) => {
        const run = syncOnce({
          store: o.store,
          connection: conn,
          env: o.env,
          log: o.log,
          asOf: asOf(name),
          dryRun,
          out: dryRun ? undefined : o.outFor?.(name),
          onRunStarted: (runId) => resolve(String(runId)),
        })
          .then(({ report }) => resolve(String(report.runId)))
          .catch((err: unknown) => {
            o.log.error({ err, connection: name }, 'sync run failed');
            reject(err instanceof Error ? err : new Error(String(err)));
          })
          .finally(() => running.delete(name));
        running.set(name, run);
      });
    },
    previewMapping: (name, text, n) =>
      withConnector(name, async (c, conn) => {
        const out = await preview(c, conn, text, n, activeCatalog(o.env, conn));
        const mapping = parseMappingText(text, conn.mappingFile);
        // A second, larger pull: the profile judges shares on more than the few records shown.
        out.profile = await profileConnection({
          connection: conn,
          connector: c,
          env: o.env,
          asOf: asOf(name),
          mapping,
          limit: PROFILE_SAMPLE,
        });
        return out;
      }),
    describeFields: (name, object) =>
      withConnector(name, async (c) => {
        if (!c.describe)
          throw new HttpError(
            400,
            'unsupported',
            `the ${connection(name).connector} connector cannot list fields`,
          );
        return c.describe(object);
      }),
    log: o.log,
    asOf: () => asOf(o.connections[0]?.name ?? ''),
  };
}

/** The catalog a connection's runs use (a files folder's own `catalog.yaml` first). */
export function activeCatalog(env: Env, conn: SyncConnection): Catalog {
  const folder = conn.connector === 'files' ? String(conn.options.source ?? '') : '';
  return loadScoringConfig(env, folder || undefined).catalog;
}

/** Apply a mapping to the first `n` records of each object it maps; nothing is stored. */
async function preview(
  c: Connector,
  conn: SyncConnection,
  text: string,
  n: number,
  catalog: Catalog,
): Promise<MappingPreview> {
  const mapping = parseMappingText(text, conn.mappingFile);
  const refs = catalogRefIndex(catalog);
  const out: MappingPreview = { records: {}, issues: [] };
  for (const [object, spec] of Object.entries(mapping.objects) as [
    NeutralObject,
    (typeof mapping.objects)[NeutralObject],
  ][]) {
    if (!spec) continue;
    const sample: RawRecord[] = [];
    let source: string | undefined;
    for await (const page of c.pull({
      object: spec.from,
      fields: sourceFields(spec),
      associations: sourceAssociations(spec),
      ...(spec.where ? { where: spec.where } : {}),
    })) {
      source ??= page.source;
      sample.push(...page.records.slice(0, n - sample.length));
      if (sample.length >= n) break;
    }
    const mapped = mapRecords(object, spec, sample, {
      catalog: refs,
      priorPeriodMonths: mapping.employeesPrior?.periodMonths,
      connection: conn.name,
      ...(source ? { source } : {}),
    });
    out.records[object] = mapped.records;
    out.issues.push(...(mapped.issues as Issue[]));
  }
  return out;
}
