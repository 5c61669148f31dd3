/** seeds/002's worked example: TechFlow Inc. (ACCT-3421), $85K ARR, Engineering only. */
import { describe, expect, it } from 'vitest';
import { AccountSummarySchema, OpportunitySchema } from '../../src/model/output.js';
import { addDays } from '../../src/scoring/dates.js';
import {
  AS_OF,
  account,
  contact,
  department,
  evidence,
  only,
  score,
  signal,
  weekly,
} from './builders.js';

const engaged = addDays(AS_OF, -6);

describe('seeds/002: TechFlow Inc.', () => {
  const a = account({
    id: 'files:ACCT-3421',
    name: 'TechFlow Inc.',
    industry: 'SaaS Technology',
    segment: 'enterprise',
    arr: 85000,
    plan: 'professional',
    seats: { licensed: 25, active: 25 },
    employees: 60,
    contract: { start: '2024-09-01', renewal: addDays(AS_OF, 183), termMonths: 12 },
    health: {
      score: 88,
      ticketThemes: ['API rate limits'],
      lastQbr: { date: addDays(AS_OF, -45), outcome: 'positive' },
    },
    featuresUsed: [
      'dashboards',
      'reports',
      'workflows',
      'api_access',
      'custom_fields',
      'comments',
      'file_sharing',
    ],
  });
  const r = score({
    accounts: [a],
    usage: weekly(
      a.id,
      'api_calls',
      [700_000, 740_000, 780_000, 820_000, 860_000, 900_000, 930_000],
    ),
    departments: [
      department(a.id, 'Engineering', { usesProduct: true, headcount: 25, seats: 25 }),
      department(a.id, 'Marketing', { headcount: 30 }),
      department(a.id, 'Product', { headcount: 16 }),
      department(a.id, 'Customer Success', { headcount: 10 }),
    ],
    contacts: [
      contact(a.id, {
        name: 'Priya Nair',
        title: 'VP Engineering',
        department: 'Engineering',
        roles: ['champion'],
        lastEngagedAt: engaged,
      }),
      contact(a.id, {
        name: 'Mark Chen',
        title: 'VP Marketing',
        department: 'Marketing',
        lastEngagedAt: engaged,
      }),
      contact(a.id, {
        name: 'Lena Ortiz',
        title: 'CFO',
        roles: ['economic_buyer'],
        lastEngagedAt: engaged,
      }),
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
    expect(o).toMatchObject({
      type: 'new_department',
      estimatedArr: 15 * 540,
      timing: '30d',
      tier: 3,
    });
    expect(evidence(o, 'department_whitespace')).toMatchObject({ value: 30 });
    expect(evidence(o, 'department_mention')!.text).toContain('hired 12');
    expect(o.stakeholders.pitchTo).toBe('Mark Chen (VP Marketing)');
  });

  it('API calls at 93% of the Professional limit and rising: upgrade to Enterprise', () => {
    const o = only(r, 'tier_upgrade');
    // 25 seats × $300 price difference = 8.8% of ARR: Tier 3, brought forward by the ceiling.
    expect(o).toMatchObject({
      proposedState: expect.stringMatching(/^Enterprise/),
      estimatedArr: 25 * 300,
      tier: 3,
      timing: '30d',
    });
    expect(evidence(o, 'plan_limit')).toMatchObject({
      value: 93,
      threshold: 85,
      field: 'usage[api_calls]',
    });
    expect(evidence(o, 'metric_trend')).toMatchObject({ value: 33 });
  });

  it('SOC 2 initiative: Compliance Suite at its $15,000 catalog price', () => {
    const o = byId('add_on-compliance_suite');
    expect(o).toMatchObject({ type: 'add_on', estimatedArr: 15000, tier: 2, timing: '30d' });
    expect(evidence(o, 'module_need')).toMatchObject({
      value: 'soc 2',
      field: 'signals[initiative].detail',
    });
  });

  it('a London office and a 28-seat rollout (15 + 8 + 5): the rollout package', () => {
    const o = only(r, 'professional_services');
    expect(evidence(o, 'new_office')).toBeDefined();
    expect(evidence(o, 'rollout')).toMatchObject({ value: 28, threshold: 25 });
  });

  it('hiring into Marketing is not counted again as company-wide seat growth', () => {
    expect(r.opportunities.filter((o) => o.type === 'seat_expansion')).toEqual([]);
  });

  it('satisfies the output contract', () => {
    for (const o of r.opportunities) OpportunitySchema.parse(o);
    for (const x of r.accounts) AccountSummarySchema.parse(x);
    expect(r.accounts[0]).toMatchObject({
      health: 'green',
      opportunityCount: r.opportunities.length,
    });
  });
});
