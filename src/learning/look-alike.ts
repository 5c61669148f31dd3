/**
 * Look-alike cross-sell: for each catalog module, which accounts look like the ones that bought
 * it? A k-nearest-neighbour vote over a pool of adopters (profiled on the eve of adoption where
 * history allows) and non-adopters (profiled now), so the share of adopters among the k nearest is
 * a probability. Non-adopters are subsampled to at most `maxNegatives` (deterministically, by a
 * hash of the id) and their votes re-weighted by the sampling rate, which keeps 10k-account
 * portfolios to seconds without biasing the estimate. With fewer than `minAdopters` adopters there
 * is nothing to match on, and the account's segment adoption rate stands in.
 */
import type { Catalog, Portfolio } from '../model/index.js';
import { addDays, onOrBefore, requireIsoDate } from '../dates.js';
import { describeLookAlike } from './look-alike-evidence.js';
import { encodeProfiles, profileOf, type Profile } from './look-alike-profile.js';
import { historyIndex } from './truncate.js';

export interface LookAlikeInput {
  portfolio: Portfolio;
  catalog: Catalog;
  asOf: string;
  /** Neighbours consulted. @default 5 */
  k?: number;
  /** Adopters a module needs before neighbours are used. @default 5 */
  minAdopters?: number;
  /** Non-adopters kept in the neighbour pool (sampled, re-weighted). @default 2000 */
  maxNegatives?: number;
}

export interface LookAlikeNeighbour {
  accountId: string;
  name: string;
  /** Close date of the won deal that added the module, when the deal history shows it. */
  adoptedAt?: string;
}

export interface LookAlikeScore {
  accountId: string;
  accountName: string;
  module: string;
  moduleName: string;
  /** Estimated probability the account adopts the module. */
  probability: number;
  basis: 'knn' | 'segment_rate';
  /** The adopters among the k nearest, nearest first. */
  neighbours: LookAlikeNeighbour[];
  evidenceText: string;
}

interface PoolEntry {
  accountId: string;
  adopter: boolean;
  adoptedAt?: string;
  profile: Profile;
}

const fnv = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Scores for every (customer account, module it does not own). Pure and deterministic. */
export function lookAlike(input: LookAlikeInput): LookAlikeScore[] {
  const { portfolio, catalog, k = 5, minAdopters = 5, maxNegatives = 2000 } = input;
  const asOf = requireIsoDate(input.asOf, 'asOf');
  const index = historyIndex(portfolio);
  const accounts = portfolio.accounts.filter((a) => a.lifecycle !== 'churned');
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const empty = { deals: [], usage: [] };
  const out: LookAlikeScore[] = [];

  for (const mod of catalog.modules) {
    const pool: PoolEntry[] = [];
    const candidates: PoolEntry[] = [];
    for (const a of accounts) {
      const h = index.get(a.id) ?? empty;
      if (a.products.includes(mod.key)) {
        const adoptedAt = h.deals
          .filter(
            (d) =>
              d.closed && d.won && d.products.includes(mod.key) && onOrBefore(d.closeDate, asOf),
          )
          .map((d) => d.closeDate!)
          .sort()[0];
        const profileDate = adoptedAt === undefined ? undefined : addDays(adoptedAt, -1);
        pool.push({
          accountId: a.id,
          adopter: true,
          ...(adoptedAt ? { adoptedAt } : {}),
          profile: profileOf(a, h, mod.key, profileDate, catalog),
        });
      } else {
        candidates.push({ accountId: a.id, adopter: false, profile: profileOf(a, h, mod.key) });
      }
    }
    const adopters = pool.length;
    const name = (id: string) => byId.get(id)?.name ?? id;
    if (adopters < minAdopters) {
      out.push(...segmentRates(candidates, pool, mod, name));
      continue;
    }
    const negatives = [...candidates]
      .sort((a, b) => fnv(a.accountId) - fnv(b.accountId) || a.accountId.localeCompare(b.accountId))
      .slice(0, maxNegatives);
    const weight = negatives.length ? candidates.length / negatives.length : 1;
    const all = [...pool, ...negatives, ...candidates];
    const { dims, rows, industry, segment } = encodeProfiles(all.map((e) => e.profile));
    // Where each candidate sits in the negative sample (it must not be its own neighbour).
    const poolIndex = new Map(negatives.map((e, i) => [e.accountId, pool.length + i]));
    const poolSize = pool.length + negatives.length;
    const prior = adopters / (adopters + candidates.length);
    const kk = Math.max(1, Math.min(k, poolSize - 1));
    const bestD = new Float64Array(kk);
    const bestI = new Int32Array(kk);

    for (let c = 0; c < candidates.length; c++) {
      const cand = candidates[c]!;
      const ci = poolSize + c;
      const cb = ci * dims;
      const self = poolIndex.get(cand.accountId) ?? -1;
      bestD.fill(Infinity);
      bestI.fill(-1);
      for (let p = 0; p < poolSize; p++) {
        if (p === self) continue;
        const pb = p * dims;
        let d = (industry[ci] === industry[p] ? 0 : 1) + (segment[ci] === segment[p] ? 0 : 1);
        for (let j = 0; j < dims && d < bestD[kk - 1]!; j++) {
          const diff = rows[cb + j]! - rows[pb + j]!;
          d += diff * diff;
        }
        if (d >= bestD[kk - 1]!) continue;
        let i = kk - 1;
        for (; i > 0 && bestD[i - 1]! > d; i--) {
          bestD[i] = bestD[i - 1]!;
          bestI[i] = bestI[i - 1]!;
        }
        bestD[i] = d;
        bestI[i] = p;
      }
      const near = [...bestI].filter((i) => i >= 0).map((i) => all[i]!);
      const yes = near.filter((e) => e.adopter);
      // Smoothed toward the portfolio rate with one pseudo-vote; non-adopter votes re-weighted.
      const probability =
        (yes.length + prior) / (yes.length + weight * (near.length - yes.length) + 1);
      const neighbours = yes.map((e) => ({
        accountId: e.accountId,
        name: name(e.accountId),
        ...(e.adoptedAt ? { adoptedAt: e.adoptedAt } : {}),
      }));
      out.push({
        accountId: cand.accountId,
        accountName: name(cand.accountId),
        module: mod.key,
        moduleName: mod.name,
        probability,
        basis: 'knn',
        neighbours,
        evidenceText: describeLookAlike({ neighbours, moduleName: mod.name, asOf, k: near.length }),
      });
    }
  }
  return out;
}

function segmentRates(
  candidates: PoolEntry[],
  adopters: PoolEntry[],
  mod: { key: string; name: string },
  name: (id: string) => string,
): LookAlikeScore[] {
  const count = (entries: PoolEntry[]) => {
    const m = new Map<string, number>();
    for (const e of entries) m.set(e.profile.segment, (m.get(e.profile.segment) ?? 0) + 1);
    return m;
  };
  const owners = count(adopters);
  const totals = count([...adopters, ...candidates]);
  return candidates.map((c) => {
    const seg = c.profile.segment;
    const own = owners.get(seg) ?? 0;
    const total = totals.get(seg) ?? 1;
    const label = seg === 'unknown' ? 'accounts without a segment' : `${seg} accounts`;
    return {
      accountId: c.accountId,
      accountName: name(c.accountId),
      module: mod.key,
      moduleName: mod.name,
      probability: own / total,
      basis: 'segment_rate' as const,
      neighbours: [],
      evidenceText: `${own} of ${total} ${label} own ${mod.name} (too few adopters to match on look-alikes).`,
    };
  });
}
