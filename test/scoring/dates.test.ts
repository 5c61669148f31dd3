import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fromDay, toDay } from '../../src/scoring/dates.js';

describe('UTC calendar-date math', () => {
  it('agrees with Date for any day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromDay(day)).toBe(iso);
        expect(toDay(iso)).toBe(day);
      }),
    );
  });
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-02-15', -12, '2025-02-15'],
  ])('%s + %d months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
  it('counts days across leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
  it('reads a malformed date as NaN', () => {
    expect(toDay('2026-13-01')).toBeNaN();
    expect(toDay('03/01/2026')).toBeNaN();
  });
});
