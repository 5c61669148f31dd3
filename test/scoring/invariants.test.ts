import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSummarySchema, OpportunitySchema } from '../../src/model/output.js';
import { DEFAULT_SETTINGS, scorePortfolio } from '../../src/scoring/index.js';
import { round } from '../../src/scoring/format.js';
import { tierOf } from '../../src/scoring/scores.js';
import { AS_OF, CATALOG } from './builders.js';
import { portfolioArb } from './arbitraries.js';

const run = (portfolio: Parameters<typeof scorePortfolio>[0]['portfolio']) =>
  scorePortfolio({ portfolio, catalog: CATALOG, settings: DEFAULT_SETTINGS, asOf: AS_OF });

function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => numbers(x, out));
  return out;
}

describe('invariants over generated portfolios', () => {
  it('outputs satisfy the contract; scores 1–10; composite is the weighted sum; tiers follow it', () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        const r = run(p);
        expect(r.accounts.map((a) => a.accountId)).toEqual(p.accounts.map((a) => a.id));
        for (const a of r.accounts) AccountSummarySchema.parse(a);
        const flags = new Map(r.accounts.map((a) => [a.accountId, a.flags]));
        for (const o of r.opportunities) {
          OpportunitySchema.parse(o);
          const { revenue, effort, likelihood, composite } = o.scores;
          for (const s of [revenue, effort, likelihood, composite])
            expect(s >= 1 && s <= 10).toBe(true);
          expect(composite).toBeCloseTo(
            Math.min(10, Math.max(1, round(0.4 * revenue + 0.3 * effort + 0.3 * likelihood, 2))),
            10,
          );
          const byScore = tierOf(composite, DEFAULT_SETTINGS.tiers);
          // Only two rules may lower a tier: just renewed (to Tier 2), and a champion check on a
          // hint such as an email at another domain, not a departure (to Tier 3, never urgent).
          if (o.tier !== byScore && o.category === 'champion') {
            expect(o.tier).toBe(3);
            expect(o.timing).not.toBe('now');
          } else if (o.tier !== byScore) {
            expect(flags.get(o.accountId)).toContain('just_renewed');
            expect(o.tier).toBe(2);
          }
          expect(o.tier).toBeGreaterThanOrEqual(byScore);
          expect(o.id).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('no NaN, no infinity, no negative ARR anywhere', () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        const r = run(p);
        expect(numbers(r).every(Number.isFinite)).toBe(true);
        for (const o of r.opportunities) expect(o.estimatedArr).toBeGreaterThanOrEqual(0);
        for (const a of r.accounts) expect(a.potentialArr).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic, and ids are unique and stable', () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        const a = run(p);
        const b = run(structuredClone(p));
        expect(b).toEqual(a);
        const ids = a.opportunities.map((o) => o.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 100 },
    );
  });

  it('red accounts never get expansion; trials never get expansion', () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        const r = run(p);
        const health = new Map(r.accounts.map((a) => [a.accountId, a.health]));
        const lifecycle = new Map(p.accounts.map((a) => [a.id, a.lifecycle]));
        for (const o of r.opportunities) {
          if (o.category !== 'expansion') continue;
          expect(health.get(o.accountId)).not.toBe('red');
          expect(['customer']).toContain(lifecycle.get(o.accountId));
        }
      }),
      { numRuns: 150 },
    );
  });
});
