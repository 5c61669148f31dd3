import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS as S } from '../../src/scoring/index.js';
import fc from 'fast-check';
import {
  compose,
  createScoresPool,
  effortScore,
  likelihoodScore,
  revenueScore,
  stakeholdersNeeded,
  tierOf,
} from '../../src/scoring/scores.js';

const relativeOnly = { ...S.revenue, relativeWeight: 1 };

describe('revenue potential: % of ARR, adjusted for absolute dollars', () => {
  it.each([
    { pct: 0, score: 1 },
    { pct: 4.99, score: 2 },
    { pct: 5, score: 3 },
    { pct: 10, score: 5 },
    { pct: 24.99, score: 6 },
    { pct: 25, score: 7 },
    { pct: 50, score: 9 },
    { pct: 100, score: 10 },
    { pct: 300, score: 10 },
  ])('$pct% of ARR → $score (rubric bands)', ({ pct, score }) => {
    expect(revenueScore((pct / 100) * 100000 || 0, 100000, relativeOnly)).toBeCloseTo(score, 1);
  });

  it('blends relative and absolute scores by relativeWeight', () => {
    // $25K on $500K: 5% → 3 relative; $25K → 7 absolute; 50/50 → 5.
    expect(revenueScore(25000, 500000, S.revenue)).toBeCloseTo(5, 5);
  });

  it('a big-dollar small-% opportunity outranks the same % on a small account', () => {
    expect(revenueScore(25000, 500000, S.revenue)).toBeGreaterThan(
      revenueScore(500, 10000, S.revenue),
    );
  });

  it('zero value scores 1', () => {
    expect(revenueScore(0, 50000, S.revenue)).toBe(1);
  });
});

describe('effort: by type and stakeholders', () => {
  it.each([
    { type: 'usage_expansion', extra: 0, value: 1000, champion: true, effort: 9 },
    { type: 'seat_expansion', extra: 0, value: 1000, champion: true, effort: 8 },
    { type: 'seat_expansion', extra: 0, value: 1000, champion: false, effort: 7.25 },
    { type: 'seat_expansion', extra: 0, value: 60000, champion: true, effort: 7.25 },
    { type: 'new_department', extra: 0, value: 1000, champion: true, effort: 3.5 },
    { type: 'competitive_displacement', extra: 1, value: 60000, champion: false, effort: 1 },
  ] as const)(
    '$type, +$extra stakeholders, $value, champion $champion → $effort',
    ({ type, extra, value, champion, effort }) => {
      const n = stakeholdersNeeded(type, extra, value, champion, S.effort);
      expect(effortScore(type, n, S.effort)).toBeCloseTo(effort, 5);
    },
  );
});

describe('likelihood: health, engagement, evidence, data confidence', () => {
  const base = { health: 'green' as const, engagement: 0.5, strength: 0.5, confidence: 1 };
  it('neutral inputs give the health base: a healthy account is "moderate" (5-6) on the rubric', () => {
    expect(likelihoodScore(base, S.likelihood)).toBe(6);
    expect(likelihoodScore({ ...base, health: 'yellow' }, S.likelihood)).toBe(4.5);
    expect(likelihoodScore({ ...base, health: 'red' }, S.likelihood)).toBe(3);
  });
  it('engagement and evidence each move it by up to their weight (1.5 and 2.5)', () => {
    expect(likelihoodScore({ ...base, engagement: 1, strength: 1 }, S.likelihood)).toBe(10);
    expect(likelihoodScore({ ...base, engagement: 1, strength: 0.5 }, S.likelihood)).toBe(7.5);
    expect(likelihoodScore({ ...base, engagement: 0.5, strength: 1 }, S.likelihood)).toBe(8.5);
    expect(likelihoodScore({ ...base, engagement: 0, strength: 0 }, S.likelihood)).toBe(2);
  });
  it('missing data lowers it', () => {
    expect(likelihoodScore({ ...base, confidence: 0.5 }, S.likelihood)).toBe(4.5);
  });
  it('stays within 1–10', () => {
    expect(
      likelihoodScore({ health: 'red', engagement: 0, strength: 0, confidence: 0 }, S.likelihood),
    ).toBe(1);
  });
});

describe('composite and tiers', () => {
  it('composite = 0.4 × revenue + 0.3 × effort + 0.3 × likelihood', () => {
    expect(compose(7.2, 8, 9.1, S.weights)).toEqual({
      revenue: 7.2,
      effort: 8,
      likelihood: 9.1,
      composite: 8.01,
    });
  });
  it.each([
    [10, 1],
    [8, 1],
    [7.99, 2],
    [6, 2],
    [5.99, 3],
    [4, 3],
    [3.99, 4],
    [2, 4],
    [1.99, 5],
    [1, 5],
  ])('composite %d → Tier %d', (composite, tier) => {
    expect(tierOf(composite, S.tiers)).toBe(tier);
  });
});

describe('score sets shared within a run', () => {
  it('gives exactly what compose gives, for any dimensions', () => {
    const scoresOf = createScoresPool(S.weights);
    const dim = fc.oneof(fc.double({ min: -5, max: 200, noNaN: true }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(dim, dim, dim, (r, e, l) => {
        expect(scoresOf(r, e, l)).toEqual(compose(r, e, l, S.weights));
      }),
    );
  });

  it('shares one frozen set between dimensions that round alike', () => {
    const scoresOf = createScoresPool(S.weights);
    const a = scoresOf(7.21, 8, 9.14);
    expect(scoresOf(7.2, 8.04, 9.1)).toBe(a);
    expect(scoresOf(7.3, 8, 9.1)).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
