/**
 * Profile one connection's mapping on its real records (`headroom profile`, the console's mapping
 * preview): pull and map in memory with the active catalog, score with the run's settings (the
 * mapping's scales applied). Nothing is stored and nothing is written to the CRM.
 */
import type { Connector } from '../../connectors/types.js';
import type { Env } from '../env.js';
import { catalogRefIndex } from '../mapping/catalog-refs.js';
import type { Mapping } from '../mapping/schema.js';
import { collectMapped } from '../profile/collect.js';
import { buildProfile, type Profile } from '../profile/profile.js';
import type { SyncConnection } from '../sync/types.js';
import { loadScoringConfig, withDeclaredScales } from './scoring-config.js';
import { warnThresholds } from './sync-once.js';

export interface ProfileConnectionOptions {
  connection: SyncConnection;
  connector: Connector;
  env: Env;
  asOf: string;
  /** The mapping to profile; @default the connection's own. */
  mapping?: Mapping | undefined;
  /** Records per object at most (a console preview); @default every record */
  limit?: number | undefined;
}

export async function profileConnection(o: ProfileConnectionOptions): Promise<Profile> {
  const mapping = o.mapping ?? o.connection.mapping;
  const folder =
    o.connection.connector === 'files' ? String(o.connection.options.source ?? '') : '';
  const scoring = loadScoringConfig(o.env, folder || undefined);
  const collected = await collectMapped(o.connector, mapping, {
    connection: o.connection.name,
    catalog: catalogRefIndex(scoring.catalog),
    limit: o.limit,
  });
  return buildProfile({
    connection: o.connection.name,
    mapping,
    collected,
    catalog: scoring.catalog,
    catalogFile: scoring.catalogFile,
    settings: withDeclaredScales(scoring.settings, mapping.scales),
    asOf: o.asOf,
    thresholds: warnThresholds(o.env),
  });
}
