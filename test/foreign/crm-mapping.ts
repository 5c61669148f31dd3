/**
 * The HubSpot mapping for the foreign org. `mappings/hubspot.yaml` reads no usage history,
 * departments, signals or contact status (a portal keeps those in custom objects), so the
 * comparison with the files run uses `test/fixtures/e2e/hubspot-full.yaml`, the default plus
 * those objects; what depends on the catalog (plan, products) and any top-level declaration
 * (scales) is taken from the default mapping itself, so the default is what is proven.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

type Yaml = Record<string, unknown> & { objects: { account: { fields: Record<string, unknown> } } };

const read = (file: string) => parse(readFileSync(file, 'utf8')) as Yaml;

/** Writes the mapping into `dir` and returns its path. */
export function foreignHubspotMapping(dir: string): string {
  const full = read('test/fixtures/e2e/hubspot-full.yaml');
  const dflt = read('mappings/hubspot.yaml');
  for (const field of ['plan', 'products']) {
    const spec = dflt.objects.account.fields[field];
    if (spec === undefined) delete full.objects.account.fields[field];
    else full.objects.account.fields[field] = spec;
  }
  for (const [key, value] of Object.entries(dflt)) if (!(key in full)) full[key] = value;
  const file = join(dir, 'hubspot-foreign.yaml');
  writeFileSync(file, stringify(full));
  return file;
}
