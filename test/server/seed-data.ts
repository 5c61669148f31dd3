/**
 * Builders of realistic neutral records and opportunities for the server tests: the shapes the
 * sync writes (output contract), with evidence that names real figures.
 */
import { opportunityId } from '../../src/scoring/opportunity-id.js';
import {
  EXPANSION_TYPES,
  type Account,
  type AccountSummary,
  type Contact,
  type Opportunity,
  type OpportunityType,
} from '../../src/model/index.js';

export function account(
  connection: string,
  crmId: string,
  name: string,
  o: { health: 'green' | 'yellow' | 'red' },
): Account {
  const red = o.health === 'red';
  return {
    id: `${connection}:${crmId}`,
    source: connection,
    crmId,
    name,
    domain: 'northwind.example',
    industry: 'Logistics',
    segment: 'mid-market',
    owner: { id: 'u-dana', name: 'Dana Ruiz', email: 'dana.ruiz@vendor.example' },
    lifecycle: 'customer',
    plan: 'professional',
    products: ['core'],
    arr: 120_000,
    currency: 'USD',
    seats: { licensed: 200, active: red ? 90 : 181 },
    employees: 1400,
    contract: { start: '2025-06-01', renewal: '2026-05-31', termMonths: 12 },
    health: {
      score: red ? 38 : 82,
      nps: red ? -20 : 45,
      tickets90d: red ? 31 : 6,
      ticketThemes: red ? ['sync failures', 'sso'] : [],
      lastQbr: { date: '2025-12-10', outcome: red ? 'negative' : 'positive' },
    },
    featuresUsed: ['dashboards', 'reports', 'workflows', 'api_access'],
    customFields: {},
  };
}

export function contacts(a: Account): Contact[] {
  const base = { accountId: a.id, lastEngagedAt: '2026-02-10' };
  const list: Contact[] = [
    {
      ...base,
      id: `${a.id}-c1`,
      name: 'Priya Shah',
      title: 'VP Operations',
      department: 'Operations',
      roles: ['economic_buyer'],
      status: 'active',
    },
    {
      ...base,
      id: `${a.id}-c2`,
      name: 'Marco Lind',
      title: 'Ops Manager',
      department: 'Operations',
      roles: ['power_user'],
      status: 'active',
    },
  ];
  if (a.health?.score !== undefined && a.health.score < 50) {
    list.push({
      ...base,
      id: `${a.id}-c3`,
      name: 'Elena Park',
      title: 'Director of Analytics',
      roles: ['champion'],
      status: 'left',
      leftAt: '2026-01-15',
      movedTo: { company: 'Contoso Freight', title: 'VP Data' },
    });
  }
  return list;
}

const EVIDENCE: Partial<Record<OpportunityType, Opportunity['evidence']>> = {
  seat_expansion: [
    {
      signal: 'seat_utilization',
      text: 'Seat utilization has been 88% or higher for 5 weeks (181 of 200 seats).',
      value: 0.905,
      threshold: 0.8,
      field: 'seats.active',
    },
    {
      signal: 'employee_growth',
      text: 'Headcount grew 17% in 12 months (1,200 to 1,400).',
      value: 0.17,
      threshold: 0.1,
      field: 'employees',
    },
  ],
  add_on: [
    {
      signal: 'workaround',
      text: 'The team exports reports to spreadsheets weekly (ticket theme "manual reporting").',
      field: 'health.ticketThemes',
    },
  ],
  tier_upgrade: [
    {
      signal: 'feature_graduation',
      text: 'Uses 10 of 12 Professional features (83%).',
      value: 0.83,
      threshold: 0.8,
    },
  ],
  stabilization: [
    {
      signal: 'health',
      text: 'Health score 38 with 31 tickets in 90 days.',
      value: 38,
      field: 'health.score',
    },
  ],
};

/** The id the scoring core gives an account's opportunity of `type` (subject = the type here). */
export const oppId = (accountId: string, type: OpportunityType): string =>
  opportunityId(accountId, type, type);

export function opportunity(
  a: Account,
  type: OpportunityType,
  tier: number,
  composite: number,
): Opportunity {
  const expansion = (EXPANSION_TYPES as readonly string[]).includes(type);
  return {
    id: oppId(a.id, type),
    accountId: a.id,
    accountName: a.name,
    type,
    category: expansion ? 'expansion' : 'stabilization',
    title: `${a.name}: ${type.replace(/_/g, ' ')}`,
    description: `Grow ${a.name} where the data shows demand.`,
    evidence: EVIDENCE[type] ?? [{ signal: 'usage', text: 'Usage rose 20% over the quarter.' }],
    currentState: '200 Professional seats',
    proposedState: expansion ? '240 Professional seats' : 'Stable account, health above 60',
    estimatedArr: expansion ? 21_600 : 0,
    scores: { revenue: 6, effort: 8, likelihood: 8, composite },
    tier,
    health: a.health?.score !== undefined && a.health.score < 50 ? 'red' : 'green',
    timing: tier <= 2 ? 'now' : '90d',
    timingReason: 'Renewal in 90 days: bundle it with the renewal.',
    deadline: '2026-04-15',
    renewalAligned: true,
    stakeholders: {
      pitchTo: 'Priya Shah (VP Operations)',
      decides: 'Priya Shah',
      benefits: 'Operations team',
    },
    pitch: `Your team has been at 88% seat utilization for 5 weeks at ${a.name}.`,
    approach: [
      'Week 1: share the utilization trend with Priya Shah.',
      'Week 2: propose 40 seats at renewal.',
    ],
    objections: [
      {
        objection: 'No budget until renewal.',
        response: 'Co-term the seats with the renewal on May 31.',
      },
    ],
    risks: ['Budget approval may slip past the renewal.'],
    confidence: 0.85,
  };
}

export function summary(
  a: Account,
  health: 'green' | 'yellow' | 'red',
  opps: Opportunity[],
  flags: AccountSummary['flags'] = [],
): AccountSummary {
  const best = opps.reduce((m, o) => Math.max(m, o.scores.composite), 0);
  return {
    accountId: a.id,
    name: a.name,
    arr: a.arr,
    health,
    healthReasons: health === 'red' ? ['Health score 38 (below 50)', '31 tickets in 90 days'] : [],
    readiness:
      health === 'green' ? 'ready_now' : health === 'yellow' ? 'needs_nurturing' : 'not_ready',
    bestScore: best,
    bestTier: opps.reduce((m, o) => Math.min(m, o.tier), 5),
    potentialArr: opps.reduce((t, o) => t + o.estimatedArr, 0),
    opportunityCount: opps.length,
    flags,
  };
}
