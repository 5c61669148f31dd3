/**
 * Small, explicit inputs for the card view model's tests: one opportunity with four evidence
 * lines (the second names a figure), a scored summary, a mirrored account.
 */
import type { AccountSummary, Opportunity } from '../../src/model/index.js';
import type { AccountCardInput } from '../../src/view/account-card.js';

export function opp(id: string, over: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    accountId: 'crm:a1',
    accountName: 'Kestrel Dynamics',
    type: 'seat_expansion',
    category: 'expansion',
    title: `Play ${id}`,
    description: '',
    evidence: [
      { signal: 'trend', text: 'Usage is trending up.' },
      { signal: 'seat_utilization', text: '47 of 50 seats active (94%).', value: 0.94 },
      { signal: 'hiring', text: 'Hiring 12 engineers.' },
      { signal: 'funding', text: 'Raised a Series C.' },
    ],
    currentState: '',
    proposedState: '',
    estimatedArr: 7_350.4,
    scores: { revenue: 7, effort: 7, likelihood: 7, composite: 7 },
    tier: 2,
    health: 'green',
    timing: '30d',
    timingReason: 'Renewal in 45 days.',
    deadline: '2027-01-10',
    renewalAligned: true,
    stakeholders: {},
    pitch: 'You are at 94% of your seats.',
    approach: ['Call the VP Engineering about 10 more seats.'],
    objections: [],
    risks: [],
    confidence: 0.9,
    ...over,
  };
}

export function summary(over: Partial<AccountSummary> = {}): AccountSummary {
  return {
    accountId: 'crm:a1',
    name: 'Kestrel Dynamics',
    arr: 61_250,
    health: 'green',
    healthReasons: [],
    readiness: 'ready_now',
    bestScore: 8.26,
    bestTier: 1,
    potentialArr: 15_000,
    opportunityCount: 2,
    flags: [],
    ...over,
  };
}

export const base = (over: Partial<AccountCardInput> = {}): AccountCardInput => ({
  accountId: 'crm:a1',
  summary: summary(),
  opportunities: [],
  ...over,
});

export function accountOf(currency: string): NonNullable<AccountCardInput['account']> {
  return {
    id: 'crm:a1',
    source: 'crm',
    crmId: 'a1',
    name: 'Kestrel Dynamics',
    lifecycle: 'customer',
    products: [],
    arr: 61_250,
    currency,
    featuresUsed: [],
    customFields: {},
  };
}
