/**
 * Types for ml-logistic-regression 2.x (https://github.com/mljs/logistic-regression), which ships
 * none. Only what `fit-logistic.ts` uses. Binary labels train two one-vs-all classifiers;
 * `classifiers[0]` scores P(label ≠ 0), i.e. P(y = 1).
 */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  interface TwoClassClassifier {
    weights: Matrix | null;
    testScores(features: Matrix): number[];
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    numberClasses: number;
    classifiers: TwoClassClassifier[];
    train(features: Matrix, labels: Matrix): void;
    predict(features: Matrix): number[];
  }
}
