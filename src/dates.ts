/**
 * ISO calendar-date arithmetic in UTC, shared by learning and the narratives, on the scoring
 * core's day numbers (`scoring/dates.ts`). Nothing here reads a clock: every "now" is an
 * argument (`asOf`, `cutoff`), and these helpers only compare and shift the dates they are given.
 */
import { fromDay, toDay } from './scoring/dates.js';

const DAY_MS = 86_400_000;

/** The day number of a `YYYY-MM-DD` date, or of a datetime's date part; a RangeError otherwise.
 * A day past the month's end rolls over (`2026-02-30` is March 2), as `Date.parse` reads it.
 * Arithmetic, not `Date.parse` on a built string: the narratives date every opportunity's
 * steps, and this takes a fraction of the time. */
function dayOf(iso: string): number {
  const day = toDay(iso.length === 10 ? iso : iso.slice(0, 10));
  if (Number.isNaN(day)) throw new RangeError(`not a YYYY-MM-DD date: "${iso}"`);
  return day;
}

/** Milliseconds since the epoch at the date's UTC midnight. */
export function parseIsoDate(iso: string): number {
  return dayOf(iso) * DAY_MS;
}

export function addDays(iso: string, days: number): string {
  return fromDay(dayOf(iso) + Math.round(days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}

/** Shift by whole calendar months (a contract term), clamping to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(parseIsoDate(iso));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** ISO dates compare as strings; `YYYY-MM-DD` prefixes of datetimes compare the same way. */
export const onOrBefore = (date: string | undefined, cutoff: string): boolean =>
  date !== undefined && date.slice(0, 10) <= cutoff;

/** A date argument checked once at the boundary, so a typo fails loudly instead of filtering all. */
export function requireIsoDate(value: string, name: string): string {
  const t = Date.parse(`${value}T00:00:00Z`);
  // The round trip refuses dates V8 would roll over (2025-02-30 → March 2).
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(t) ||
    new Date(t).toISOString().slice(0, 10) !== value
  ) {
    throw new RangeError(`${name} must be a YYYY-MM-DD calendar date, got "${value}"`);
  }
  return value;
}
