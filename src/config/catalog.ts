/**
 * Which catalog a run uses: a `catalog.yaml` inside a files-connector folder overrides the
 * configured one (DESIGN.md "Files format").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogSchema, type Catalog } from '../model/catalog.js';
import { loadYamlFile } from './load-yaml.js';

export function loadCatalog(file: string): Catalog {
  return loadYamlFile(CatalogSchema, file);
}

/** The folder's own catalog when it has one, else `fallback`. */
export function resolveCatalog(
  fallback: string,
  folder?: string,
): { catalog: Catalog; file: string } {
  const own = folder ? join(folder, 'catalog.yaml') : undefined;
  const file = own && existsSync(own) ? own : fallback;
  return { catalog: loadCatalog(file), file };
}
