/**
 * The shared card view model, case by case: which opportunities a card lists, how each is
 * worded, what a person may still do with it, and the account's next action.
 */
import { describe, expect, it } from 'vitest';
import { accountCard, type AccountCardInput } from '../../src/view/account-card.js';
import { accountOf, base, opp, summary } from './card-builders.js';

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
