/**
 * The foreign portfolio generator: a field-service vendor's customers, built from a seed with no
 * code or data from `examples/` (its own catalog, vocabulary, scales and field shapes). Returns
 * the files-format folder (dirty cells, its own `catalog.yaml`), the same facts as clean rows for
 * the CRM renderers (plan and products as the picklist labels a CRM holds: the catalog's names),
 * and the planted truth.
 *
 *   npx tsx test/foreign/generate.ts --out DIR [--seed 1] [--accounts 240]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/model/catalog.js';
import { buildAccount } from './account.js';
import { assignProfiles } from './archetypes.js';
import { FOREIGN_CATALOG } from './catalog.js';
import { dirtyRows } from './dirt.js';
import { buildFirms } from './firm.js';
import { createRng } from './random.js';
import { renameKeys, type KeyRename } from './rename.js';
import { onScales, type SurveyScales } from './survey-scales.js';
import { complete, type Rows } from './rows.js';
import type { Truth } from './truth.js';
import { writeFolder } from './write.js';

export interface ForeignOptions {
  seed: number;
  accounts: number;
  /** The run date the data is built around. @default '2026-12-01' */
  asOf?: string;
  /** Folder to write; a fresh temp folder when absent. */
  out?: string;
  /** Rename catalog keys (tiers, modules, services) everywhere: catalog, data and truth. */
  keys?: KeyRename;
  /** The scales health scores and CSAT are exported on (NPS is always the 0–10 response).
   * @default { healthScore: '0-100', csat: '0-100' } */
  scales?: SurveyScales;
}

export interface ForeignPortfolio {
  dir: string;
  asOf: string;
  catalog: Catalog;
  /** Clean rows, catalog keys in plan and products. */
  rows: Rows;
  /** Clean rows with plan and products as catalog names (what a CRM's picklists hold). */
  crmRows: Rows;
  truth: Truth;
}

export const FOREIGN_AS_OF = '2026-12-01';

const FILES: (keyof Rows)[] = ['accounts', 'contacts', 'deals', 'usage', 'departments', 'signals'];

export function generateForeign(o: ForeignOptions): ForeignPortfolio {
  const asOf = o.asOf ?? FOREIGN_AS_OF;
  const rng = createRng(o.seed);
  const firms = buildFirms(rng.fork(0), o.accounts);
  const profiles = assignProfiles(rng.fork(1), o.accounts, FOREIGN_CATALOG.tiers.length);
  const rows: Rows = {
    accounts: [],
    contacts: [],
    deals: [],
    usage: [],
    departments: [],
    signals: [],
  };
  const truth: Truth = { seed: o.seed, asOf, accounts: [], opportunities: [] };
  let contact = 0;
  let deal = 0;
  const serials = {
    contact: () => `P${String(++contact).padStart(6, '0')}`,
    deal: () => `OPP-${String(++deal).padStart(6, '0')}`,
  };
  firms.forEach((firm, i) => {
    const p = profiles[i]!;
    const built = buildAccount(rng.fork(1000 + i), asOf, firm, p, serials);
    for (const f of FILES) rows[f].push(...built.rows[f].map((r) => complete(f, r)));
    truth.accounts.push({
      accountId: firm.id,
      name: firm.name,
      archetype: p.archetype,
      risks: p.risks,
      traps: p.traps,
      championEmail: built.championEmail,
    });
    truth.opportunities.push(...built.truth);
  });
  rows.accounts = onScales(rows.accounts, o.scales);
  const renamed = renameKeys(FOREIGN_CATALOG, rows, truth, o.keys ?? {});
  const dir = o.out ?? mkdtempSync(join(tmpdir(), 'headroom-foreign-'));
  writeFolder(
    dir,
    dirtyRows(rng.fork(2), renamed.rows, renamed.catalog),
    renamed.catalog,
    renamed.truth,
  );
  return { dir, asOf, ...renamed, crmRows: labelled(renamed.rows, renamed.catalog) };
}

/** Plan and products as the catalog's names. */
function labelled(rows: Rows, catalog: Catalog): Rows {
  const name = new Map([...catalog.tiers, ...catalog.modules].map((x) => [x.key, x.name]));
  const accounts = rows.accounts.map((a) => ({
    ...a,
    plan: name.get(a.plan!) ?? a.plan!,
    products: (a.products ?? '')
      .split(';')
      .filter(Boolean)
      .map((k) => name.get(k) ?? k)
      .join(';'),
  }));
  return { ...rows, accounts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (flag: string, dflt: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1]! : dflt;
  };
  const p = generateForeign({
    seed: Number(arg('--seed', '1')),
    accounts: Number(arg('--accounts', '240')),
    out: arg('--out', join(tmpdir(), 'headroom-foreign')),
  });
  console.log(
    `${p.truth.accounts.length} accounts, ${p.truth.opportunities.length} planted opportunities in ${p.dir}`,
  );
}
