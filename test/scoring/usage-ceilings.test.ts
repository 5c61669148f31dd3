import { describe, expect, it } from 'vitest';
import { account, evidence, ofType, only, score, settings, weekly } from './builders.js';

/** An account whose seat history is `values` (weekly, limit 50) and whose current seats are the last value. */
function seatCase(values: number[], stepDays = 7) {
  const a = account({ seats: { licensed: 50, active: values[values.length - 1]! } });
  return score({
    accounts: [a],
    usage: weekly(a.id, 'active_seats', values, { limit: 50, stepDays }),
  });
}

describe('seat ceiling: 80%+ utilization sustained for two weeks', () => {
  it.each([
    {
      name: '40/50 = 80% for 14 days over three readings',
      values: [40, 40, 40],
      step: 7,
      fires: true,
    },
    { name: '39/50 = 78% today, 80%+ before', values: [45, 45, 39], step: 7, fires: false },
    { name: 'at 80%+ for 13 days only', values: [30, 40, 41], step: 13, fires: false },
    { name: 'at 80%+ for exactly 14 days', values: [30, 40, 41], step: 14, fires: true },
    { name: 'a single reading at 96%', values: [30, 30, 48], step: 7, fires: false },
    { name: 'two readings 14 days apart', values: [30, 42, 44], step: 14, fires: true },
  ])('$name → fires: $fires', ({ values, step, fires }) => {
    const r = seatCase(values, step);
    expect(ofType(r, 'seat_expansion')).toHaveLength(fires ? 1 : 0);
  });

  it('sizes seats to bring utilization back under the threshold, priced from the catalog tier', () => {
    const o = only(seatCase([36, 38, 40, 42, 44, 45]), 'seat_expansion');
    // 45 active must stay strictly under 80%: 57 seats (45/57 = 78.9%), so 7 more at $540.
    expect(o.estimatedArr).toBe(7 * 540);
    expect(o.proposedState).toBe('57 licensed seats');
    expect(evidence(o, 'seat_utilization')).toMatchObject({
      value: 90,
      threshold: 80,
      field: 'seats.active / seats.licensed',
    });
    expect(evidence(o, 'seat_ceiling_sustained')).toMatchObject({
      value: 21,
      threshold: 14,
      field: 'usage[active_seats]',
    });
    // 36 → 45 over the window: +25%, 9 users added.
    expect(evidence(o, 'seat_trend')).toMatchObject({ value: 25 });
    expect(evidence(o, 'users_added')).toMatchObject({ value: 9 });
  });

  it('honours a tuned threshold from the settings', () => {
    const a = account({ seats: { licensed: 50, active: 36 } });
    const usage = weekly(a.id, 'active_seats', [36, 36, 36], { limit: 50 });
    expect(ofType(score({ accounts: [a], usage }), 'seat_expansion')).toHaveLength(0);
    const tuned = score(
      { accounts: [a], usage },
      { settings: settings({ usage: { seatThreshold: 0.7 } }) },
    );
    // 36 active must stay under 70%: 52 seats (69.2%), so 2 more.
    expect(only(tuned, 'seat_expansion').estimatedArr).toBe(2 * 540);
  });
});

describe('plan-limited metrics at 85%+ of the limit and rising', () => {
  // Professional allows 1,000,000 api_calls in config/catalog.yaml.
  function metricCase(values: number[], plan = 'professional', pointLimit?: number) {
    const a = account({ plan, seats: { licensed: 20, active: 10 } });
    return score({
      accounts: [a],
      usage: weekly(a.id, 'api_calls', values, pointLimit ? { limit: pointLimit } : {}),
    });
  }

  it.each([
    { name: '85% and rising', values: [700_000, 800_000, 850_000], fires: true },
    { name: '84.9% and rising', values: [700_000, 800_000, 849_000], fires: false },
    { name: '95% but flat', values: [950_000, 950_000, 950_000], fires: false },
    { name: '95% but falling', values: [990_000, 970_000, 950_000], fires: false },
  ])('$name → tier upgrade: $fires', ({ values, fires }) => {
    expect(ofType(metricCase(values), 'tier_upgrade')).toHaveLength(fires ? 1 : 0);
  });

  it('names the metric, its share of the limit and the trend in %, priced as the tier difference', () => {
    const o = only(metricCase([720_000, 800_000, 900_000]), 'tier_upgrade');
    expect(o.proposedState).toMatch(/^Enterprise/);
    expect(evidence(o, 'plan_limit')).toMatchObject({
      value: 90,
      threshold: 85,
      field: 'usage[api_calls]',
    });
    expect(evidence(o, 'metric_trend')).toMatchObject({ value: 25, field: 'usage[api_calls]' });
    expect(o.estimatedArr).toBe(20 * (840 - 540));
  });

  it('at the top tier it is a usage expansion, sized as a capacity block', () => {
    const r = metricCase([8_000_000, 8_800_000, 9_200_000], 'enterprise');
    expect(ofType(r, 'tier_upgrade')).toHaveLength(0);
    const o = only(r, 'usage_expansion');
    expect(o.estimatedArr).toBe(Math.round(27000 * 0.2));
    expect(evidence(o, 'plan_limit')).toMatchObject({ value: 92 });
  });

  it("a point's own limit wins over the tier's", () => {
    expect(ofType(metricCase([400, 430, 460], 'professional', 500), 'tier_upgrade')).toHaveLength(
      1,
    );
  });
});
