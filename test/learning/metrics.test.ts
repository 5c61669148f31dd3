import { describe, expect, it } from 'vitest';
import { auc, brier, holdoutMetrics, topLift, wilson } from '../../src/learning/metrics.js';

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for ties', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
  });

  it('counts pairs: one of four positive–negative pairs misordered gives 0.75', () => {
    expect(auc([0.9, 0.3, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.75);
  });

  it('is undefined when only one class is present', () => {
    expect(auc([0.2, 0.4], [1, 1])).toBeUndefined();
  });
});

describe('brier', () => {
  it('is the mean squared error of the probabilities', () => {
    expect(brier([1, 0, 0.5], [1, 0, 1])).toBeCloseTo(0.25 / 3, 12);
    expect(brier([0.5, 0.5], [1, 0])).toBe(0.25);
  });
});

describe('topLift', () => {
  it('compares the positive rate in the top share with the overall rate', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
    const labels = scores.map((_, i) => (i < 2 || i === 10 || i === 15 ? 1 : 0));
    // Top 10% = 2 rows, both positive: 100% against a base rate of 4/20.
    expect(topLift(scores, labels, 0.1)).toBeCloseTo(5, 12);
    expect(
      topLift(
        scores,
        scores.map(() => 0),
      ),
    ).toBeUndefined();
  });
});

describe('wilson', () => {
  it('matches published 95% intervals', () => {
    const half = wilson(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('holdoutMetrics', () => {
  it('reports AUC, Brier and top-decile lift together', () => {
    const m = holdoutMetrics([0.9, 0.1, 0.8, 0.2], [1, 0, 1, 0]);
    expect(m.auc).toBe(1);
    expect(m.brier).toBeCloseTo((0.01 + 0.01 + 0.04 + 0.04) / 4, 12);
    expect(m.topDecileLift).toBe(2);
  });
});
