/**
 * The hook through which calibration reaches scoring: for an opportunity whose type has an
 * adopted model, the calibrated win probability replaces the rule-based likelihood (×10, on the
 * rubric's 1–10 scale) and the model version travels with the score. Types without an adopted
 * model return `undefined`, so scoring keeps its rule.
 */
import type { Opportunity, OpportunityType } from '../model/index.js';
import type { CalibratedModel, TypeCalibration } from './calibrate.js';
import { opportunityFeatures } from '../scoring/index.js';
import { standardize, type FeatureFn } from './features.js';
import { predictLogistic } from './fit-logistic.js';

export interface LikelihoodOverrideResult {
  /** 1–10, one decimal. */
  likelihood: number;
  /** The model that produced it (`type@hash`): recorded with every score it touches. */
  modelVersion: string;
}

/**
 * Scoring's hook (`ScoringInput.likelihoodOverride`). Scoring also passes its own features; the
 * override recomputes them with the function the models were calibrated with, so a model fitted
 * on `evidenceFeatures` is never fed differently named columns.
 */
export type LikelihoodOverride = (
  opportunity: Opportunity,
  features?: Record<string, number>,
) => LikelihoodOverrideResult | undefined;

/** P(won) for one opportunity under a calibrated model. */
export function calibratedProbability(
  model: CalibratedModel,
  opportunity: Opportunity,
  features: FeatureFn,
): number {
  return predictLogistic(model, standardize(model.standardizer, features(opportunity)));
}

/**
 * Build the override from calibration results (only adopted models are used) or from stored
 * models. Pass the same feature function the models were calibrated with.
 */
export function createLikelihoodOverride(
  calibration: (TypeCalibration | CalibratedModel)[],
  features: FeatureFn = opportunityFeatures,
): LikelihoodOverride {
  const models = new Map<OpportunityType, CalibratedModel>();
  for (const c of calibration) {
    if ('version' in c) models.set(c.type, c);
    else if (c.adopted && c.model) models.set(c.type, c.model);
  }
  return (opportunity) => {
    const model = models.get(opportunity.type);
    if (!model) return undefined;
    const p = calibratedProbability(model, opportunity, features);
    const likelihood = Math.min(10, Math.max(1, Math.round(p * 100) / 10));
    return { likelihood, modelVersion: model.version };
  };
}
