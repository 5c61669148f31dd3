/**
 * Read a files-format folder (DESIGN.md "Files format") into the neutral model through the files
 * connector and a mapping: the same path `headroom sync --connector files` takes, without the
 * store. Values that cannot be read come back as issues, never as silent zeros.
 */
import { fileURLToPath } from 'node:url';
import { createFilesConnector } from '../../connectors/files/index.js';
import { resolveCatalog } from '../config/catalog.js';
import { catalogRefIndex } from '../mapping/catalog-refs.js';
import { loadMapping } from '../mapping/load.js';
import type { Catalog } from '../model/catalog.js';
import type { Issue, Portfolio } from '../model/index.js';
import { collectMapped } from '../profile/collect.js';

const DEFAULT_CATALOG = fileURLToPath(new URL('../../config/catalog.yaml', import.meta.url));

export interface FilesPortfolio {
  portfolio: Portfolio;
  issues: Issue[];
}

/** Pull every mapped object from `source` and map it. Throws SourceError when there is no accounts file. */
export async function readFilesPortfolio(
  source: string,
  mappingFile: string,
  connection = 'files',
  /** The active catalog plans and products are checked against. @default the folder's
   * `catalog.yaml`, else `config/catalog.yaml` */
  catalog: Catalog = resolveCatalog(DEFAULT_CATALOG, source).catalog,
): Promise<FilesPortfolio> {
  const mapping = loadMapping(mappingFile);
  const connector = await createFilesConnector({ connection, options: { source } });
  try {
    const { portfolio, issues } = await collectMapped(connector, mapping, {
      connection,
      catalog: catalogRefIndex(catalog),
    });
    return { portfolio, issues };
  } finally {
    await connector.close?.();
  }
}
