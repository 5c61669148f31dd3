/**
 * Readings of one usage metric over time, and the two facts detectors need from them: the
 * trailing streak at or above a threshold (a ceiling "sustained for two weeks", not one reading)
 * and the trend in % over a window.
 */
import type { UsagePoint } from '../model/records.js';
import { toDay } from './dates.js';

export interface Reading {
  date: string;
  day: number;
  value: number;
  /** The limit the value is measured against; absent when unknown. */
  limit: number | undefined;
}

/** Points on or before `asOfDay`, each with its own limit or `defaultLimit`. */
export function readings(
  points: readonly UsagePoint[] | undefined,
  asOfDay: number,
  defaultLimit: number | undefined,
): Reading[] {
  const out: Reading[] = [];
  if (!points) return out;
  for (const p of points) {
    const day = toDay(p.date);
    if (!(day <= asOfDay)) continue;
    out.push({ date: p.date, day, value: p.value, limit: p.limit ?? defaultLimit });
  }
  return out;
}

export interface Streak {
  from: Reading;
  to: Reading;
  count: number;
  days: number;
}

/** The trailing run of readings whose value / limit is at or above `threshold`. */
export function trailingStreak(rs: readonly Reading[], threshold: number): Streak | undefined {
  let i = rs.length - 1;
  const last = rs[i];
  if (!last) return undefined;
  let first: Reading | undefined;
  for (; i >= 0; i--) {
    const r = rs[i]!;
    if (!r.limit || r.value / r.limit < threshold) break;
    first = r;
  }
  if (!first) return undefined;
  return { from: first, to: last, count: rs.length - 1 - i, days: last.day - first.day };
}

export interface Trend {
  first: Reading;
  last: Reading;
  /** Change from the first to the last reading of the window, in %. */
  pct: number;
}

/** Change over the readings within `windowDays` before the last one (needs two readings). */
export function windowTrend(rs: readonly Reading[], windowDays: number): Trend | undefined {
  const last = rs[rs.length - 1];
  if (!last || rs.length < 2) return undefined;
  const start = last.day - windowDays;
  let first: Reading | undefined;
  for (const r of rs) {
    if (r.day >= start) {
      first = r;
      break;
    }
  }
  if (!first || first === last) return undefined;
  const pct =
    first.value === 0
      ? last.value > 0
        ? 100
        : 0
      : ((last.value - first.value) / first.value) * 100;
  return { first, last, pct };
}
