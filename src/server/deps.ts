/**
 * What the server is built from. `src/main.ts` assembles these (the store, the real sync runner,
 * the connectors behind preview and field discovery) and hands them to `createApp`; tests hand in
 * a PGlite store and small fakes for the connector-backed functions.
 */
import type { Registry } from 'prom-client';
import type { FieldInfo } from '../../connectors/types.js';
import type { Issue } from '../model/index.js';
import type { Profile } from '../profile/profile.js';
import type { Store } from '../store/db.js';
import type { ServerConfig } from './config.js';

/** The logger the server writes to (pino's shape; secrets are never passed to it). */
export interface ServerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A configured CRM connection as the console shows it. */
export interface ConnectionInfo {
  /** Connection name: the prefix of account ids (`salesforce:001...`) and the mapping's name. */
  name: string;
  /** Registry name of its connector: `files`, `salesforce`, `hubspot`. */
  connector: string;
  /** Its mapping file (the connection config's `mapping`); @default `<mappingsDir>/<connector>.yaml`,
   * as the sync engine (src/sync/connections.ts) defaults it. */
  mappingFile?: string;
}

/** The neutral records and issues a mapping produces from a few sample records. */
export interface MappingPreview {
  /** Neutral object -> mapped records (at most the N asked for, per object). */
  records: Record<string, unknown[]>;
  issues: Issue[];
  /** The mapping's profile on a larger sample of the connection's records (fill, values,
   * refusals, scales, health and tier distribution). */
  profile?: Profile;
}

export interface ServerDeps {
  store: Store;
  config: ServerConfig;
  /** `config/catalog.yaml`: read and saved by /api/catalog. */
  catalogFile: string;
  /** `config/scoring.yaml`: read and saved by /api/settings (absent = every default). */
  settingsFile: string;
  /** Folder of the default `<connector>.yaml` mapping files. */
  mappingsDir: string;
  connections: ConnectionInfo[];
  /** Start a sync of one connection in the background; resolves with the run id once recorded. */
  startRun(connection: string, options: { dryRun: boolean }): Promise<string>;
  /** Pull `n` sample raw records per mapped object from the connection and apply `mappingText`
   * (already validated) to them. Nothing is saved. */
  previewMapping(connection: string, mappingText: string, n: number): Promise<MappingPreview>;
  /** Field discovery: the connector's `describe(object)`. */
  describeFields(connection: string, object: string): Promise<FieldInfo[]>;
  log: ServerLog;
  /** Registry /metrics exposes; a fresh one (with Node's default metrics) when absent. */
  metrics?: Registry;
  /** How stale the CRM-embedded views may be after a change made by another process (a CLI
   * sync on the same database); 0 checks on every request. @default 1000 */
  viewCacheMs?: number;
  /** The date narratives count from (`YYYY-MM-DD`); @default the latest run's as-of date, else today (UTC). */
  asOf?: () => string;
}
