import { describe, expect, it } from 'vitest';
import { forecastPortfolio } from '../../src/narrative/forecast.js';
import type { InsightInput } from '../../src/narrative/insights.js';
import { confidenceNotes, recommendations } from '../../src/narrative/leadership.js';
import type { OpportunityFacts } from '../../src/narrative/playbook-facts.js';
import { account, AS_OF, catalog, opportunity, summary } from './builders.js';

/** `n` accounts with one opportunity each, scored and sized as given. */
function input(
  n: number,
  each: (i: number) => { confidence?: number; effort?: number; arr?: number; revenue?: number },
): InsightInput {
  const accounts = [];
  const opportunities: OpportunityFacts[] = [];
  for (let i = 0; i < n; i++) {
    const a = account({ id: `files:a${i}`, name: `Account ${i}`, arr: 100_000 });
    const { confidence = 0.9, effort = 8, arr = 10_000, revenue = 9 } = each(i);
    const o = opportunity({
      accountId: a.id,
      accountName: a.name,
      type: 'seat_expansion',
      title: `Seats ${i}`,
      evidence: [{ signal: 'seat_utilization', text: '90% of seats in use' }],
      estimatedArr: arr,
      revenue,
      effort,
      likelihood: 9,
      confidence,
      deadline: AS_OF,
    });
    opportunities.push({ ...o, row: '' });
    accounts.push(summary(a, [o]));
  }
  const forecast = forecastPortfolio({ opportunities, accounts, asOf: AS_OF });
  return { opportunities, accounts, forecast, catalog: catalog() };
}

describe('confidenceNotes', () => {
  it('writes out the first 25 notes and counts the rest', () => {
    const notes = confidenceNotes(
      input(40, () => ({ confidence: 0.3 })),
      new Map(),
      0.5,
    );
    expect(notes).toHaveLength(26);
    expect(notes[0]).toBe(
      'Account 0, Seats 0: confidence 30%; verify the evidence with the customer before acting.',
    );
    expect(notes[24]).toContain('Account 24, Seats 24');
    expect(notes[25]).toBe('And 15 more (see opportunities.json, field confidence).');
  });

  it('writes every note up to the cap, and says so when there is none', () => {
    const some = input(30, (i) => ({ confidence: i % 10 === 0 ? 0.2 : 0.9 }));
    expect(confidenceNotes(some, new Map(), 0.5)).toEqual([
      'Account 0, Seats 0: confidence 20%; verify the evidence with the customer before acting.',
      'Account 10, Seats 10: confidence 20%; verify the evidence with the customer before acting.',
      'Account 20, Seats 20: confidence 20%; verify the evidence with the customer before acting.',
    ]);
    expect(
      confidenceNotes(
        input(3, () => ({})),
        new Map(),
        0.5,
      ),
    ).toEqual(['Every account and opportunity has confidence of 50% or more.']);
  });
});

describe('recommendations', () => {
  it('names the three best quick wins by score, ties in portfolio order, and sums them all', () => {
    // Effort 8 and due today: quick wins. Scores: account 4 best, then 1, 2 and 5 tied.
    const effort = [7, 9, 9, 7, 10, 9, 7];
    const quick = recommendations(
      input(7, (i) => ({ effort: effort[i]!, arr: 1_000 * (i + 1) })),
      AS_OF,
    ).find((r) => r.label === 'Quick Wins')!;
    expect(quick.text).toBe(
      '7 Tier 1–2 opportunities can close this month with one or two meetings, worth $28,000: Account 4 ($5,000), Account 1 ($2,000), Account 2 ($3,000).',
    );
  });
});
