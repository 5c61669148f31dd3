/**
 * The ISO date helpers learning and the narratives use (`src/dates.ts`) read and shift dates as
 * `Date` does in UTC, over every day from 1900 to 2199: the same dates out, the same day
 * counts, a datetime read by its date, a day past the month's end rolled over, and anything
 * that is not a date refused with the value named. `longDate` writes what the `Date` fields give.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseIsoDate } from '../../src/dates.js';
import { longDate } from '../../src/narrative/format.js';

const DAY = 86_400_000;
/** What `Date` makes of it: the reference the helpers must match. */
const viaDate = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('ISO date helpers', () => {
  it('read, shift and count every day of three centuries as Date does', () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    let checked = 0;
    for (let ms = from; ms < to; ms += DAY) {
      const iso = isoOf(ms);
      expect(parseIsoDate(iso)).toBe(ms);
      for (const n of [-400, -90, -1, 0, 1, 13.6, 31, 366]) {
        const shifted = addDays(iso, n);
        if (shifted !== isoOf(ms + Math.round(n) * DAY)) expect({ iso, n, shifted }).toBe('');
      }
      const other = isoOf(ms + ((checked * 7919) % 4000) * DAY - 2000 * DAY);
      if (daysBetween(iso, other) !== Math.round((viaDate(other) - ms) / DAY))
        expect({ iso, other }).toBe('');
      checked++;
    }
    expect(checked).toBe(109_573);
  });

  it('reads a datetime by its date and rolls a day past the month end over', () => {
    expect(addDays('2026-11-24T23:59:59.999Z', 1)).toBe('2026-11-25');
    expect(parseIsoDate('2026-11-24T10:00:00+09:00')).toBe(viaDate('2026-11-24'));
    expect(addDays('2026-02-30', 0)).toBe(isoOf(viaDate('2026-02-30')));
    expect(addDays('2024-02-30', 0)).toBe('2024-03-01');
    expect(daysBetween('2026-02-28', '2026-02-31')).toBe(3);
  });

  it('refuses what is not a date, naming it', () => {
    for (const bad of ['', 'soon', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32'])
      expect(() => addDays(bad, 1), bad).toThrow(`not a YYYY-MM-DD date: "${bad}"`);
    expect(() => daysBetween('2026-01-01', 'n/a')).toThrow(/"n\/a"/);
    expect(() => parseIsoDate('24/11/2026')).toThrow(RangeError);
  });

  it('writes a long date from the fields Date reads', () => {
    for (let ms = Date.UTC(1999, 11, 1); ms < Date.UTC(2031, 0, 1); ms += 5 * DAY) {
      const d = new Date(ms);
      const iso = isoOf(ms);
      const want = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
      if (longDate(iso) !== want) expect({ iso, got: longDate(iso) }).toBe(want);
    }
    expect(longDate('2026-03-04T08:00:00Z')).toBe('Mar 4, 2026');
  });
});
