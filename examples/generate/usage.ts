/**
 * Weekly usage history: `active_seats` against the licence, and the plan-limited metrics
 * (api_calls, storage_gb, automations) against the tier's limits. The archetype shapes the curve:
 * sustained 80-95% utilization, limits approached and rising, decline when at risk.
 */
import type { Archetype } from './archetypes.js';
import { tierOf } from './pricing.js';
import type { Rng } from './random.js';
import type { GenAccount, GenContext, Row } from './types.js';

export interface UsageResult {
  rows: Row[];
  /** A seat expansion bought inside the window (the licence steps up on that day). */
  seatStep?: { day: number; before: number };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Utilization per week (share of the licence in use). */
function seatCurve(rng: Rng, a: GenAccount, weeks: number, step?: number): number[] {
  const flat = (lo: number, hi: number) => {
    const level = rng.float(lo, hi);
    return Array.from({ length: weeks }, () =>
      clamp(level + rng.float(-0.03, 0.03), lo - 0.03, hi),
    );
  };
  const ramp = (from: number, to: number) =>
    Array.from(
      { length: weeks },
      (_, k) => from + ((to - from) * k) / Math.max(1, weeks - 1) + rng.float(-0.02, 0.02),
    );
  const byArchetype: Partial<Record<Archetype, () => number[]>> = {
    seat_pressure: () => {
      const sustained = rng.int(3, 6);
      return ramp(rng.float(0.6, 0.7), 0.78).map((u, k) =>
        k >= weeks - sustained ? rng.float(0.81, 0.95) : Math.min(u, 0.78),
      );
    },
    at_risk_ceiling: () => flat(0.91, 1),
    at_risk: () => ramp(rng.float(0.68, 0.78), rng.float(0.3, 0.45)),
    churned: () => ramp(rng.float(0.4, 0.6), 0.05),
    unused_paid: () => flat(0.25, 0.45),
    low_adoption: () => ramp(rng.float(0.15, 0.25), rng.float(0.28, 0.4)),
    trial: () => ramp(rng.float(0.2, 0.4), rng.float(0.6, 0.95)),
    free: () => flat(0.6, 1),
    dept_growth: () => flat(0.7, 0.78),
    recent_seat_expansion: () =>
      Array.from({ length: weeks }, (_, k) =>
        k < step! ? rng.float(0.87, 0.97) : rng.float(0.66, 0.76),
      ),
  };
  return (byArchetype[a.archetype] ?? (() => flat(0.55, 0.75)))();
}

/** Share of a plan limit per week; `hot` metrics climb towards the limit. */
function metricCurve(rng: Rng, a: GenAccount, weeks: number, hot: boolean): number[] {
  const from = hot ? rng.float(0.6, 0.7) : rng.float(0.08, 0.35);
  const to = hot
    ? rng.float(0.87, 0.98)
    : a.archetype === 'at_risk'
      ? from * 0.6
      : from * rng.float(1, 1.25);
  return Array.from({ length: weeks }, (_, k) =>
    clamp(
      from + ((to - from) * k) / Math.max(1, weeks - 1) + rng.float(-0.01, 0.01),
      0,
      hot ? 0.99 : 0.6,
    ),
  );
}

export function usageFor(ctx: GenContext, a: GenAccount): UsageResult {
  const { rng, weeks, asOf } = ctx;
  const days = Array.from({ length: weeks }, (_, k) => asOf - 7 * (weeks - 1 - k));
  // The week the seats stepped up: the fourth reading or later, and a reading there is (a
  // history of fewer than four weeks steps at its last).
  const last = weeks - 1;
  const step =
    a.archetype === 'recent_seat_expansion'
      ? rng.int(Math.min(3, last), Math.min(last, Math.max(3, weeks - 4)))
      : undefined;
  const before =
    step === undefined ? a.licensed : Math.max(5, Math.round(a.licensed / rng.float(1.2, 1.4)));
  const after = a.licensed;
  const limitAt = (k: number) => (step !== undefined && k < step ? before : after);
  const seats = seatCurve(rng, a, weeks, step);
  const live = (day: number) => day >= a.since && (a.churnedAt === undefined || day <= a.churnedAt);
  const rows: Row[] = [];
  const pressure = a.archetype === 'seat_pressure' || a.archetype === 'at_risk_ceiling';
  seats.forEach((u, k) => {
    const limit = limitAt(k);
    const floor =
      pressure && u >= 0.8 ? Math.ceil(limit * (a.archetype === 'at_risk_ceiling' ? 0.9 : 0.8)) : 0;
    const active = clamp(Math.max(floor, Math.round(u * limit)), 0, limit);
    if (!live(days[k]!)) return;
    rows.push([a.id, { day: days[k]! }, 'active_seats', active, limit]);
    a.active = active; // the account's current value is the last point's
    a.licensed = limit;
  });
  const limits = tierOf(ctx.catalog, a.plan).limits;
  const metrics = Object.keys(limits).sort();
  const hot =
    a.archetype === 'limit_pressure'
      ? rng.sample(metrics, rng.int(1, Math.min(2, metrics.length)))
      : [];
  for (const metric of metrics) {
    const limit = limits[metric]!;
    const unit = limit >= 100_000 ? 100 : 1; // api calls are reported in hundreds
    metricCurve(rng, a, weeks, hot.includes(metric)).forEach((share, k) => {
      if (live(days[k]!))
        rows.push([
          a.id,
          { day: days[k]! },
          metric,
          Math.round((share * limit) / unit) * unit,
          limit,
        ]);
    });
  }
  return { rows, ...(step !== undefined ? { seatStep: { day: days[step]!, before } } : {}) };
}
