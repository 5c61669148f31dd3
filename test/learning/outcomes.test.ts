import { describe, expect, it } from 'vitest';
import {
  deriveOutcomes,
  OutcomeSchema,
  type TrackedOpportunity,
} from '../../src/learning/outcomes.js';
import { dealOf } from './gen.js';

const opp = (id: string, over: Partial<TrackedOpportunity> = {}): TrackedOpportunity => ({
  id,
  accountId: 'files:a1',
  type: 'add_on',
  firstSeen: '2025-01-10',
  status: 'open',
  ...over,
});

describe('deriveOutcomes', () => {
  const asOf = '2025-06-30';

  it('turns deals carrying an expansion key into won and lost outcomes of that opportunity', () => {
    const outcomes = deriveOutcomes({
      asOf,
      opportunities: [
        opp('files:a1:add_on:insight_studio'),
        opp('files:a1:seat_expansion', { type: 'seat_expansion' }),
      ],
      deals: [
        dealOf('d1', 'files:a1', '2025-03-01', 14_400, {
          expansionKey: 'files:a1:add_on:insight_studio',
        }),
        dealOf('d2', 'files:a1', '2025-04-01', 9_000, {
          expansionKey: 'files:a1:seat_expansion',
          won: false,
          stage: 'Closed Lost - budget',
        }),
      ],
    });
    expect(outcomes).toEqual([
      {
        opportunityId: 'files:a1:add_on:insight_studio',
        accountId: 'files:a1',
        type: 'add_on',
        outcome: 'won',
        amount: 14_400,
        closedAt: '2025-03-01',
        source: 'deal',
        dealId: 'files:d1',
      },
      {
        opportunityId: 'files:a1:seat_expansion',
        accountId: 'files:a1',
        type: 'seat_expansion',
        outcome: 'lost',
        amount: 9_000,
        closedAt: '2025-04-01',
        reason: 'Closed Lost - budget',
        source: 'deal',
        dealId: 'files:d2',
      },
    ]);
    for (const o of outcomes) expect(OutcomeSchema.safeParse(o).success).toBe(true);
  });

  it('ties a deal the opportunity was converted into, by bare or prefixed CRM id', () => {
    const [o] = deriveOutcomes({
      asOf,
      opportunities: [opp('x1', { dealId: '006A' })],
      deals: [dealOf('006A', 'files:a1', '2025-05-05', 5000)],
    });
    expect(o).toMatchObject({
      opportunityId: 'x1',
      outcome: 'won',
      type: 'add_on',
      dealId: 'files:006A',
    });
  });

  it('records dismissals with their reason, and a later win overrides nothing dismissed earlier', () => {
    const outcomes = deriveOutcomes({
      asOf,
      opportunities: [
        opp('x1', {
          status: 'dismissed',
          statusReason: 'already evaluating a competitor',
          statusChangedAt: '2025-02-01',
          estimatedArr: 12_000,
        }),
        opp('x2', { status: 'dismissed', statusReason: 'no budget' }),
      ],
      deals: [dealOf('d9', 'files:a1', '2025-05-01', 7000, { expansionKey: 'x2' })],
    });
    expect(
      outcomes.map((o) => [o.opportunityId, o.outcome, o.reason, o.closedAt, o.amount]),
    ).toEqual([
      ['x1', 'dismissed', 'already evaluating a competitor', '2025-02-01', 12_000],
      ['x2', 'won', undefined, '2025-05-01', 7000],
    ]);
  });

  it('calls a won expansion with no opportunity behind it missed, and ignores other deals', () => {
    const outcomes = deriveOutcomes({
      asOf,
      deals: [
        dealOf('m1', 'files:a2', '2025-03-03', 20_000),
        dealOf('n1', 'files:a3', '2025-03-03', 50_000, { kind: 'new' }),
        dealOf('m2', 'files:a2', '2025-03-04', 8000, { won: false }),
        dealOf('open', 'files:a2', '2025-03-05', 8000, { closed: false, won: false }),
      ],
    });
    expect(outcomes).toEqual([
      {
        accountId: 'files:a2',
        outcome: 'missed',
        amount: 20_000,
        closedAt: '2025-03-03',
        source: 'deal',
        dealId: 'files:m1',
      },
    ]);
  });

  it('keeps what closed after asOf out, prefers a win among several deals and reads the type from the key', () => {
    const outcomes = deriveOutcomes({
      asOf,
      deals: [
        dealOf('l', 'files:a1', '2025-01-01', 1000, {
          won: false,
          expansionKey: 'files:a1:tier_upgrade',
        }),
        dealOf('w', 'files:a1', '2025-02-01', 3000, { expansionKey: 'files:a1:tier_upgrade' }),
        dealOf('late', 'files:a1', '2025-07-01', 9000, { expansionKey: 'files:a1:add_on:x' }),
      ],
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      opportunityId: 'files:a1:tier_upgrade',
      type: 'tier_upgrade',
      outcome: 'won',
      amount: 3000,
    });
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => deriveOutcomes({ asOf: '30/06/2025', deals: [] })).toThrow(
      /asOf must be a YYYY-MM-DD calendar date/,
    );
  });
});
