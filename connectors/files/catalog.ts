/**
 * A `catalog.yaml` dropped into a files folder overrides `config/catalog.yaml` for that folder
 * (DESIGN.md "Files format"): a customer's export can carry its own price list.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import { CatalogSchema, type Catalog } from '../../src/model/catalog.js';

export const FOLDER_CATALOG = 'catalog.yaml';

/**
 * The folder's own catalog, or `undefined` when it has none (the caller then uses
 * `config/catalog.yaml`). An invalid one throws a ConfigError naming the file and the key path.
 */
export function loadFolderCatalog(dir: string): Catalog | undefined {
  const file = join(dir, FOLDER_CATALOG);
  return existsSync(file) ? loadYamlFile(CatalogSchema, file) : undefined;
}
