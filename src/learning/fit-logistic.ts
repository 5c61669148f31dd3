/**
 * Binary logistic regression through ml-logistic-regression (mljs): batch gradient ascent on the
 * log-likelihood for a fixed number of steps. The library has no intercept and no penalty, so we
 * add a bias column, and the fixed step count on standardized features acts as mild early-stopping
 * regularization (coefficients stay finite on separable data). Its gradient is a sum over rows, so
 * the learning rate is divided by the row count to keep the step size independent of sample size.
 */
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

export interface LogisticCoefficients {
  intercept: number;
  /** One per standardized feature column, in the standardizer's order. */
  coefficients: number[];
}

export interface FitOptions {
  /** Gradient steps. @default 300 */
  steps?: number;
  /** Step size on the mean gradient (standardized features make 1 a safe value). @default 1 */
  rate?: number;
}

/** Fit P(y = 1 | x). `rows` are standardized feature vectors; `labels` are 0/1 with both present. */
export function fitLogistic(
  rows: number[][],
  labels: number[],
  options: FitOptions = {},
): LogisticCoefficients {
  const { steps = 300, rate = 1 } = options;
  if (rows.length !== labels.length)
    throw new RangeError('fitLogistic: rows and labels differ in length');
  if (new Set(labels).size !== 2)
    throw new RangeError('fitLogistic: needs both outcomes (0 and 1) in training');
  const X = new Matrix(rows.map((r) => [1, ...r]));
  const model = new LogisticRegression({ numSteps: steps, learningRate: rate / rows.length });
  model.train(X, Matrix.columnVector(labels));
  const weights = model.classifiers[0]?.weights?.to1DArray();
  if (!weights) throw new Error('fitLogistic: the library returned no weights');
  return { intercept: weights[0]!, coefficients: weights.slice(1) };
}

export function predictLogistic(model: LogisticCoefficients, row: number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++) z += model.coefficients[j]! * (row[j] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
