/** Create a connection's connector with a store-backed secret store, and check its mapping
 * against the CRM's own field lists before a run. */
import type { Connector, FieldInfo } from '../../connectors/types.js';
import { connectorFactory } from '../../connectors/index.js';
import type { Log } from '../log.js';
import { checkSourceFields } from '../mapping/load.js';
import { createSecretStore } from '../secrets/index.js';
import type { Store } from '../store/db.js';
import type { SyncConnection } from '../sync/types.js';

export async function openConnector(
  connection: SyncConnection,
  store: Store,
  log: Log,
): Promise<Connector> {
  const factory = await connectorFactory(connection.connector);
  return factory({
    connection: connection.name,
    options: connection.options,
    secrets: createSecretStore(store),
    log: log.child({ connection: connection.name, connector: connection.connector }),
  });
}

/**
 * Refuse a mapping that names CRM fields which do not exist, with the closest names. Files are
 * not checked: a column missing from an export is read as blank, by design.
 */
export async function checkMappingAgainstCrm(
  connection: SyncConnection,
  connector: Connector,
): Promise<void> {
  if (connection.connector === 'files' || !connector.describe) return;
  const fields = new Map<string, FieldInfo[]>();
  for (const spec of Object.values(connection.mapping.objects)) {
    if (!spec || fields.has(spec.from)) continue;
    fields.set(spec.from, await connector.describe(spec.from));
  }
  checkSourceFields(connection.mapping, fields, connection.mappingFile);
}
