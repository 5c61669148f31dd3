/**
 * Segment benchmarks built from the portfolio itself (seeds/004: "the top quartile of existing
 * customers becomes the benchmark"): per industry × segment cohort, falling back to the segment
 * and then the whole portfolio when a cohort is too small to mean anything.
 */
import { quantileSorted } from 'simple-statistics';
import type { Account, Segment } from '../../model/records.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { ScoringSettings } from '../settings/index.js';
import { segmentOf } from '../context.js';

export interface CohortStats {
  /** Top-quartile seats per employee, feature share of the tier, and products owned. */
  seatsPerEmployee?: { p75: number; label: string; size: number };
  featureShare?: { p75: number; label: string; size: number };
  products?: { p75: number; label: string; size: number };
  /** Modules most owned by the cohort's top quartile (by products owned), most common first. */
  topModules: string[];
}

export interface Benchmarks {
  cohortOf(account: Account, segment: Segment): CohortStats | undefined;
}

interface Raw {
  spe: number[];
  features: number[];
  products: number[];
  owned: string[][];
}

/** One cohort level's statistics (`*|*`, `*|segment` or `industry|segment`). */
export interface BenchmarkLevel {
  spe?: CohortStats['seatsPerEmployee'];
  features?: CohortStats['featureShare'];
  products?: CohortStats['products'];
  topModules: string[];
}

/** Every cohort level of a portfolio, by key: plain data, so it can be computed once over the
 * whole portfolio and handed to each scoring shard (`PortfolioStats`). */
export type BenchmarkLevels = Record<string, BenchmarkLevel>;

export function buildBenchmarks(
  accounts: readonly Account[],
  cx: CatalogIndex,
  s: ScoringSettings,
): Benchmarks {
  return benchmarksFrom(benchmarkLevels(accounts, cx, s));
}

export function benchmarkLevels(
  accounts: readonly Account[],
  cx: CatalogIndex,
  s: ScoringSettings,
): BenchmarkLevels {
  const raw = new Map<string, Raw>();
  const push = (key: string, a: Account) => {
    let r = raw.get(key);
    if (!r) raw.set(key, (r = { spe: [], features: [], products: [], owned: [] }));
    if (a.seats && a.employees) r.spe.push(a.seats.licensed / a.employees);
    const tier = a.plan ? cx.catalog.tiers[cx.tierRank.get(a.plan) ?? -1] : undefined;
    if (tier && tier.features.length > 0)
      r.features.push(a.featuresUsed.length / tier.features.length);
    r.products.push(a.products.length);
    r.owned.push(a.products);
  };
  for (const a of accounts) {
    if (a.lifecycle !== 'customer') continue;
    const seg = segmentOf(a, s.benchmarks);
    push(`${a.industry ?? '*'}|${seg}`, a);
    push(`*|${seg}`, a);
    push('*|*', a);
  }
  const min = s.benchmarks.minCohort;
  const stat = (values: number[], label: string) => {
    if (values.length < min) return undefined;
    // A typed array sorts numbers without a comparator call per comparison (100k accounts sort
    // nine arrays here); the values are finite, so the order is the numeric one.
    const sorted = Array.from(Float64Array.from(values).sort());
    return { p75: quantileSorted(sorted, 0.75), label, size: values.length };
  };
  const label = (key: string) =>
    key === '*|*' ? 'the portfolio' : key.replace('*|', '').replace('|', ' / ');
  const levels: BenchmarkLevels = {};
  // Ties go to the catalog's order, never to how the keys are spelled: renaming a catalog key must
  // not change which module the peers are said to own most.
  const rank = new Map(cx.catalog.modules.map((m, i) => [m.key, i]));
  const order = (k: string) => rank.get(k) ?? rank.size;
  for (const [key, r] of raw) {
    const products = stat(r.products, label(key));
    const counts = new Map<string, number>();
    if (products) {
      for (const owned of r.owned)
        if (owned.length >= products.p75)
          for (const m of owned) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    const topModules = [...counts]
      .sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]) || (a[0] < b[0] ? -1 : 1))
      .map(([m]) => m);
    const spe = stat(r.spe, label(key));
    const features = stat(r.features, label(key));
    levels[key] = {
      ...(spe && { spe }),
      ...(features && { features }),
      ...(products && { products }),
      topModules,
    };
  }
  return levels;
}

/** The cohort lookup over a portfolio's levels. */
export function benchmarksFrom(levels: BenchmarkLevels): Benchmarks {
  const level = (key: string): BenchmarkLevel | undefined =>
    Object.hasOwn(levels, key) ? levels[key] : undefined;
  const cache = new Map<string, CohortStats | undefined>();
  return {
    cohortOf(account, segment) {
      const key = `${account.industry ?? '*'}|${segment}`;
      if (cache.has(key)) return cache.get(key);
      const chain = [level(key), level(`*|${segment}`), level('*|*')];
      const pick = <K extends 'spe' | 'features' | 'products'>(k: K) =>
        chain.find((l) => l?.[k])?.[k];
      const productsLevel = chain.find((l) => l?.products);
      const spe = pick('spe');
      const features = pick('features');
      const products = pick('products');
      const stats: CohortStats | undefined =
        spe || features || products
          ? {
              ...(spe && { seatsPerEmployee: spe }),
              ...(features && { featureShare: features }),
              ...(products && { products }),
              topModules: productsLevel?.topModules ?? [],
            }
          : undefined;
      cache.set(key, stats);
      return stats;
    },
  };
}
