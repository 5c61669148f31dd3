/**
 * Renaming catalog keys (tier, module and service keys) in the catalog, every data cell that
 * holds one, and the truth: the metamorphic test's transformation. Names stay as they are.
 */
import type { Catalog } from '../../src/model/catalog.js';
import type { Rows } from './rows.js';
import type { Truth } from './truth.js';

export type KeyRename = Record<string, string>;

export function renameKeys(catalog: Catalog, rows: Rows, truth: Truth, keys: KeyRename) {
  const k = (key: string) => keys[key] ?? key;
  const list = (cell: string) => cell.split(';').filter(Boolean).map(k).join(';');
  const renamedCatalog: Catalog = {
    ...catalog,
    tiers: catalog.tiers.map((t) => ({ ...t, key: k(t.key) })),
    modules: catalog.modules.map((m) => ({
      ...m,
      key: k(m.key),
      ...(m.requiresTier ? { requiresTier: k(m.requiresTier) } : {}),
    })),
    services: catalog.services.map((s) => ({ ...s, key: k(s.key) })),
  };
  return {
    catalog: renamedCatalog,
    rows: {
      ...rows,
      accounts: rows.accounts.map((a) => ({
        ...a,
        plan: k(a.plan ?? ''),
        products: list(a.products ?? ''),
      })),
    },
    truth: {
      ...truth,
      opportunities: truth.opportunities.map((o) =>
        o.subject ? { ...o, subject: k(o.subject) } : o,
      ),
    },
  };
}
