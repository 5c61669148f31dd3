/**
 * Plan and product values checked against the *active* catalog (the folder's `catalog.yaml`,
 * `HEADROOM_CATALOG`, or `config/catalog.yaml`), so no mapping has to name a catalog's keys. A
 * CRM holds "Pro Plan", "PROFESSIONAL" or "Insight Studio" where the catalog says `professional`
 * and `insight_studio`: keys and names are compared case-, space- and punctuation-insensitively,
 * a trailing word such as "plan" or "module" is ignored, and a value that is an unambiguous
 * abbreviation of one entry ("Pro", "Ent") resolves to it. What still matches nothing, or more
 * than one entry, is refused with the catalog's keys listed.
 */
import type { Catalog } from '../model/catalog.js';

export type CatalogRefKind = 'tier' | 'module';

export interface CatalogRefIndex {
  /** Normalized key or name -> key, per kind. */
  exact: Record<CatalogRefKind, Map<string, string>>;
  /** The catalog's keys, per kind, for issue messages. */
  keys: Record<CatalogRefKind, string[]>;
}

export type CatalogRef = { ok: true; key: string } | { ok: false; reason: string };

/** Words a CRM adds around a plan or module name that say nothing about which one it is. */
const FILLER = /(?:^|\s)(?:plan|tier|edition|package|subscription|licen[cs]e|module|add\s?on)$/;
/** The shortest value read as an abbreviation ("Pro" for Professional); shorter is a guess. */
const MIN_ABBREVIATION = 3;

/** Lower case, punctuation to spaces, runs of space collapsed: `Pro-Plan ` -> `pro plan`. */
const words = (s: string): string =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const squash = (s: string): string => s.replace(/ /g, '');

/** The forms a value is looked up by: as written, and without a trailing filler word. */
function forms(value: string): string[] {
  const w = words(value);
  const bare = w.replace(FILLER, '').trim();
  return bare && bare !== w ? [squash(w), squash(bare)] : [squash(w)];
}

export function catalogRefIndex(catalog: Catalog): CatalogRefIndex {
  const build = (entries: { key: string; name: string }[]) => {
    const map = new Map<string, string>();
    for (const e of entries) for (const f of [...forms(e.key), ...forms(e.name)]) map.set(f, e.key);
    return map;
  };
  return {
    exact: { tier: build(catalog.tiers), module: build(catalog.modules) },
    keys: { tier: catalog.tiers.map((t) => t.key), module: catalog.modules.map((m) => m.key) },
  };
}

/** What resolution depends on (keys and names, not prices): a change re-checks every account. */
export const catalogRefVersion = (catalog: Catalog): string =>
  JSON.stringify([catalog.tiers, catalog.modules].map((l) => l.map((e) => [e.key, e.name])));

const LABEL: Record<CatalogRefKind, string> = { tier: 'tier', module: 'module' };

/** Resolve one plan (`tier`) or product (`module`) value to its catalog key. */
export function resolveCatalogRef(
  index: CatalogRefIndex,
  kind: CatalogRefKind,
  value: string,
): CatalogRef {
  const table = index.exact[kind];
  const candidates = forms(value);
  for (const f of candidates) {
    const key = table.get(f);
    if (key !== undefined) return { ok: true, key };
  }
  const known = index.keys[kind].join(', ') || '(none)';
  const shortest = candidates[candidates.length - 1]!;
  if (shortest.length >= MIN_ABBREVIATION) {
    const hits = new Set<string>();
    for (const [form, key] of table) if (form.startsWith(shortest)) hits.add(key);
    if (hits.size === 1) return { ok: true, key: [...hits][0]! };
    if (hits.size > 1)
      return {
        ok: false,
        reason: `"${value}" could be the catalog ${LABEL[kind]} ${[...hits].join(' or ')}; the catalog's ${LABEL[kind]}s are ${known}`,
      };
  }
  return {
    ok: false,
    reason: `"${value}" is not a ${LABEL[kind]} of the catalog (its ${LABEL[kind]}s are ${known})`,
  };
}
