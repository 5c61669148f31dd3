/**
 * Seat expansion from a sustained seat ceiling (80%+ utilization for 2+ weeks, not one reading)
 * and from company growth, sized to bring utilization back under the threshold after growth.
 */
import type { AccountContext } from '../context.js';
import { money, pct, signedPct } from '../format.js';
import { trailingStreak, windowTrend } from '../usage-series.js';
import { ev, type Candidate } from './candidate.js';
import { companyGrowth } from './growth.js';

/** Smallest licence under which `active` users stay strictly below `threshold` utilization. */
export function seatsToClear(active: number, threshold: number): number {
  return Math.floor(active / threshold + 1e-9) + 1;
}

export function detectSeats(ctx: AccountContext): Candidate[] {
  const { settings } = ctx;
  const last = ctx.seatReadings[ctx.seatReadings.length - 1];
  // Today's seats; without account.seats, the latest reading of the seat metric.
  const seats =
    ctx.seats ?? (last?.limit ? { licensed: last.limit, active: last.value } : undefined);
  const u = settings.usage;
  const field = `usage[${u.seatMetric}]`;
  const streak = trailingStreak(ctx.seatReadings, u.seatThreshold);
  const sustained = streak !== undefined && streak.count >= 2 && streak.days >= u.sustainedDays;
  const growth = companyGrowth(ctx);
  const growthRate =
    growth.rate !== undefined && growth.rate >= settings.whitespace.minGrowth ? growth.rate : 0;
  if (!sustained && growthRate === 0) return [];

  const evidence = [];
  let add: number;
  let currentState: string;
  if (seats && seats.licensed > 0) {
    const target = seats.active * (1 + growthRate);
    add = Math.max(0, seatsToClear(target, u.seatThreshold) - seats.licensed);
    currentState = `${seats.licensed} licensed seats, ${seats.active} active (${pct(seats.active / seats.licensed)}%)`;
  } else {
    // No seat data: growth alone, in proportion to the seats the ARR buys.
    add = Math.round(ctx.seatBase * growthRate);
    currentState = `about ${ctx.seatBase} seats (estimated from ARR; no seat data)`;
  }
  if (add === 0) return [];
  if (streak && sustained && seats) {
    evidence.push(
      ev(
        'seat_utilization',
        `${seats.active} of ${seats.licensed} licensed seats active (${pct(seats.active / seats.licensed)}%), at or above ${pct(u.seatThreshold)}%`,
        pct(seats.active / seats.licensed),
        pct(u.seatThreshold),
        'seats.active / seats.licensed',
      ),
      ev(
        'seat_ceiling_sustained',
        `At or above ${pct(u.seatThreshold)}% for ${streak.days} days over ${streak.count} readings (since ${streak.from.date})`,
        streak.days,
        u.sustainedDays,
        field,
      ),
    );
    const trend = windowTrend(ctx.seatReadings, u.windowDays);
    if (trend) {
      const added = trend.last.value - trend.first.value;
      evidence.push(
        ev(
          'seat_trend',
          `Active seats ${trend.first.value} to ${trend.last.value} from ${trend.first.date} to ${trend.last.date} (${signedPct(trend.pct)})`,
          Math.round(trend.pct),
          undefined,
          field,
        ),
      );
      if (added > 0)
        evidence.push(
          ev(
            'users_added',
            `${added} users added in the last ${u.windowDays} days`,
            added,
            undefined,
            field,
          ),
        );
    }
  }
  evidence.push(...growth.evidence);
  const arr = add * ctx.seatPrice;
  const licensed = (seats?.licensed ?? ctx.seatBase) + add;
  evidence.push(
    ev(
      'sizing',
      `${add} seats x ${money(ctx.seatPrice)}/seat = ${money(arr)}`,
      arr,
      undefined,
      'catalog.tiers.seatPrice',
    ),
  );
  const growthNote = growthRate > 0 ? ` and absorb ${pct(growthRate)}% company growth` : '';
  return [
    {
      type: 'seat_expansion',
      category: 'expansion',
      subject: 'seats',
      title:
        sustained && seats
          ? `Add ${add} seats: ${pct(seats.active / seats.licensed)}% of seats in use for ${Math.round(streak.days / 7)} weeks`
          : `Add ${add} seats for ${pct(growthRate)}% company growth`,
      description: `Add ${add} seats (to ${licensed}) so utilization drops back under ${pct(u.seatThreshold)}%${growthNote}.`,
      evidence,
      currentState,
      proposedState: `${licensed} licensed seats`,
      estimatedArr: arr,
      strength: sustained ? Math.min(1, 0.8 + (growthRate > 0 ? 0.2 : 0)) : seats ? 0.5 : 0.35,
      strongTrigger: sustained,
      risks: sustained ? [] : ['Growth-based sizing: confirm hiring plans before proposing seats'],
    },
  ];
}
