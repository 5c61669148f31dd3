/**
 * Guards performance work on the scoring core: the full output (every score, tier, id and evidence
 * line) of two fixed portfolios must stay byte-identical. The expected hashes were produced by
 * running this file's `fingerprint()` against the scoring core BEFORE the throughput changes of
 * 2026-11-24 (sha256 of `JSON.stringify` of the results, printed once and pasted here).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/scoring.bench.js';
import type { Portfolio } from '../../src/model/records.js';
import { DEFAULT_SETTINGS, scorePortfolio } from '../../src/scoring/index.js';
import { sortSmall } from '../../src/scoring/small-sort.js';
import { portfolioArb } from './arbitraries.js';
import { AS_OF, CATALOG } from './builders.js';

const sha256 = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

const scoreOne = (portfolio: Portfolio) =>
  scorePortfolio({ portfolio, catalog: CATALOG, settings: DEFAULT_SETTINGS, asOf: AS_OF });

/** 300 bench-shaped accounts scored together (cohort benchmarks included). */
export const benchFingerprint = (): string => sha256(scoreOne(generatePortfolio(300, CATALOG, 7)));

/** 100 small, irregular portfolios (every optional field present or absent), scored one by one. */
export const arbitraryFingerprint = (): string =>
  sha256(fc.sample(portfolioArb, { seed: 20261124, numRuns: 100 }).map(scoreOne));

describe('scoring output fingerprint', () => {
  it('scores a fixed 300-account bench portfolio exactly as before', () => {
    expect(benchFingerprint()).toBe(
      'ceec1e34eaf7617b8c53980015f209df619b7d7774f29eada21d7ef2585d765c',
    );
  });

  it('scores 100 fixed arbitrary portfolios exactly as before', () => {
    expect(arbitraryFingerprint()).toBe(
      'cad54fef0e9e937eccfeb4967ce5f394a07334371eaa8062f597a744ccfee0a2',
    );
  });
});

describe('sortSmall', () => {
  it('orders like Array.prototype.sort, ties kept in input order (stable)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat())), (pairs) => {
        const byFirst = (a: [number, number], b: [number, number]) => a[0] - b[0];
        expect(sortSmall([...pairs], byFirst)).toEqual([...pairs].sort(byFirst));
      }),
    );
  });
});
