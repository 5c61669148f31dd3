/**
 * The three 1–10 dimensions of seeds/004 and the composite: revenue from the % of ARR adjusted by
 * absolute dollars, effort from the type and the stakeholders it needs, likelihood from health,
 * engagement and evidence strength, lowered where data is missing.
 */
import type { Health, OpportunityType } from '../model/output.js';
import type { ScoringSettings } from './settings/index.js';
import { clamp, round } from './format.js';

type Band = ScoringSettings['revenue']['relativeBands'][number];

/** Score of `x` in a band table: linear from `low` to `high` across each band. */
export function bandScore(x: number, bands: readonly Band[], top: number): number {
  const sorted = bands; // ascending: the settings schema refuses any other order
  let i = sorted.length - 1;
  while (i > 0 && x < sorted[i]!.min) i--;
  const band = sorted[i]!;
  const upper = sorted[i + 1]?.min ?? top;
  const t = upper > band.min ? clamp((x - band.min) / (upper - band.min), 0, 1) : 1;
  return band.low + (band.high - band.low) * t;
}

/** Revenue potential of `value` (incremental ARR, or value at stake) for an account of `arr`. */
export function revenueScore(value: number, arr: number, s: ScoringSettings['revenue']): number {
  if (!(value > 0)) return 1;
  const relPct = arr > 0 ? (value / arr) * 100 : s.relativeTop;
  const rel = bandScore(relPct, s.relativeBands, s.relativeTop);
  const abs = bandScore(value, s.absoluteBands, s.absoluteTop);
  return clamp(s.relativeWeight * rel + (1 - s.relativeWeight) * abs, 1, 10);
}

/** Stakeholders an opportunity needs: the type's usual number, plus procurement for large deals,
 * plus one more when there is no champion to lead it. */
export function stakeholdersNeeded(
  type: OpportunityType,
  extra: number,
  value: number,
  hasChampion: boolean,
  s: ScoringSettings['effort'],
): number {
  return (
    s.stakeholdersByType[type] + extra + (value >= s.procurementArr ? 1 : 0) + (hasChampion ? 0 : 1)
  );
}

export function effortScore(
  type: OpportunityType,
  stakeholders: number,
  s: ScoringSettings['effort'],
): number {
  return clamp(s.byType[type] - s.perExtraStakeholder * Math.max(0, stakeholders - 1), 1, 10);
}

export interface LikelihoodInput {
  health: Health;
  /** 0..1 */
  engagement: number;
  /** 0..1 */
  strength: number;
  /** 0..1 */
  confidence: number;
}

export function likelihoodScore(i: LikelihoodInput, s: ScoringSettings['likelihood']): number {
  const raw =
    s.healthBase[i.health] +
    s.engagementWeight * (2 * i.engagement - 1) +
    s.evidenceWeight * (2 * i.strength - 1) -
    s.confidencePenalty * (1 - i.confidence);
  return clamp(raw, 1, 10);
}

export interface Scores {
  readonly revenue: number;
  readonly effort: number;
  readonly likelihood: number;
  readonly composite: number;
}

/** Dimensions rounded to one decimal; the composite computed from them, to two. */
export function compose(
  revenue: number,
  effort: number,
  likelihood: number,
  w: ScoringSettings['weights'],
): Scores {
  const r = round(revenue, 1);
  const e = round(effort, 1);
  const l = round(likelihood, 1);
  return {
    revenue: r,
    effort: e,
    likelihood: l,
    composite: clamp(round(w.revenue * r + w.effort * e + w.likelihood * l, 2), 1, 10),
  };
}

/** `compose` for a whole run, with one shared (frozen) result per distinct rounded triple. The
 * 360k opportunities of 100k accounts have a few thousand distinct score sets; a set of its own
 * for each was an object and up to four boxed numbers that the GC copied twice, ~1.3M objects
 * in all. */
export type ScoresPool = (revenue: number, effort: number, likelihood: number) => Scores;

export function createScoresPool(w: ScoringSettings['weights']): ScoresPool {
  const known = new Map<number, Scores>();
  return (revenue, effort, likelihood) => {
    // Tenths, as `compose` rounds them. A dimension outside 0.1..102.3 (never, on 1–10 scores),
    // NaN, or a zero that could be -0 is composed without the pool: no key could mix them up.
    const r = Math.round(revenue * 10);
    const e = Math.round(effort * 10);
    const l = Math.round(likelihood * 10);
    if (!(r >= 1 && r < 1024 && e >= 1 && e < 1024 && l >= 1 && l < 1024))
      return compose(revenue, effort, likelihood, w);
    const key = (r * 1024 + e) * 1024 + l;
    let scores = known.get(key);
    if (!scores) known.set(key, (scores = Object.freeze(compose(revenue, effort, likelihood, w))));
    return scores;
  };
}

/** Tier 1–5 from the composite (seeds/004 table). */
export function tierOf(composite: number, t: ScoringSettings['tiers']): 1 | 2 | 3 | 4 | 5 {
  if (composite >= t.tier1) return 1;
  if (composite >= t.tier2) return 2;
  if (composite >= t.tier3) return 3;
  if (composite >= t.tier4) return 4;
  return 5;
}
