/**
 * ISO calendar-date arithmetic in UTC, shared by learning and the narratives (the scoring core
 * keeps its own day-number arithmetic for speed). Nothing here reads a clock: every "now" is an
 * argument (`asOf`, `cutoff`), and these helpers only compare and shift the dates they are given.
 */

const DAY_MS = 86_400_000;

export function parseIsoDate(iso: string): number {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a YYYY-MM-DD date: "${iso}"`);
  return t;
}

export function addDays(iso: string, days: number): string {
  return new Date(parseIsoDate(iso) + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / DAY_MS);
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
