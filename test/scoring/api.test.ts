import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  opportunityFeatures,
  opportunityId,
  scorePortfolio,
} from '../../src/scoring/index.js';
import { AS_OF, CATALOG, account, evidence, only, portfolio, signal } from './builders.js';

const a = account({ id: 'salesforce:001Dn00000ABCdeIAH', seats: { licensed: 50, active: 35 } });
const p = portfolio({ accounts: [a], signals: [signal(a.id, 'initiative', 'SOC 2 audit')] });
const run = (extra = {}) =>
  scorePortfolio({
    portfolio: p,
    catalog: CATALOG,
    settings: DEFAULT_SETTINGS,
    asOf: AS_OF,
    ...extra,
  });

describe('opportunity ids', () => {
  it('are stable, readable and CRM-safe', () => {
    const id = opportunityId('salesforce:001Dn00000ABCdeIAH', 'add_on', 'compliance_suite');
    expect(id).toBe(opportunityId('salesforce:001Dn00000ABCdeIAH', 'add_on', 'compliance_suite'));
    expect(id).toMatch(/^salesforce_001Dn00000ABCdeIAH-add_on-compliance_suite-[a-z0-9]{11}$/);
  });
  it('do not collide when slugs do', () => {
    expect(opportunityId('a:b', 'add_on', 'x')).not.toBe(opportunityId('a_b', 'add_on', 'x'));
  });
  it('stay within 80 characters for long inputs', () => {
    const id = opportunityId(
      `hubspot:${'9'.repeat(120)}`,
      'competitive_displacement',
      'Customer Success & Support (EMEA)',
    );
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it('are what scorePortfolio emits', () => {
    expect(only(run(), 'add_on').id).toBe(opportunityId(a.id, 'add_on', 'compliance_suite'));
  });
});

describe('likelihood override (calibration hook)', () => {
  it('replaces likelihood, recomputes composite and tier, and records the model', () => {
    const seen: Record<string, number>[] = [];
    const r = run({
      likelihoodOverride: (_o: unknown, f: Record<string, number>) => {
        seen.push(f);
        return { likelihood: 10, modelVersion: 'lr-2026-03' };
      },
    });
    const o = only(r, 'add_on');
    expect(o.scores.likelihood).toBe(10);
    expect(o.scores.composite).toBeCloseTo(0.4 * o.scores.revenue + 0.3 * o.scores.effort + 3, 2);
    expect(evidence(o, 'likelihood_model')).toMatchObject({ value: 10, field: 'lr-2026-03' });
    expect(seen[0]).toMatchObject({ type_add_on: 1, health_green: 1 });
  });
  it('returning undefined keeps the rule-based likelihood', () => {
    expect(run({ likelihoodOverride: () => undefined })).toEqual(run());
  });
});

describe('opportunityFeatures', () => {
  it('is numeric, with one-hot type/health/timing and a feature per evidence signal', () => {
    const f = opportunityFeatures(only(run(), 'add_on'));
    expect(Object.values(f).every(Number.isFinite)).toBe(true);
    expect(f).toMatchObject({
      type_add_on: 1,
      type_seat_expansion: 0,
      ev_module_need: 1,
      ev_sizing: 15000,
    });
  });
});

it('refuses an asOf that is not a date', () => {
  expect(() =>
    scorePortfolio({
      portfolio: p,
      catalog: CATALOG,
      settings: DEFAULT_SETTINGS,
      asOf: '03/02/2026',
    }),
  ).toThrow(/asOf must be a date/);
});
