/**
 * `headroom setup salesforce`: what write-back needs in the org (the Expansion Opportunity object,
 * the account fields, the permission set, the layout's related list) ships as SFDX source in
 * `metadata/`. Deploying it is the Salesforce CLI's job (it converts source format, zips and
 * polls the Metadata API deploy); this checks the org through describe, says what is found and
 * what is missing, and gives the commands that install the rest.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConnectorError } from '../types.js';
import type { SalesforceApi } from './client.js';
import { describeObject } from './describe.js';

export const METADATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'metadata');

/** Package directories of `metadata/sfdx-project.json`: what Headroom writes, and the example
 * source fields the default mapping reads (for orgs that adopt those names). */
export const PACKAGES = {
  writeBack: 'force-app',
  sourceModel: 'source-model',
  layout: 'account-layout',
} as const;

/** Object -> custom field API names in one package directory of the metadata. */
export function metadataFields(pkg: string = PACKAGES.writeBack): Map<string, string[]> {
  const objectsDir = join(METADATA_DIR, pkg, 'main', 'default', 'objects');
  const out = new Map<string, string[]>();
  for (const object of readdirSync(objectsDir)) {
    let files: string[] = [];
    try {
      files = readdirSync(join(objectsDir, object, 'fields'));
    } catch {
      // an object folder without fields (object definition only)
    }
    out.set(object, files.map((f) => f.replace(/\.field-meta\.xml$/, '')).sort());
  }
  return out;
}

/** The Salesforce CLI commands that install the metadata into the org `alias`. */
export function deployCommands(alias = '<org-alias>'): string[] {
  const dir = relative(process.cwd(), METADATA_DIR) || '.';
  return [
    `cd ${dir} && sf project deploy start --source-dir ${PACKAGES.writeBack} --target-org ${alias}`,
    `sf org assign permset --name Headroom_Integration --target-org ${alias}`,
    `for each account executive or CSM (the headroomExpansion component, accept / dismiss): ` +
      `sf org assign permset --name Headroom_Expansion_User --target-org ${alias} --on-behalf-of <username>`,
    `optional, replaces "Account Layout" (adds the Expansion fields and related list): ` +
      `cd ${dir} && sf project deploy start --source-dir ${PACKAGES.layout} --target-org ${alias}`,
  ];
}

/** One line per object and field: found, or missing with the commands that add it. */
export async function checkMetadata(
  api: SalesforceApi,
  opts: { dryRun?: boolean } = {},
): Promise<string[]> {
  const expected = metadataFields();
  if (opts.dryRun)
    return [
      ...[...expected].map(([o, f]) => `would check ${o}: ${f.join(', ')}`),
      ...deployCommands(),
    ];
  const lines: string[] = [];
  let missing = 0;
  for (const [folder, fields] of expected) {
    // Task and Event custom fields are defined on Activity and described on Task.
    const object = folder === 'Activity' ? 'Task' : folder;
    let present: Set<string>;
    try {
      present = new Set((await describeObject(api, object)).map((f) => f.name.toLowerCase()));
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== 'NOT_FOUND') throw err;
      lines.push(`missing object ${object}`);
      missing += fields.length + 1;
      continue;
    }
    for (const f of fields) {
      const ok = present.has(f.toLowerCase());
      if (!ok) missing++;
      lines.push(`${ok ? 'found' : 'missing'} ${object}.${f}`);
    }
  }
  if (!missing) return [...lines, 'all write-back metadata is installed'];
  return [...lines, `${missing} item(s) to install; run:`, ...deployCommands()];
}
