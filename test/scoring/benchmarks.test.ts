import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { account, evidence, ofType, score } from './builders.js';

/** Eight SaaS mid-market peers: 1 seat per 2 employees, two modules, most features. */
function peers(): Account[] {
  return Array.from({ length: 8 }, (_, i) =>
    account({
      id: `files:P${i}`,
      industry: 'SaaS',
      segment: 'mid-market',
      employees: 100,
      seats: { licensed: 50, active: 45 },
      products: ['insight_studio', i % 2 ? 'connect_hub' : 'workflow_automation'],
      featuresUsed: [
        'dashboards',
        'reports',
        'workflows',
        'api_access',
        'sso',
        'custom_fields',
        'comments',
        'file_sharing',
      ],
    }),
  );
}

describe('segment benchmarks from the portfolio top quartile', () => {
  const laggard = account({
    id: 'files:L',
    industry: 'SaaS',
    segment: 'mid-market',
    employees: 200,
    seats: { licensed: 40, active: 36 },
    featuresUsed: ['dashboards', 'reports'],
  });

  it('seats per employee under the top quartile → seats for part of the gap', () => {
    const r = score({ accounts: [...peers(), laggard] });
    const o = ofType(r, 'seat_expansion').find((x) => x.accountId === laggard.id)!;
    // Top quartile 0.5 seats/employee; 0.2 < 60% of it. Gap to 100 seats = 60, 25% of it = 15.
    expect(o.estimatedArr).toBe(15 * 540);
    expect(evidence(o, 'benchmark_seats_per_employee')).toMatchObject({
      value: 0.2,
      threshold: 0.5,
      field: 'seats.licensed / employees',
    });
  });

  it('fewer products than the top quartile → the module top peers own most', () => {
    const r = score({ accounts: [...peers(), laggard] });
    const o = ofType(r, 'add_on').find((x) => x.accountId === laggard.id)!;
    expect(o.id).toContain('insight_studio');
    expect(evidence(o, 'benchmark_products')).toMatchObject({ value: 0, threshold: 2 });
  });

  it('a tie between modules goes to the catalog order, not to how the keys are spelled', () => {
    // Four peers own workflow_automation, four connect_hub: alphabetically connect_hub comes
    // first, in the catalog workflow_automation does. Renaming a key must not flip the pitch.
    const tied = peers().map((a, i) => ({
      ...a,
      products: [i % 2 ? 'connect_hub' : 'workflow_automation'],
    }));
    const r = score({ accounts: [...tied, laggard] });
    const o = ofType(r, 'add_on').find((x) => x.accountId === laggard.id)!;
    expect(o.title).toContain('Workflow Automation');
  });

  it('feature adoption under the top quartile is activation, not an upgrade', () => {
    const r = score({ accounts: [...peers(), laggard] });
    const o = ofType(r, 'activation').find(
      (x) => x.accountId === laggard.id && evidence(x, 'benchmark_feature_adoption'),
    );
    expect(o?.estimatedArr).toBe(0);
  });

  it('a cohort smaller than minCohort does not benchmark', () => {
    const r = score({ accounts: [...peers().slice(0, 6), laggard] });
    expect(
      r.opportunities.some((o) => o.evidence.some((e) => e.signal.startsWith('benchmark_'))),
    ).toBe(false);
  });

  it('peers at the benchmark get no benchmark evidence', () => {
    const r = score({ accounts: peers() });
    expect(
      r.opportunities.some((o) => o.evidence.some((e) => e.signal.startsWith('benchmark_'))),
    ).toBe(false);
  });
});
