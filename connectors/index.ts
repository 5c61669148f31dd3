/**
 * The connector registry: connector name -> factory. Factories are imported lazily so a files-only
 * run never loads jsforce or the HubSpot client.
 */
import type { ConnectorFactory } from './types.js';

export const CONNECTORS: Record<string, () => Promise<ConnectorFactory>> = {
  files: async () => (await import('./files/index.js')).createFilesConnector,
  salesforce: async () => (await import('./salesforce/index.js')).createSalesforceConnector,
  hubspot: async () => (await import('./hubspot/index.js')).createHubspotConnector,
};

export type ConnectorName = keyof typeof CONNECTORS;

export async function connectorFactory(name: string): Promise<ConnectorFactory> {
  const load = CONNECTORS[name];
  if (!load)
    throw new Error(`unknown connector "${name}" (known: ${Object.keys(CONNECTORS).join(', ')})`);
  return load();
}
