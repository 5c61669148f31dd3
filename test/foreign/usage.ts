/**
 * Usage history: weekly active seats over the last 13 weeks and a fortnightly reading of each
 * plan-limited metric, shaped by what was planted (a sustained seat ceiling, a collapse, a metric
 * climbing toward its tier limit) and otherwise flat with a little noise.
 */
import { addDays } from './calendar.js';
import type { Rng } from './random.js';
import type { Row } from './rows.js';

export type SeatShape = 'steady' | 'ceiling' | 'collapse' | 'young';

/** Utilization (active / licensed) for each of `n` readings, oldest first. */
function seatCurve(rng: Rng, shape: SeatShape, n: number): number[] {
  if (shape === 'ceiling') {
    // Climbs for six weeks, then stays at or above 84% to the end: a ceiling, not one reading.
    // A short history (a trial's three weeks) is at the ceiling throughout.
    const top = 0.86 + rng.next() * 0.08;
    const climb = Math.max(0, Math.min(6, n - 3));
    return Array.from({ length: n }, (_, i) =>
      i < climb ? 0.7 + ((top - 0.7) * i) / climb : Math.max(0.84, top - rng.next() * 0.02),
    );
  }
  if (shape === 'collapse') {
    const end = 0.3 + rng.next() * 0.15;
    return Array.from({ length: n }, (_, i) => 0.8 - ((0.8 - end) * i) / (n - 1));
  }
  if (shape === 'young') return Array.from({ length: n }, () => 0.7 + rng.next() * 0.25);
  const base = 0.62 + rng.next() * 0.1;
  const drift = -0.02 + rng.next() * 0.05;
  return Array.from(
    { length: n },
    (_, i) => base * (1 + (drift * i) / (n - 1)) + (rng.next() - 0.5) * 0.02,
  );
}

/** Seat readings; returns the rows and today's active seats (the last reading). */
export function seatUsage(
  rng: Rng,
  accountId: string,
  asOf: string,
  licensed: number,
  shape: SeatShape,
  weeks = 13,
): { rows: Row[]; active: number } {
  const curve = seatCurve(rng, shape, weeks);
  const rows = curve.map((u, i) => ({
    account_id: accountId,
    date: addDays(asOf, -2 - 7 * (weeks - 1 - i)),
    metric: 'active_seats',
    value: String(Math.max(1, Math.min(licensed, Math.round(u * licensed)))),
    limit: String(licensed),
  }));
  return { rows, active: Number(rows[rows.length - 1]!.value) };
}

/**
 * A plan-limited metric: flat at 20–65% of the tier's limit, or (`climbing`) rising from 60% to
 * 88–97% of it. The limit column is filled on some rows only, as exports often leave it blank
 * (the tier's limit then applies).
 */
export function metricUsage(
  rng: Rng,
  accountId: string,
  asOf: string,
  metric: string,
  limit: number,
  climbing: boolean,
): Row[] {
  const n = 7;
  const end = 0.88 + rng.next() * 0.09;
  const flat = 0.2 + rng.next() * 0.45;
  const withLimit = rng.chance(0.5);
  return Array.from({ length: n }, (_, i) => {
    const share = climbing ? 0.6 + ((end - 0.6) * i) / (n - 1) : flat * (0.97 + rng.next() * 0.06);
    return {
      account_id: accountId,
      date: addDays(asOf, -3 - 14 * (n - 1 - i)),
      metric,
      value: String(Math.round(share * limit)),
      limit: withLimit ? String(limit) : '',
    };
  });
}
