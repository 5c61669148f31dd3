/**
 * A seven-account portfolio covering every shape the playbook must handle: a Tier 1 seat
 * ceiling, module gaps, a competitor alongside, a red account, a trial, a departed champion,
 * unused entitlements and an account with nothing to sell.
 */
import type { Account, AccountSummary, Contact, Opportunity } from '../../src/model/index.js';
import { account, contact, opportunity, summary } from './builders.js';

export interface Fixture {
  accounts: Account[];
  contacts: Contact[];
  opportunities: Opportunity[];
  summaries: AccountSummary[];
}

export function portfolio(): Fixture {
  const northwind = account({
    id: 'files:ACC-1',
    name: 'Northwind Logistics',
    industry: 'Logistics',
    segment: 'mid-market',
    owner: { id: 'u1', name: 'Priya Shah' },
    plan: 'professional',
    arr: 27000,
    seats: { licensed: 50, active: 44 },
    employees: 402,
    employeesPrior: { count: 310, asOf: '2025-03-01' },
    contract: { start: '2024-09-01', renewal: '2026-09-01', termMonths: 12 },
    health: {
      score: 82,
      nps: 45,
      tickets90d: 3,
      ticketThemes: ['reporting export'],
      lastQbr: { date: '2025-12-10', outcome: 'positive' },
    },
    featuresUsed: ['dashboards', 'reports', 'workflows', 'api_access', 'sso'],
  });
  const bluefin = account({
    id: 'files:ACC-2',
    name: 'Bluefin Health',
    industry: 'Healthcare',
    segment: 'enterprise',
    owner: { id: 'u2', name: 'Marcus Lee' },
    plan: 'enterprise',
    arr: 168000,
    seats: { licensed: 200, active: 151 },
    contract: { renewal: '2026-06-15' },
    health: { score: 74, nps: 20, tickets90d: 14, ticketThemes: ['audit', 'rate limits'] },
  });
  const cobalt = account({
    id: 'files:ACC-3',
    name: 'Cobalt Retail',
    industry: 'Retail',
    owner: { id: 'u1', name: 'Priya Shah' },
    plan: 'starter',
    arr: 9000,
    seats: { licensed: 30, active: 12 },
    health: {
      score: 38,
      nps: -20,
      tickets90d: 22,
      ticketThemes: ['rate limits', 'sync failures'],
      lastQbr: { date: '2026-01-20', outcome: 'negative' },
    },
  });
  const driftwood = account({
    id: 'files:ACC-4',
    name: 'Driftwood Labs',
    lifecycle: 'trial',
    arr: 0,
    seats: { licensed: 10, active: 9 },
  });
  const evergreen = account({
    id: 'files:ACC-5',
    name: 'Evergreen Bank',
    industry: 'Financial Services',
    owner: { id: 'u2', name: 'Marcus Lee' },
    plan: 'professional',
    arr: 64800,
    seats: { licensed: 120, active: 101 },
    contract: { renewal: '2026-05-01' },
    health: { score: 66, ticketThemes: [] },
  });
  const fjord = account({
    id: 'files:ACC-6',
    name: 'Fjord Media',
    plan: 'enterprise',
    arr: 42000,
    seats: { licensed: 50, active: 31 },
  });
  const granite = account({
    id: 'files:ACC-7',
    name: 'Granite Works',
    plan: 'professional',
    arr: 21600,
    seats: { licensed: 40, active: 14 },
    owner: { id: 'u3', name: 'Ana Costa' },
  });

  const contacts = [
    contact({
      id: 'c1',
      accountId: northwind.id,
      name: 'Dana Ruiz',
      title: 'Director of Operations',
      roles: ['champion'],
      lastEngagedAt: '2026-02-20',
    }),
    contact({
      id: 'c2',
      accountId: northwind.id,
      name: 'Tom Becker',
      title: 'CFO',
      roles: ['economic_buyer'],
    }),
    contact({
      id: 'c3',
      accountId: evergreen.id,
      name: 'Lena Fischer',
      title: 'VP Digital',
      roles: ['champion'],
      status: 'left',
      leftAt: '2026-02-01',
      movedTo: { company: 'Harbor Credit Union', title: 'COO' },
    }),
    contact({
      id: 'c4',
      accountId: evergreen.id,
      name: 'Raj Patel',
      title: 'IT Manager',
      roles: ['power_user'],
      lastEngagedAt: '2026-01-10',
    }),
    contact({
      id: 'c5',
      accountId: cobalt.id,
      name: 'Sara Kim',
      title: 'Head of Ecommerce',
      roles: ['decision_maker'],
    }),
  ];

  const o = (x: Parameters<typeof opportunity>[0]): Opportunity => opportunity(x);
  const opps: Opportunity[] = [
    o({
      accountId: northwind.id,
      accountName: northwind.name,
      type: 'seat_expansion',
      title: 'Add 12 seats for the growing operations team',
      evidence: [
        {
          signal: 'seat_utilization',
          text: 'Seat utilization has been at 88% (44 of 50 seats) for 5 weeks, above the 80% threshold',
          value: 0.88,
          threshold: 0.8,
          field: 'seats.active',
        },
        {
          signal: 'employee_growth',
          text: 'Headcount grew from 310 to 402 (+30%) since 2025-03-01',
          value: 0.3,
          field: 'employees',
        },
      ],
      currentState: '50 Professional seats',
      proposedState: '62 Professional seats',
      estimatedArr: 6480,
      revenue: 6,
      effort: 9,
      likelihood: 9,
      timing: 'now',
      deadline: '2026-03-16',
      stakeholders: { pitchTo: 'Dana Ruiz (Director of Operations)', decides: 'Tom Becker (CFO)' },
      risks: ['Budget freeze until the new fiscal year'],
    }),
    o({
      accountId: northwind.id,
      accountName: northwind.name,
      type: 'add_on',
      title: 'Insight Studio for the reporting exports',
      evidence: [
        {
          signal: 'ticket_theme',
          text: '3 tickets in 90 days about reporting export to spreadsheets',
          field: 'health.ticketThemes',
        },
      ],
      currentState: 'Reports exported to spreadsheets weekly',
      proposedState: 'Insight Studio for 50 seats',
      estimatedArr: 6000,
      revenue: 6,
      effort: 6,
      likelihood: 7,
    }),
    o({
      accountId: bluefin.id,
      accountName: bluefin.name,
      type: 'competitive_displacement',
      title: 'Consolidate the Drata compliance workflows',
      evidence: [
        {
          signal: 'competitor',
          text: 'Compliance team runs Drata alongside the platform for SOC 2 evidence',
        },
        { signal: 'ticket_theme', text: '14 tickets in 90 days, 5 about audit trails' },
      ],
      currentState: 'Enterprise plan plus Drata',
      proposedState: 'Compliance Suite',
      estimatedArr: 15000,
      revenue: 3,
      effort: 5,
      likelihood: 7,
      timing: '90d',
      deadline: '2026-05-15',
      renewalAligned: true,
    }),
    o({
      accountId: bluefin.id,
      accountName: bluefin.name,
      type: 'new_department',
      title: 'Roll out to the Revenue Cycle department',
      evidence: [
        { signal: 'department_gap', text: 'Revenue Cycle (85 people) does not use the product' },
      ],
      currentState: 'Clinical Ops and IT only',
      proposedState: '85 seats for Revenue Cycle',
      estimatedArr: 71400,
      revenue: 6,
      effort: 3,
      likelihood: 4,
      timing: 'hold',
      deadline: '2026-09-01',
      confidence: 0.4,
    }),
    o({
      accountId: cobalt.id,
      accountName: cobalt.name,
      type: 'stabilization',
      title: 'Stabilize before any expansion',
      evidence: [
        {
          signal: 'health_score',
          text: 'Health score 38 with 22 tickets in 90 days and a negative QBR',
        },
      ],
      currentState: 'Red health',
      proposedState: 'A fix plan with owners and dates',
      estimatedArr: 0,
      revenue: 1,
      effort: 4,
      likelihood: 4,
      health: 'red',
      timing: 'now',
    }),
    o({
      accountId: driftwood.id,
      accountName: driftwood.name,
      type: 'conversion',
      title: 'Convert the trial to Professional',
      evidence: [{ signal: 'trial_usage', text: '9 of 10 trial seats active in the last 14 days' }],
      currentState: 'Trial with 10 seats',
      proposedState: 'Professional with 10 seats',
      estimatedArr: 5400,
      revenue: 9,
      effort: 8,
      likelihood: 6,
    }),
    o({
      accountId: evergreen.id,
      accountName: evergreen.name,
      type: 'champion_followup',
      title: 'Lena Fischer left for Harbor Credit Union',
      evidence: [
        {
          signal: 'champion_left',
          text: 'Champion Lena Fischer (VP Digital) left on 2026-02-01 and is now COO at Harbor Credit Union',
        },
      ],
      currentState: 'No active champion',
      proposedState: 'A new champion and an executive sponsor',
      estimatedArr: 0,
      revenue: 1,
      effort: 5,
      likelihood: 5,
      health: 'yellow',
    }),
    o({
      accountId: evergreen.id,
      accountName: evergreen.name,
      type: 'tier_upgrade',
      title: 'Upgrade to Enterprise for audit log and sandbox',
      evidence: [
        {
          signal: 'feature_request',
          text: 'Asked for audit log and sandbox in 4 tickets since December',
        },
      ],
      currentState: 'Professional, 120 seats',
      proposedState: 'Enterprise, 120 seats',
      estimatedArr: 36000,
      revenue: 8,
      effort: 8,
      likelihood: 8,
      health: 'yellow',
      renewalAligned: true,
      deadline: '2026-04-01',
      timing: '30d',
    }),
    o({
      accountId: granite.id,
      accountName: granite.name,
      type: 'activation',
      title: 'Activate the 26 unused seats',
      evidence: [{ signal: 'seat_utilization', text: '14 of 40 licensed seats active (35%)' }],
      currentState: '14 active seats',
      proposedState: '35 active seats',
      estimatedArr: 0,
      revenue: 1,
      effort: 7,
      likelihood: 6,
    }),
    o({
      accountId: northwind.id,
      accountName: northwind.name,
      type: 'support_upgrade',
      title: 'Premium Support',
      evidence: [{ signal: 'ticket_volume', text: '3 tickets in 90 days' }],
      currentState: 'Standard support',
      proposedState: 'Premium Support',
      estimatedArr: 4050,
      revenue: 2,
      effort: 5,
      likelihood: 3,
      timing: 'hold',
      deadline: '2026-10-01',
    }),
  ];

  const of = (a: Account): Opportunity[] => opps.filter((x) => x.accountId === a.id);
  const summaries = [
    summary(northwind, of(northwind)),
    summary(bluefin, of(bluefin), {
      health: 'yellow',
      healthReasons: ['14 tickets in 90 days'],
      readiness: 'needs_nurturing',
    }),
    summary(cobalt, of(cobalt), {
      health: 'red',
      healthReasons: ['Health score 38', 'Negative QBR on 2026-01-20'],
      readiness: 'not_ready',
      flags: ['at_risk'],
    }),
    summary(driftwood, of(driftwood), { flags: ['conversion_candidate', 'low_confidence'] }),
    summary(evergreen, of(evergreen), {
      health: 'yellow',
      healthReasons: ['Champion left'],
      flags: ['champion_left'],
    }),
    summary(fjord, []),
    summary(granite, of(granite), { flags: ['activation'], readiness: 'needs_nurturing' }),
  ];
  return {
    accounts: [northwind, bluefin, cobalt, driftwood, evergreen, fjord, granite],
    contacts,
    opportunities: opps,
    summaries,
  };
}
