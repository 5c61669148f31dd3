/**
 * Read a files-format folder (DESIGN.md "Files format") into the neutral model through the files
 * connector and a mapping: the same path `headroom sync --connector files` takes, without the
 * store. Values that cannot be read come back as issues, never as silent zeros.
 */
import { createFilesConnector } from '../../connectors/files/index.js';
import { fileURLToPath } from 'node:url';
import { resolveCatalog } from '../config/catalog.js';
import { catalogRefIndex } from '../mapping/catalog-refs.js';
import { loadMapping } from '../mapping/load.js';
import type { Catalog } from '../model/catalog.js';
import { mapRecords, sourceFields } from '../mapping/apply.js';
import {
  emptyPortfolio,
  NEUTRAL_OBJECTS,
  type Issue,
  type NeutralObject,
  type Portfolio,
} from '../model/index.js';

const DEFAULT_CATALOG = fileURLToPath(new URL('../../config/catalog.yaml', import.meta.url));

const COLLECTION: Record<NeutralObject, keyof Portfolio> = {
  account: 'accounts',
  contact: 'contacts',
  deal: 'deals',
  usage: 'usage',
  department: 'departments',
  signal: 'signals',
};

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
  const refs = catalogRefIndex(catalog);
  const connector = await createFilesConnector({ connection, options: { source } });
  const portfolio = emptyPortfolio();
  const issues: Issue[] = [];
  try {
    for (const object of NEUTRAL_OBJECTS) {
      const spec = mapping.objects[object];
      if (!spec) continue;
      const target = portfolio[COLLECTION[object]] as unknown[];
      for await (const page of connector.pull({ object: spec.from, fields: sourceFields(spec) })) {
        const mapped = mapRecords(object, spec, page.records, {
          catalog: refs,
          priorPeriodMonths: mapping.employeesPrior?.periodMonths,
          connection,
          source: page.source ?? spec.from,
        });
        for (const r of mapped.records) target.push(r);
        for (const i of mapped.issues) issues.push(i);
      }
    }
  } finally {
    await connector.close?.();
  }
  return { portfolio, issues };
}
