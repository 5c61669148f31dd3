/** seeds/004's worked example: "47 of 50 seats active, 12 users added last quarter, headcount up 30%". */
import { describe, expect, it } from 'vitest';
import { AccountSummarySchema, OpportunitySchema } from '../../src/model/output.js';
import { addDays } from '../../src/scoring/dates.js';
import { AS_OF, account, contact, evidence, only, score, weekly } from './builders.js';

const engaged = addDays(AS_OF, -6);

describe('seeds/004: 47 of 50 seats, 12 users added, headcount +30%', () => {
  const a = account({
    id: 'files:ACME',
    name: 'Acme Logistics',
    industry: 'Logistics',
    arr: 27000,
    plan: 'professional',
    seats: { licensed: 50, active: 47 },
    employees: 260,
    employeesPrior: { count: 200, asOf: addDays(AS_OF, -365) },
    contract: { start: '2025-10-01', renewal: '2026-10-01', termMonths: 12 },
    health: { score: 86, lastQbr: { date: addDays(AS_OF, -40), outcome: 'positive' } },
    featuresUsed: [
      'dashboards',
      'reports',
      'workflows',
      'api_access',
      'sso',
      'comments',
      'file_sharing',
    ],
  });
  const r = score({
    accounts: [a],
    // 13 weekly readings over 12 weeks: 35 → 47 active of 50.
    usage: weekly(a.id, 'active_seats', [35, 36, 37, 38, 40, 41, 42, 43, 44, 45, 46, 46, 47], {
      limit: 50,
    }),
    contacts: [
      contact(a.id, {
        name: 'Dana Lee',
        title: 'Director of Operations',
        roles: ['champion'],
        lastEngagedAt: engaged,
      }),
      contact(a.id, {
        name: 'Raj Patel',
        title: 'Dispatch Manager',
        roles: ['power_user'],
        lastEngagedAt: engaged,
      }),
      contact(a.id, {
        name: 'Sam Roy',
        title: 'CFO',
        roles: ['economic_buyer'],
        lastEngagedAt: engaged,
      }),
    ],
  });
  const o = only(r, 'seat_expansion');

  it('is a Tier 1 seat expansion to act on now', () => {
    expect(o).toMatchObject({ category: 'expansion', tier: 1, timing: 'now', health: 'green' });
    expect(o.scores).toEqual({ revenue: 7.2, effort: 8, likelihood: 10, composite: 8.28 });
    expect(r.accounts[0]).toMatchObject({ readiness: 'ready_now', bestTier: 1, bestScore: 8.28 });
  });

  it('names the numbers: 47 of 50 (94%), 12 users added, headcount +30%', () => {
    expect(evidence(o, 'seat_utilization')).toMatchObject({ value: 94, threshold: 80 });
    expect(evidence(o, 'seat_utilization')!.text).toContain('47 of 50');
    expect(evidence(o, 'users_added')).toMatchObject({ value: 12 });
    expect(evidence(o, 'employee_growth')).toMatchObject({
      value: 30,
      threshold: 10,
      field: 'employees / employeesPrior.count',
    });
    expect(evidence(o, 'seat_ceiling_sustained')).toMatchObject({ threshold: 14 });
  });

  it('sizes 27 seats: 47 × 1.3 = 61.1 users stay under 80% on 77 seats', () => {
    expect(o.estimatedArr).toBe(27 * 540);
    expect(o.stakeholders).toEqual({
      pitchTo: 'Dana Lee (Director of Operations)',
      decides: 'Sam Roy (CFO)',
    });
  });

  it('satisfies the output contract', () => {
    expect(() => r.opportunities.forEach((x) => OpportunitySchema.parse(x))).not.toThrow();
    expect(() => r.accounts.forEach((x) => AccountSummarySchema.parse(x))).not.toThrow();
  });
});
