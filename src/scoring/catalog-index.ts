/**
 * The catalog, indexed once per run: tiers by key and rank, module keyword matchers, the higher
 * tier that first offers each feature, and prices resolved against an account.
 */
import type { Catalog, Module, Price, Service, Tier } from '../model/catalog.js';
import { humanKey } from './format.js';
import { compileKeywords, type KeywordMatcher } from './text-match.js';

export interface CatalogIndex {
  catalog: Catalog;
  tierRank: Map<string, number>;
  moduleByKey: Map<string, Module>;
  /** Keyword matcher per module over its `addresses`. */
  moduleMatchers: { module: Module; matcher: KeywordMatcher }[];
  /** Matches feature names (`audit_log` → "audit log") of any tier, for feature requests in text. */
  featureMatcher: KeywordMatcher;
  /** For a feature key: the rank of the lowest tier that includes it. */
  featureTier: Map<string, number>;
  servicesByTrigger: Map<string, Service[]>;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const tierRank = new Map(catalog.tiers.map((t, i) => [t.key, i]));
  const featureTier = new Map<string, number>();
  catalog.tiers.forEach((t, i) => {
    for (const f of t.features) if (!featureTier.has(f)) featureTier.set(f, i);
  });
  const servicesByTrigger = new Map<string, Service[]>();
  for (const s of catalog.services) {
    for (const t of s.triggers) servicesByTrigger.set(t, [...(servicesByTrigger.get(t) ?? []), s]);
  }
  return {
    catalog,
    tierRank,
    moduleByKey: new Map(catalog.modules.map((m) => [m.key, m])),
    moduleMatchers: catalog.modules.map((m) => ({
      module: m,
      matcher: compileKeywords(m.addresses),
    })),
    featureMatcher: compileKeywords([...featureTier.keys()].flatMap((f) => [f, humanKey(f)])),
    featureTier,
    servicesByTrigger,
  };
}

/** The tier one step above `tier`, if any. */
export function nextTier(ix: CatalogIndex, tier: Tier): Tier | undefined {
  const rank = ix.tierRank.get(tier.key);
  return rank === undefined ? undefined : ix.catalog.tiers[rank + 1];
}

/** Feature key of a matched feature phrase ("audit log" → `audit_log`). */
export function featureKeyOf(ix: CatalogIndex, phrase: string): string | undefined {
  const key = phrase.replace(/[\s-]+/g, '_');
  return ix.featureTier.has(key) ? key : undefined;
}

/** Annual price of a catalog item for an account with `seats` seats and `arr` ARR. */
export function priceOf(price: Price, seats: number, arr: number): number {
  if (price.perSeat !== undefined) return price.perSeat * seats;
  if (price.flat !== undefined) return price.flat;
  return (price.pctOfArr ?? 0) * arr;
}

/** How a price is computed, for evidence text. */
export function priceBasis(price: Price, seats: number): string {
  if (price.perSeat !== undefined) return `${seats} seats x ${price.perSeat}/seat`;
  if (price.flat !== undefined) return 'flat price';
  return `${Math.round((price.pctOfArr ?? 0) * 100)}% of ARR`;
}
