/** Generate a portfolio into a temp folder and read it back the way a sync does. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFilesConnector } from '../../connectors/files/index.js';
import {
  generatePortfolio,
  type GenerateOptions,
  type GenerateSummary,
} from '../../examples/generate.js';
import { resolveCatalog } from '../../src/config/catalog.js';
import { mapRecords } from '../../src/mapping/apply.js';
import { catalogRefIndex } from '../../src/mapping/catalog-refs.js';
import { loadMapping } from '../../src/mapping/load.js';
import type { Issue } from '../../src/model/output.js';
import { emptyPortfolio, NEUTRAL_OBJECTS, type Portfolio } from '../../src/model/records.js';

const MAPPING = fileURLToPath(new URL('../../mappings/files.yaml', import.meta.url));

const KEY: Record<(typeof NEUTRAL_OBJECTS)[number], keyof Portfolio> = {
  account: 'accounts',
  contact: 'contacts',
  deal: 'deals',
  usage: 'usage',
  department: 'departments',
  signal: 'signals',
};

export async function readPortfolio(
  dir: string,
): Promise<{ portfolio: Portfolio; issues: Issue[] }> {
  const mapping = loadMapping(MAPPING);
  const catalog = catalogRefIndex(resolveCatalog('config/catalog.yaml', dir).catalog);
  const conn = await createFilesConnector({ connection: 'files', options: { source: dir } });
  const portfolio = emptyPortfolio();
  const issues: Issue[] = [];
  for (const object of NEUTRAL_OBJECTS) {
    const spec = mapping.objects[object]!;
    for await (const page of conn.pull({ object: spec.from, fields: [] })) {
      const r = mapRecords(object, spec, page.records, {
        catalog,
        connection: 'files',
        source: page.source ?? spec.from,
      });
      (portfolio[KEY[object]] as unknown[]).push(...r.records);
      issues.push(...r.issues);
    }
  }
  return { portfolio, issues };
}

export async function generateAndRead(
  options: Partial<GenerateOptions> = {},
): Promise<{ dir: string; summary: GenerateSummary; portfolio: Portfolio; issues: Issue[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-gen-'));
  const summary = await generatePortfolio({ out: dir, accounts: 300, seed: 7, ...options });
  return { dir, summary, ...(await readPortfolio(dir)) };
}
