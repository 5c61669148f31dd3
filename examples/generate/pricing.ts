/**
 * What the catalog says an account pays, so generated ARR always equals seats x tier price plus
 * modules: the scoring core estimates expansion ARR from the same catalog, and the two agree.
 */
import type { Catalog, Module, Tier } from '../../src/model/catalog.js';

export function tierOf(catalog: Catalog, key: string): Tier {
  const tier = catalog.tiers.find((t) => t.key === key);
  if (!tier) throw new Error(`catalog has no tier "${key}"`);
  return tier;
}

export function moduleOf(catalog: Catalog, key: string): Module {
  const mod = catalog.modules.find((m) => m.key === key);
  if (!mod) throw new Error(`catalog has no module "${key}"`);
  return mod;
}

export const tierRank = (catalog: Catalog, key: string): number =>
  catalog.tiers.findIndex((t) => t.key === key);

/** The tier above `key`, if any. */
export const nextTier = (catalog: Catalog, key: string): Tier | undefined =>
  catalog.tiers[tierRank(catalog, key) + 1];

/** Can `plan` buy `mod` (its `requiresTier` at or below the plan)? */
export const canBuy = (catalog: Catalog, plan: string, mod: Module): boolean =>
  !mod.requiresTier || tierRank(catalog, mod.requiresTier) <= tierRank(catalog, plan);

/** Annual recurring revenue of a plan, seat count and module set, in catalog prices. */
export function arrOf(catalog: Catalog, plan: string, seats: number, modules: string[]): number {
  let base = seats * tierOf(catalog, plan).seatPrice;
  const pct: number[] = [];
  for (const key of modules) {
    const { price } = moduleOf(catalog, key);
    if (price.perSeat !== undefined) base += price.perSeat * seats;
    else if (price.flat !== undefined) base += price.flat;
    else if (price.pctOfArr !== undefined) pct.push(price.pctOfArr);
  }
  return Math.round(base * (1 + pct.reduce((s, p) => s + p, 0)));
}

/** What adding `key` to an account adds to its ARR. */
export const moduleArr = (
  catalog: Catalog,
  plan: string,
  seats: number,
  modules: string[],
  key: string,
): number => arrOf(catalog, plan, seats, [...modules, key]) - arrOf(catalog, plan, seats, modules);

/** Industry affinity of a module (look-alike buyers cluster by industry and size). */
export function moduleAffinity(key: string, industry: string, segment: string): number {
  const byKey: Record<string, (i: string, s: string) => number> = {
    insight_studio: (_i, s) => (s === 'smb' ? 1 : 2.5),
    compliance_suite: (i) => (['Financial Services', 'Healthcare', 'Energy'].includes(i) ? 4 : 0.6),
    workflow_automation: (i) => (['Manufacturing', 'Logistics', 'Retail'].includes(i) ? 3 : 1),
    connect_hub: (i) => (['Software', 'Logistics', 'Media'].includes(i) ? 3 : 1),
    advanced_security: (i, s) =>
      (s === 'enterprise' ? 3 : 0.5) * (i === 'Financial Services' ? 2 : 1),
  };
  return byKey[key]?.(industry, segment) ?? 1;
}
