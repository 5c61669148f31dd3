/**
 * Calendar-date math on `YYYY-MM-DD` strings, in UTC, as whole days since the epoch. Pure: the
 * run's "today" is always passed in. Conversions are arithmetic (Hinnant's civil-date
 * algorithms) rather than `Date` objects: they run several times per account on 100k accounts.
 */

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (NaN when unreadable). */
export function toDay(date: string): number {
  const digits = digitsOf(date);
  if (digits < 0) return toDayLoose(date);
  return civilDay(Math.floor(digits / 10000), Math.floor(digits / 100) % 100, digits % 100);
}

/** `YYYY?MM?DD` as the number YYYYMMDD, read without building substrings (toDay runs for every
 * usage reading); -1 when any of those eight characters is not a digit. */
function digitsOf(date: string): number {
  if (date.length !== 10) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The general reading (signs, spaces), for the rare date that is not plain digits. */
function toDayLoose(date: string): number {
  if (date.length !== 10) return NaN;
  return civilDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

function civilDay(year: number, m: number, d: number): number {
  let y = year;
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The `YYYY-MM-DD` date of a day number. */
export function fromDay(day: number): string {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export function addDays(date: string, n: number): string {
  return fromDay(toDay(date) + n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 = Feb 28). */
export function addMonths(date: string, n: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = month === 1 && leap(year) ? 29 : DAYS_IN_MONTH[month]!;
  return `${String(year).padStart(4, '0')}-${pad2(month + 1)}-${pad2(Math.min(Number(date.slice(8, 10)), last))}`;
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
