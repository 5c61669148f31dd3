/**
 * Learning from outcomes: the feedback loop (outcomes, signal precision), calibration of the
 * likelihood, backtests and look-alike cross-sell. Everything exported here is pure: no clock, no
 * I/O. The CLI's `headroom backtest` lives in `./backtest-command.js`, imported on its own so the
 * pure core never loads the files connector.
 */
export {
  deriveOutcomes,
  OutcomeSchema,
  OUTCOME_KINDS,
  type Outcome,
  type TrackedOpportunity,
  type DeriveOutcomesInput,
} from './outcomes.js';
export {
  signalPrecision,
  signalPrecisionOf,
  precisionItem,
  renderSignalPrecision,
  type HistoryItem,
  type PrecisionItem,
  type SignalPrecisionRow,
} from './signal-precision.js';
export { auc, brier, topLift, wilson, holdoutMetrics, type HoldoutMetrics } from './metrics.js';
export { evidenceFeatures, asRuleScored, MODEL_EVIDENCE, type FeatureFn } from './features.js';
export {
  calibrate,
  modelVersion,
  type CalibrationOptions,
  type CalibratedModel,
  type TypeCalibration,
} from './calibrate.js';
export {
  createLikelihoodOverride,
  calibratedProbability,
  type LikelihoodOverride,
  type LikelihoodOverrideResult,
} from './likelihood-override.js';
export { accountAsOf, type AccountHistory } from './account-as-of.js';
export { truncatePortfolio } from './truncate.js';
export {
  backtest,
  type BacktestInput,
  type BacktestResult,
  type RankedAccount,
  type ScoreFn,
  type ScoreInput,
} from './backtest.js';
export { renderBacktest } from './backtest-report.js';
export {
  lookAlike,
  type LookAlikeInput,
  type LookAlikeScore,
  type LookAlikeNeighbour,
} from './look-alike.js';
export {
  lookAlikeEvidence,
  describeLookAlike,
  type LookAlikeCandidate,
} from './look-alike-evidence.js';
