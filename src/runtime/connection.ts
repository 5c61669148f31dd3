/**
 * Turning what a user asked for (`--connector files --source DIR`, `--connection NAME`, the
 * connections file) into a `SyncConnection` with its connector's settings resolved.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Env } from '../env.js';
import { loadConnections, resolveConnection, type ConnectionConfig } from '../sync/connections.js';
import type { SyncConnection } from '../sync/types.js';

export interface ConnectionFlags {
  connector?: string | undefined;
  connection?: string | undefined;
  source?: string | undefined;
  mapping?: string | undefined;
  /** false = read-only even when the mapping has a write-back section. */
  writeBack?: boolean | undefined;
}

/** Settings a CRM connector reads from the environment (`SALESFORCE_*`, `HUBSPOT_*`). */
async function envOptions(connector: string): Promise<Record<string, unknown>> {
  if (connector === 'salesforce')
    return (await import('../../connectors/salesforce/config.js')).salesforceOptionsFromEnv(
      process.env,
    );
  if (connector === 'hubspot')
    return (await import('../../connectors/hubspot/config.js')).hubspotOptionsFromEnv(process.env);
  return {};
}

/** The connections file, or [] when there is none. */
export function configuredConnections(env: Env): ConnectionConfig[] {
  return existsSync(env.HEADROOM_CONNECTIONS) ? loadConnections(env.HEADROOM_CONNECTIONS) : [];
}

export async function resolveSyncConnection(
  flags: ConnectionFlags,
  env: Env,
): Promise<SyncConnection> {
  let config: ConnectionConfig | undefined;
  if (flags.connection && !flags.connector) {
    config = configuredConnections(env).find((c) => c.name === flags.connection);
    if (!config)
      throw new UsageError(`no connection "${flags.connection}" in ${env.HEADROOM_CONNECTIONS}`);
  } else {
    if (!flags.connector)
      throw new UsageError('give --connector (files, salesforce, hubspot) or --connection NAME');
    if (flags.connector === 'files' && !flags.source)
      throw new UsageError('--connector files needs --source DIR');
    config = {
      name: flags.connection ?? flags.connector,
      connector: flags.connector,
      writeBack: flags.connector !== 'files',
      options: flags.source ? { source: flags.source } : {},
      ...(flags.mapping ? { mapping: flags.mapping } : {}),
    };
  }
  if (flags.mapping) config = { ...config, mapping: flags.mapping };
  const connection = resolveConnection(config);
  // Connection-file options win over the environment's.
  connection.options = { ...(await envOptions(connection.connector)), ...connection.options };
  if (flags.writeBack === false) connection.writeBack = false;
  if (!connection.mapping.writeBack) connection.writeBack = false;
  return connection;
}
