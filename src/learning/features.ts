/**
 * Feature vectors for the learned models: named numbers in, standardized columns out. The
 * standardizer is plain data (names, means, standard deviations) so a fitted model can be stored,
 * hashed into its version, and applied later to opportunities it never saw.
 */
import { mean, standardDeviation } from 'simple-statistics';
import type { Opportunity } from '../model/index.js';

/** Named numeric features of one opportunity (scoring's `opportunityFeatures` has this shape). */
export type FeatureFn = (opportunity: Opportunity) => Record<string, number>;

/**
 * The evidence an opportunity carries, as numbers: each signal's numeric value (its presence, 1,
 * when the value is text) plus the data confidence. A narrower alternative to scoring's
 * `opportunityFeatures` (the default), which adds the rule scores, health, timing and stakeholders.
 */
export const evidenceFeatures: FeatureFn = (opportunity) => {
  const out: Record<string, number> = { confidence: opportunity.confidence };
  for (const e of opportunity.evidence) {
    const v = typeof e.value === 'number' && Number.isFinite(e.value) ? e.value : 1;
    out[e.signal] = Math.max(out[e.signal] ?? -Infinity, v);
  }
  return out;
};

export interface Standardizer {
  names: string[];
  means: number[];
  sds: number[];
}

/**
 * Fit on training rows: the union of feature names, minus those constant in training (they carry
 * nothing and would divide by zero). A feature absent from a row counts as 0 (signal not present).
 */
export function fitStandardizer(rows: Record<string, number>[]): Standardizer {
  const all = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
  const out: Standardizer = { names: [], means: [], sds: [] };
  if (!rows.length) return out;
  for (const name of all) {
    const col = rows.map((r) => finite(r[name]));
    const sd = standardDeviation(col);
    if (!(sd > 1e-12)) continue;
    out.names.push(name);
    out.means.push(mean(col));
    out.sds.push(sd);
  }
  return out;
}

const finite = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) ? v : 0);

export function standardize(s: Standardizer, row: Record<string, number>): number[] {
  return s.names.map((name, j) => (finite(row[name]) - s.means[j]!) / s.sds[j]!);
}

/** The evidence key scoring adds when a calibrated model set the likelihood. */
export const MODEL_EVIDENCE = 'likelihood_model';

/**
 * The opportunity as the rules scored it. Once a model is in use, scoring records it as a
 * `likelihood_model` evidence line ("… (rules: 6)") and the score carries the model's likelihood;
 * learning from that opportunity again must see the rule likelihood and not the model's own
 * output as a signal, or the model would learn from itself.
 */
export function asRuleScored(opportunity: Opportunity): Opportunity {
  const note = opportunity.evidence.find((e) => e.signal === MODEL_EVIDENCE);
  if (!note) return opportunity;
  const fromText = /\(rules: (\d+(?:\.\d+)?)\)/.exec(note.text)?.[1];
  const rule =
    typeof note.threshold === 'number'
      ? note.threshold
      : fromText !== undefined
        ? Number(fromText)
        : undefined;
  return {
    ...opportunity,
    evidence: opportunity.evidence.filter((e) => e.signal !== MODEL_EVIDENCE),
    scores: { ...opportunity.scores, likelihood: rule ?? opportunity.scores.likelihood },
  };
}
