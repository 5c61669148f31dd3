/**
 * Ranking and calibration metrics for binary outcomes. AUC comes from simple-statistics' Wilcoxon
 * rank sum (ties averaged): AUC = (W − n₁(n₁+1)/2) / (n₁·n₀), the Mann–Whitney identity. Brier
 * score and top-decile lift are one line each on top of `mean`, and no maintained JS library
 * ships them with the conventions we need (lift against the sample's own base rate, ties kept
 * stable), so they are written here and tested against hand-computed cases.
 */
import { mean, probit, wilcoxonRankSum } from 'simple-statistics';

/** Area under the ROC curve; `undefined` when only one class is present (it is not defined). */
export function auc(scores: number[], labels: number[]): number | undefined {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] !== 1);
  if (!pos.length || !neg.length) return undefined;
  const w = wilcoxonRankSum(pos, neg);
  return (w - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Mean squared error of probabilities against 0/1 outcomes (lower is better; 0.25 = a coin). */
export function brier(probabilities: number[], labels: number[]): number {
  if (!probabilities.length) throw new RangeError('brier: no predictions');
  return mean(probabilities.map((p, i) => (p - (labels[i] ?? 0)) ** 2));
}

/**
 * Positive rate among the top `fraction` of scores divided by the overall positive rate. Ties at
 * the boundary are broken by input order, so a constant score gives the lift of the first rows;
 * callers pass rows in a neutral order (time) for that reason.
 */
export function topLift(scores: number[], labels: number[], fraction = 0.1): number | undefined {
  const base = labels.filter((l) => l === 1).length / labels.length;
  if (!labels.length || base === 0) return undefined;
  const n = Math.max(1, Math.ceil(labels.length * fraction));
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
  const hits = order.slice(0, n).filter(({ i }) => labels[i] === 1).length;
  return hits / n / base;
}

/** Wilson score interval for a proportion (95% by default): honest at small counts and at 0 or 1. */
export function wilson(
  successes: number,
  n: number,
  confidence = 0.95,
): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  // simple-statistics' probit is an approximation (1.9572 for 97.5%); the usual level is exact.
  const z = confidence === 0.95 ? 1.959963984540054 : probit(1 - (1 - confidence) / 2);
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface HoldoutMetrics {
  auc?: number;
  brier: number;
  topDecileLift?: number;
}

export function holdoutMetrics(probabilities: number[], labels: number[]): HoldoutMetrics {
  const a = auc(probabilities, labels);
  const l = topLift(probabilities, labels, 0.1);
  return {
    ...(a !== undefined ? { auc: a } : {}),
    brier: brier(probabilities, labels),
    ...(l !== undefined ? { topDecileLift: l } : {}),
  };
}
