/**
 * The seeds' worked examples: seeds/004's "47 of 50 seats active, 12 users added last quarter,
 * headcount up 30%" and TechFlow from seeds/002.
 */
import { describe, expect, it } from 'vitest';
import { AccountSummarySchema, OpportunitySchema } from '../../src/model/output.js';
import { addDays } from '../../src/scoring/dates.js';
import { AS_OF, account, contact, department, evidence, only, score, signal, weekly } from './builders.js';

const engaged = addDays(AS_OF, -6);

describe('seeds/004: 47 of 50 seats, 12 users added, headcount +30%', () => {
  const a = account({
    id: 'files:ACME', name: 'Acme Logistics', industry: 'Logistics', arr: 27000, plan: 'professional',
    seats: { licensed: 50, active: 47 }, employees: 260, employeesPrior: { count: 200, asOf: addDays(AS_OF, -365) },
    contract: { start: '2025-10-01', renewal: '2026-10-01', termMonths: 12 },
    health: { score: 86, lastQbr: { date: addDays(AS_OF, -40), outcome: 'positive' } },
    featuresUsed: ['dashboards', 'reports', 'workflows', 'api_access', 'sso', 'comments', 'file_sharing'],
  });
  const r = score({
    accounts: [a],
    // 13 weekly readings over 12 weeks: 35 → 47 active of 50.
    usage: weekly(a.id, 'active_seats', [35, 36, 37, 38, 40, 41, 42, 43, 44, 45, 46, 46, 47], { limit: 50 }),
    contacts: [
      contact(a.id, { name: 'Dana Lee', title: 'Director of Operations', roles: ['champion'], lastEngagedAt: engaged }),
      contact(a.id, { name: 'Raj Patel', title: 'Dispatch Manager', roles: ['power_user'], lastEngagedAt: engaged }),
      contact(a.id, { name: 'Sam Roy', title: 'CFO', roles: ['economic_buyer'], lastEngagedAt: engaged }),
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
    expect(evidence(o, 'employee_growth')).toMatchObject({ value: 30, threshold: 10, field: 'employees / employeesPrior.count' });
    expect(evidence(o, 'seat_ceiling_sustained')).toMatchObject({ threshold: 14 });
  });

  it('sizes 27 seats: 47 × 1.3 = 61.1 users stay under 80% on 77 seats', () => {
    expect(o.estimatedArr).toBe(27 * 540);
    expect(o.stakeholders).toEqual({ pitchTo: 'Dana Lee (Director of Operations)', decides: 'Sam Roy (CFO)' });
  });

  it('satisfies the output contract', () => {
    expect(() => r.opportunities.forEach((x) => OpportunitySchema.parse(x))).not.toThrow();
    expect(() => r.accounts.forEach((x) => AccountSummarySchema.parse(x))).not.toThrow();
  });
});

describe('seeds/002: TechFlow Inc.', () => {
  const a = account({
    id: 'files:ACCT-3421', name: 'TechFlow Inc.', industry: 'SaaS Technology', segment: 'enterprise', arr: 85000,
    plan: 'professional', seats: { licensed: 25, active: 25 }, employees: 60,
    contract: { start: '2024-09-01', renewal: addDays(AS_OF, 183), termMonths: 12 },
    health: { score: 88, ticketThemes: ['API rate limits'], lastQbr: { date: addDays(AS_OF, -45), outcome: 'positive' } },
    featuresUsed: ['dashboards', 'reports', 'workflows', 'api_access', 'custom_fields', 'comments', 'file_sharing'],
  });
  const r = score({
    accounts: [a],
    usage: weekly(a.id, 'api_calls', [700_000, 740_000, 780_000, 820_000, 860_000, 900_000, 930_000]),
    departments: [
      department(a.id, 'Engineering', { usesProduct: true, headcount: 25, seats: 25 }),
      department(a.id, 'Marketing', { headcount: 30 }),
      department(a.id, 'Product', { headcount: 16 }),
      department(a.id, 'Customer Success', { headcount: 10 }),
    ],
    contacts: [
      contact(a.id, { name: 'Priya Nair', title: 'VP Engineering', department: 'Engineering', roles: ['champion'], lastEngagedAt: engaged }),
      contact(a.id, { name: 'Mark Chen', title: 'VP Marketing', department: 'Marketing', lastEngagedAt: engaged }),
      contact(a.id, { name: 'Lena Ortiz', title: 'CFO', roles: ['economic_buyer'], lastEngagedAt: engaged }),
    ],
    signals: [
      signal(a.id, 'hiring', 'Marketing hired 12 new people last quarter', { value: 12 }),
      signal(a.id, 'initiative', 'SOC 2 certification initiative announced'),
      signal(a.id, 'new_office', 'Opening a London office'),
    ],
  });
  const byId = (part: string) => r.opportunities.find((o) => o.id.includes(part))!;

  it('marketing: a new department of 15 seats, pitched to the Marketing VP; the request moves it to 30d', () => {
    const o = byId('new_department-marketing');
    // 15 × $540 = 9.5% of ARR; three stakeholders keep effort low: Tier 3, brought forward.
    expect(o).toMatchObject({ type: 'new_department', estimatedArr: 15 * 540, timing: '30d', tier: 3 });
    expect(evidence(o, 'department_whitespace')).toMatchObject({ value: 30 });
    expect(evidence(o, 'department_mention')!.text).toContain('hired 12');
    expect(o.stakeholders.pitchTo).toBe('Mark Chen (VP Marketing)');
  });

  it('API calls at 93% of the Professional limit and rising: upgrade to Enterprise', () => {
    const o = only(r, 'tier_upgrade');
    // 25 seats × $300 price difference = 8.8% of ARR: Tier 3, brought forward by the ceiling.
    expect(o).toMatchObject({ proposedState: expect.stringMatching(/^Enterprise/), estimatedArr: 25 * 300, tier: 3, timing: '30d' });
    expect(evidence(o, 'plan_limit')).toMatchObject({ value: 93, threshold: 85, field: 'usage[api_calls]' });
    expect(evidence(o, 'metric_trend')).toMatchObject({ value: 33 });
  });

  it('SOC 2 initiative: Compliance Suite at its $15,000 catalog price', () => {
    const o = byId('add_on-compliance_suite');
    expect(o).toMatchObject({ type: 'add_on', estimatedArr: 15000, tier: 2, timing: '30d' });
    expect(evidence(o, 'module_need')).toMatchObject({ value: 'soc 2', field: 'signals[initiative].detail' });
  });

  it('a London office and a 28-seat rollout (15 + 8 + 5): the rollout package', () => {
    const o = only(r, 'professional_services');
    expect(evidence(o, 'new_office')).toBeDefined();
    expect(evidence(o, 'rollout')).toMatchObject({ value: 28, threshold: 10 });
  });

  it('hiring into Marketing is not counted again as company-wide seat growth', () => {
    expect(r.opportunities.filter((o) => o.type === 'seat_expansion')).toEqual([]);
  });
});
