/** Calendar arithmetic on UTC day numbers (days since 1970-01-01): no clock, no time zones. */

export const DAY = 86_400_000;

export function toDay(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}$/.test(iso))
    throw new Error(`"${iso}" is not a date (YYYY-MM-DD)`);
  return Math.round(t / DAY);
}

const isoCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (memoized: a portfolio uses a few thousand distinct days). */
export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The same day of the month `months` later (clamped to the month's end). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return Math.round(target.getTime() / DAY);
}

/** Excel's serial for a day (1900 date system). */
export const excelSerial = (day: number): number => day + 25_569;
