/**
 * The shared card view model, tested once for every surface (console header, embedded view,
 * HubSpot card, Salesforce component), case by case: the account's facts.
 */
import { describe, expect, it } from 'vitest';
import { accountCard, type AccountCardInput } from '../../src/view/account-card.js';
import { base, summary } from './card-builders.js';

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
