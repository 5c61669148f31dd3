/**
 * Calibration: once a type has enough resolved opportunities, fit a logistic model of P(won) on
 * the evidence features, validate it on a time-split holdout (train on the older outcomes, test on
 * the newer ones: the way it will be used), and compare it with the rule-based likelihood
 * (likelihood / 10 read as a probability) on the same holdout. The model is adopted only where it
 * beats the rule; the adopted model is the one that was validated (trained on the older part), so
 * the holdout figures describe exactly what scores will use.
 */
import { createHash } from 'node:crypto';
import type { OpportunityType } from '../model/index.js';
import { opportunityFeatures } from '../scoring/index.js';
import {
  asRuleScored,
  fitStandardizer,
  standardize,
  type FeatureFn,
  type Standardizer,
} from './features.js';
import {
  fitLogistic,
  predictLogistic,
  type FitOptions,
  type LogisticCoefficients,
} from './fit-logistic.js';
import { holdoutMetrics, type HoldoutMetrics } from './metrics.js';
import type { HistoryItem } from './signal-precision.js';

export interface CalibrationOptions {
  /** Resolved outcomes a type needs before a model is fitted. @default 30 */
  minOutcomes?: number;
  /** Share of the newest outcomes held out for validation. @default 0.3 */
  holdoutFraction?: number;
  /** How much the model's holdout AUC must exceed the rule's to be adopted. @default 0.02 */
  minAucGain?: number;
  /** Feature function; `evidenceFeatures` restricts the model to the signals. @default opportunityFeatures */
  features?: FeatureFn;
  fit?: FitOptions;
}

/** A fitted model as plain data: storable, and hashed into `version`. */
export interface CalibratedModel extends LogisticCoefficients {
  type: OpportunityType;
  /** `type@hash` of type, standardizer, coefficients and training cutoff. */
  version: string;
  /** Date of the newest training outcome: nothing later was seen in fitting. */
  trainingCutoff: string;
  standardizer: Standardizer;
}

export interface TypeCalibration {
  type: OpportunityType;
  /** Resolved (won / lost / dismissed) opportunities of this type. */
  outcomes: number;
  status: 'too_few_outcomes' | 'one_class' | 'fitted';
  trainSize?: number;
  testSize?: number;
  holdout?: { model: HoldoutMetrics; rule: HoldoutMetrics };
  /** True when the model beat the rule on the holdout and replaces the rule likelihood. */
  adopted: boolean;
  reason: string;
  model?: CalibratedModel;
}

interface Row {
  date: string;
  id: string;
  label: number;
  ruleProbability: number;
  features: Record<string, number>;
}

function rowsByType(history: HistoryItem[], features: FeatureFn): Map<OpportunityType, Row[]> {
  const out = new Map<OpportunityType, Row[]>();
  for (const item of history) {
    const { outcome, raisedAt } = item;
    if (!outcome || outcome.outcome === 'missed') continue;
    const opportunity = asRuleScored(item.opportunity);
    const rows = out.get(opportunity.type) ?? [];
    rows.push({
      date: (raisedAt ?? outcome.closedAt).slice(0, 10),
      id: opportunity.id,
      label: outcome.outcome === 'won' ? 1 : 0,
      ruleProbability: opportunity.scores.likelihood / 10,
      features: features(opportunity),
    });
    out.set(opportunity.type, rows);
  }
  return out;
}

/** Calibrate every opportunity type found in `history`. Pure and deterministic. */
export function calibrate(
  history: HistoryItem[],
  options: CalibrationOptions = {},
): TypeCalibration[] {
  const features = options.features ?? opportunityFeatures;
  const results: TypeCalibration[] = [];
  for (const [type, rows] of rowsByType(history, features)) {
    results.push(calibrateType(type, rows, options));
  }
  return results.sort((a, b) => a.type.localeCompare(b.type));
}

function calibrateType(
  type: OpportunityType,
  rows: Row[],
  options: CalibrationOptions,
): TypeCalibration {
  const { minOutcomes = 30, holdoutFraction = 0.3, minAucGain = 0.02 } = options;
  const base = { type, outcomes: rows.length, adopted: false };
  if (rows.length < minOutcomes) {
    return {
      ...base,
      status: 'too_few_outcomes',
      reason: `${rows.length} of ${minOutcomes} outcomes needed`,
    };
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const cut = Math.round(rows.length * (1 - holdoutFraction));
  const train = rows.slice(0, cut);
  const test = rows.slice(cut);
  const bothClasses = (rs: Row[]) => new Set(rs.map((r) => r.label)).size === 2;
  if (!bothClasses(train) || !bothClasses(test)) {
    return {
      ...base,
      status: 'one_class',
      reason: 'training or holdout outcomes are all won or all lost',
    };
  }
  const standardizer = fitStandardizer(train.map((r) => r.features));
  const coefficients = fitLogistic(
    train.map((r) => standardize(standardizer, r.features)),
    train.map((r) => r.label),
    options.fit,
  );
  const trainingCutoff = train[train.length - 1]!.date;
  const model: CalibratedModel = {
    type,
    version: modelVersion(type, standardizer, coefficients, trainingCutoff),
    trainingCutoff,
    standardizer,
    ...coefficients,
  };
  const labels = test.map((r) => r.label);
  const holdout = {
    model: holdoutMetrics(
      test.map((r) => predictLogistic(model, standardize(standardizer, r.features))),
      labels,
    ),
    rule: holdoutMetrics(
      test.map((r) => r.ruleProbability),
      labels,
    ),
  };
  const aucGain = (holdout.model.auc ?? 0.5) - (holdout.rule.auc ?? 0.5);
  const adopted = aucGain >= minAucGain && holdout.model.brier <= holdout.rule.brier;
  const reason = adopted
    ? `holdout AUC ${fmt(holdout.model.auc)} vs rule ${fmt(holdout.rule.auc)}, Brier ${fmt(holdout.model.brier)} vs ${fmt(holdout.rule.brier)}`
    : `does not beat the rule on the holdout (AUC ${fmt(holdout.model.auc)} vs ${fmt(holdout.rule.auc)}, ` +
      `Brier ${fmt(holdout.model.brier)} vs ${fmt(holdout.rule.brier)})`;
  return {
    ...base,
    status: 'fitted',
    trainSize: train.length,
    testSize: test.length,
    holdout,
    adopted,
    reason,
    model,
  };
}

const fmt = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(3));

/** `type@` + 12 hex of a SHA-256 over everything that determines the model's predictions. */
export function modelVersion(
  type: string,
  standardizer: Standardizer,
  coefficients: LogisticCoefficients,
  trainingCutoff: string,
): string {
  const payload = JSON.stringify({ type, standardizer, ...coefficients, trainingCutoff });
  return `${type}@${createHash('sha256').update(payload).digest('hex').slice(0, 12)}`;
}
