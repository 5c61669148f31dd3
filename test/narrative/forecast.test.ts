import { describe, expect, it } from 'vitest';
import { bandOf, DEFAULT_HOURS, forecastPortfolio, timelineOf } from '../../src/narrative/index.js';
import { AS_OF, account, opportunity, summary } from './builders.js';

const ev = [{ signal: 'seat_utilization', text: '90% of seats in use' }];
const opp = (o: Partial<Parameters<typeof opportunity>[0]> = {}) =>
  opportunity({
    accountId: 'files:A',
    accountName: 'A',
    type: 'seat_expansion',
    title: 'Seats',
    evidence: ev,
    estimatedArr: 10000,
    ...o,
  });

describe('bandOf', () => {
  it.each([
    [100_000, '$100K+'],
    [99_999, '$50K-$99K'],
    [50_000, '$50K-$99K'],
    [25_000, '$25K-$49K'],
    [24_999.5, '$10K-$24K'],
    [10_000, '$10K-$24K'],
    [9_999, 'Under $10K'],
    [0, 'Under $10K'],
  ])('%d → %s', (arr, band) => expect(bandOf(arr)).toBe(band));
});

describe('timelineOf', () => {
  it.each([
    ['now', '2026-04-01', 'This Month'], // 30 days
    ['now', '2026-04-02', 'This Quarter'], // 31 days
    ['30d', '2026-05-31', 'This Quarter'], // 90 days
    ['30d', '2026-06-01', 'Next Quarter'],
    ['30d', '2026-09-01', '6+ Months'],
    ['90d', '2026-03-10', 'This Quarter'], // timing floor beats an early deadline
    ['hold', '2026-03-10', 'Next Quarter'],
  ] as const)('%s with deadline %s → %s', (timing, deadline, expected) =>
    expect(timelineOf(opp({ timing, deadline }), AS_OF)).toBe(expected),
  );
});

describe('forecastPortfolio', () => {
  const green = account({ id: 'files:A', name: 'A', arr: 100_000 });
  const red = account({ id: 'files:R', name: 'R', arr: 50_000 });
  const opps = [
    opp({ estimatedArr: 20_000, likelihood: 8, revenue: 9, effort: 9 }), // Tier 1
    opp({
      title: 'Upgrade',
      type: 'tier_upgrade',
      estimatedArr: 30_000,
      likelihood: 5,
      revenue: 7,
      effort: 6,
    }), // Tier 2
    opp({
      accountId: red.id,
      accountName: 'R',
      title: 'Red seats',
      estimatedArr: 8_000,
      likelihood: 4,
      revenue: 4,
      effort: 4,
    }),
    opp({
      accountId: red.id,
      accountName: 'R',
      type: 'stabilization',
      title: 'Fix',
      estimatedArr: 0,
    }),
  ];
  const accounts = [
    summary(green, opps.slice(0, 2)),
    summary(red, opps.slice(2), { health: 'red' }),
  ];

  it('counts expansion only and weights by likelihood', () => {
    const f = forecastPortfolio({ opportunities: opps, accounts, asOf: AS_OF });
    expect(f.expansion).toEqual({ count: 3, arr: 58_000, expectedValue: 16_000 + 15_000 + 3_200 });
    expect(f.otherPlays.stabilization).toBe(1);
    expect(f.byTier[1].count + f.byTier[2].count).toBe(2);
  });

  it('projects NRR and GRR from red-account churn, leaving red expansion out', () => {
    const f = forecastPortfolio({ opportunities: opps, accounts, settings: { redChurnRate: 0.4 } });
    expect(f.retention.expectedExpansion).toBe(31_000);
    expect(f.retention.churnExposure).toBe(50_000);
    expect(f.retention.expectedChurn).toBe(20_000);
    expect(f.retention.nrr).toBeCloseTo((150_000 - 20_000 + 31_000) / 150_000);
    expect(f.retention.grr).toBeCloseTo(130_000 / 150_000);
    expect(f.retention.grrWorstCase).toBeCloseTo(100_000 / 150_000);
    expect(f.assumptions.join(' ')).toContain('40% of it is lost');
  });

  it('measures coverage against a target when given, and sums Tier 1–2 hours by type', () => {
    const f = forecastPortfolio({
      opportunities: opps,
      accounts,
      settings: { expansionTarget: 29_000, hours: { seat_expansion: { ae: 1, csm: 1 } } },
    });
    expect(f.coverage.ratio).toBe(2);
    expect(f.effort).toEqual({
      opportunities: 2,
      aeHours: 1 + DEFAULT_HOURS.tier_upgrade.ae,
      csmHours: 1 + DEFAULT_HOURS.tier_upgrade.csm,
    });
  });

  it('stays finite on an empty portfolio', () => {
    const f = forecastPortfolio({ opportunities: [], accounts: [] });
    expect([f.retention.nrr, f.retention.grr, f.coverage.ratio]).toEqual([0, 0, 0]);
  });
});
