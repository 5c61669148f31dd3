/**
 * Read a files-format folder (DESIGN.md "Files format") into the neutral model through the files
 * connector and a mapping: the same path `headroom sync --connector files` takes, without the
 * store. Values that cannot be read come back as issues, never as silent zeros.
 */
import { createFilesConnector } from '../../connectors/files/index.js';
import { loadMapping } from '../mapping/load.js';
import { mapRecords, sourceFields } from '../mapping/apply.js';
import {
  emptyPortfolio,
  NEUTRAL_OBJECTS,
  type Issue,
  type NeutralObject,
  type Portfolio,
} from '../model/index.js';

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
): Promise<FilesPortfolio> {
  const mapping = loadMapping(mappingFile);
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
