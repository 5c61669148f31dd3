/**
 * The shared card view model, tested once for every surface (console header, embedded view,
 * HubSpot card, Salesforce component), case by case.
 */
import { describe, expect, it } from 'vitest';
import type { AccountSummary, Opportunity } from '../../src/model/index.js';
import { accountCard, type AccountCardInput } from '../../src/view/account-card.js';

function opp(id: string, over: Partial<Opportunity> = {}): Opportunity {
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

function summary(over: Partial<AccountSummary> = {}): AccountSummary {
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

const base = (over: Partial<AccountCardInput> = {}): AccountCardInput => ({
  accountId: 'crm:a1',
  summary: summary(),
  opportunities: [],
  ...over,
});

describe('accountCard: account facts', () => {
  const cases: [string, AccountCardInput, Record<string, unknown>][] = [
    [
      'a scored account: score, tier with its rubric priority, health light, readiness',
      base(),
      {
        name: 'Kestrel Dynamics',
        scored: true,
        score: '8.3',
        tier: 1,
        tierLabel: 'Tier 1 · Pursue immediately',
        health: { light: 'green', label: 'Healthy', reasons: [] },
        readiness: { value: 'ready_now', label: 'Ready now' },
        arrText: '$61,250',
        potentialArrText: '$15,000',
        link: '/accounts/crm%3Aa1',
      },
    ],
    [
      'a red account with reasons and flags',
      base({
        summary: summary({
          health: 'red',
          healthReasons: ['NPS -30', 'QBR outcome negative'],
          readiness: 'not_ready',
          bestTier: 4,
          bestScore: 3.1,
          flags: ['at_risk', 'champion_left'],
        }),
      }),
      {
        tierLabel: 'Tier 4 · Monitor',
        health: { light: 'red', label: 'At risk', reasons: ['NPS -30', 'QBR outcome negative'] },
        readiness: { value: 'not_ready', label: 'Not ready' },
        flags: ['At risk', 'Champion left'],
      },
    ],
    [
      'no opportunity: no score or tier rather than "0.0" and "Tier 0"',
      base({ summary: summary({ bestTier: 0, bestScore: 0, opportunityCount: 0 }) }),
      { scored: true, score: undefined, tier: undefined, tierLabel: undefined },
    ],
    [
      'mirrored but never scored: the account, no health',
      {
        accountId: 'crm:a9',
        opportunities: [],
        account: {
          id: 'crm:a9',
          source: 'crm',
          crmId: 'a9',
          name: 'Osprey GmbH',
          lifecycle: 'customer',
          products: [],
          arr: 9000,
          currency: 'EUR',
          featuresUsed: [],
          customFields: {},
          owner: { id: 'u1', name: 'Jo Keller' },
          contract: { renewal: '2027-02-01' },
        },
      },
      {
        name: 'Osprey GmbH',
        scored: false,
        arrText: 'EUR 9,000',
        health: undefined,
        owner: 'Jo Keller',
        renewal: '2027-02-01',
        nextAction: { text: 'Not scored yet: the next sync will score this account' },
      },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const card = accountCard(input);
    // `undefined` in a case means "not shown at all": the key is absent.
    const entries = Object.entries(expected);
    expect(card).toMatchObject(Object.fromEntries(entries.filter(([, v]) => v !== undefined)));
    for (const [key] of entries.filter(([, v]) => v === undefined)) {
      expect(card).not.toHaveProperty(key);
    }
  });
});

describe('accountCard: opportunities and next action', () => {
  const stab = opp('s1', {
    type: 'stabilization',
    category: 'stabilization',
    tier: 3,
    approach: ['Run a support review with the admin.'],
  });
  const cases: [string, AccountCardInput, (c: ReturnType<typeof accountCard>) => void][] = [
    [
      'best first (tier, then composite, then id); dismissed and won ones are not listed',
      base({
        opportunities: [
          opp('b', { tier: 2, scores: { revenue: 7, effort: 7, likelihood: 7, composite: 6.5 } }),
          { data: opp('x', { tier: 1 }), status: 'dismissed', statusReason: 'no budget' },
          opp('c', { tier: 1, scores: { revenue: 8, effort: 8, likelihood: 8, composite: 8 } }),
          opp('a', { tier: 2, scores: { revenue: 7, effort: 7, likelihood: 7, composite: 6.5 } }),
          { data: opp('w'), status: 'won' },
        ],
      }),
      (c) => {
        expect(c.opportunities.map((o) => o.id)).toEqual(['c', 'a', 'b']);
        expect(c.nextAction).toEqual({
          text: 'Call the VP Engineering about 10 more seats.',
          opportunityId: 'c',
          deadline: '2027-01-10',
        });
      },
    ],
    [
      'each opportunity worded: type, tier, ARR, timing, deadline, evidence naming a figure first',
      base({ opportunities: [opp('o1')] }),
      (c) =>
        expect(c.opportunities[0]).toMatchObject({
          typeLabel: 'Seat Expansion',
          tierLabel: 'Tier 2 · Pursue this quarter',
          score: '7.0',
          estimatedArrText: '$7,350',
          timingLabel: 'Within 30 days',
          deadline: '2027-01-10',
          topEvidence: '47 of 50 seats active (94%).',
          evidence: [
            '47 of 50 seats active (94%).',
            'Usage is trending up.',
            'Hiring 12 engineers.',
          ],
          status: 'open',
          statusLabel: 'Open',
          actions: ['accept', 'dismiss'],
        }),
    ],
    [
      'an accepted one can still be dismissed, not accepted again',
      base({ opportunities: [{ data: opp('o1'), status: 'accepted' }] }),
      (c) =>
        expect(c.opportunities[0]).toMatchObject({ statusLabel: 'Accepted', actions: ['dismiss'] }),
    ],
    [
      'past the limit: counted, not listed',
      base({ opportunities: ['1', '2', '3', '4', '5', '6', '7'].map((id) => opp(id)) }),
      (c) => {
        expect(c.opportunities).toHaveLength(5);
        expect(c.moreOpportunities).toBe(2);
      },
    ],
    [
      'not ready: the next action comes from the non-expansion play, never a pitch',
      base({
        summary: summary({ readiness: 'not_ready', health: 'red' }),
        opportunities: [
          opp('e1', { tier: 3, scores: { revenue: 9, effort: 9, likelihood: 9, composite: 9 } }),
          stab,
        ],
      }),
      (c) =>
        expect(c.nextAction).toMatchObject({
          text: 'Run a support review with the admin.',
          opportunityId: 's1',
        }),
    ],
    [
      'not ready and no such play: stabilize first, with the first health reason',
      base({
        summary: summary({ readiness: 'not_ready', health: 'red', healthReasons: ['NPS -30'] }),
        opportunities: [opp('e1')],
      }),
      (c) =>
        expect(c.nextAction).toEqual({
          text: 'Stabilize the account before any expansion talk (NPS -30)',
        }),
    ],
    [
      'a play without approach steps: the playbook fallback',
      base({ opportunities: [opp('e1', { approach: [] })] }),
      (c) => expect(c.nextAction.text).toBe('Schedule the first conversation'),
    ],
    [
      'every play dismissed: no open play',
      base({ opportunities: [{ data: opp('e1'), status: 'dismissed' }] }),
      (c) => {
        expect(c.opportunities).toEqual([]);
        expect(c.nextAction.text).toMatch(/^No open play/);
      },
    ],
    [
      'money in the account currency',
      base({
        account: { ...accountOf('EUR') },
        opportunities: [opp('e1', { estimatedArr: 1234.6 })],
      }),
      (c) => expect(c.opportunities[0]?.estimatedArrText).toBe('EUR 1,235'),
    ],
  ];
  it.each(cases)('%s', (_name, input, check) => check(accountCard(input)));
});

function accountOf(currency: string): NonNullable<AccountCardInput['account']> {
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
