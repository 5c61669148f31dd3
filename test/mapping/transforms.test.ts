import { describe, expect, it } from 'vitest';
import {
  isBlank,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseInteger,
  parseList,
  parseNumber,
  parsePercent,
  transform,
} from '../../src/mapping/transforms.js';

const value = (r: { ok: boolean } & object) =>
  'value' in r ? r.value : 'blank' in r ? 'BLANK' : 'FAIL';

describe('isBlank', () => {
  it('reads the placeholders people type for nothing, in any case and padded', () => {
    for (const v of ['', '   ', 'NULL', ' n/a ', 'NA', '-', '—', 'None', '#N/A', 'Undefined'])
      expect(isBlank(v), JSON.stringify(v)).toBe(true);
    expect(isBlank(`${' '.repeat(40)}undefined\t${' '.repeat(40)}`)).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank([])).toBe(true);
  });

  it('keeps values that only look like a placeholder', () => {
    for (const v of ['0', 'nan', 'undefined!', 'nullified', 'n/a n/a', '--', 'None of them', 'x'])
      expect(isBlank(v), JSON.stringify(v)).toBe(false);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});

describe('parseNumber / currency', () => {
  it.each([
    ['12000', 12000],
    ['$12,000', 12000],
    ['$12,000.50', 12000.5],
    [' 12 000 ', 12000],
    ['12k', 12000],
    ['1.2k', 1200],
    ['1.2M', 1_200_000],
    ['3bn', 3e9],
    ['(1,200)', -1200],
    ['-450', -450],
    ['USD 9,500', 9500],
    ['€1.234,56', 1234.56],
    ['12,5', 12.5],
    ['1,234,567', 1234567],
    [42, 42],
  ])('%s -> %s', (raw, expected) => {
    expect(value(parseNumber(raw))).toBeCloseTo(expected as number, 6);
  });

  it.each(['', '  ', 'N/A', null, undefined, '-'])('%s is blank, not zero', (raw) => {
    expect(value(parseNumber(raw))).toBe('BLANK');
  });

  it.each(['lots', '12..5', '1.2.3k', 'twelve', '$', '12 apples', true])('%s is refused', (raw) => {
    const r = parseNumber(raw);
    expect(r.ok).toBe(false);
  });
});

describe('parseInteger', () => {
  it('accepts whole numbers written many ways', () => {
    expect(value(parseInteger('1,200'))).toBe(1200);
    expect(value(parseInteger('1.2k'))).toBe(1200);
    expect(value(parseInteger('50.0'))).toBe(50);
  });
  it('refuses fractions rather than rounding silently', () => {
    expect(parseInteger('12.5')).toMatchObject({ ok: false });
  });
});

describe('parsePercent (0-100 scale)', () => {
  it.each([
    ['85%', 85],
    ['0.85', 85],
    ['85', 85],
    ['12.5 %', 12.5],
    [0.5, 50],
    ['100%', 100],
  ])('%s -> %s', (raw, expected) => {
    expect(value(parsePercent(raw))).toBeCloseTo(expected, 6);
  });
  it('refuses text', () => expect(parsePercent('high').ok).toBe(false));
});

describe('parseBoolean', () => {
  it.each([
    ['Yes', true],
    ['no', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['Y', true],
    [true, true],
  ])('%s -> %s', (raw, expected) => expect(value(parseBoolean(raw))).toBe(expected));
  it('refuses maybe', () => expect(parseBoolean('maybe').ok).toBe(false));
  it('blank stays blank', () => expect(value(parseBoolean(''))).toBe('BLANK'));
});

describe('parseDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-3-1', '2026-03-01'],
    ['2026-03-01T15:30:00Z', '2026-03-01'],
    ['03/01/2026', '2026-03-01'],
    ['3/1/26', '2026-03-01'],
    ['46082', '2026-03-01'],
    [46082, '2026-03-01'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    [Date.UTC(2026, 2, 1), '2026-03-01'],
    ['Mar 1, 2026', '2026-03-01'],
  ])('%s -> %s', (raw, expected) => expect(value(parseDate(raw))).toBe(expected));

  it.each(['2026-02-30', '13/01/2026', 'next tuesday', '2026/99/99', '12'])(
    '%s is refused',
    (raw) => {
      expect(parseDate(raw).ok).toBe(false);
    },
  );
});

describe('parseDateTime', () => {
  it('keeps the time', () =>
    expect(value(parseDateTime('2026-03-01T15:30:00Z'))).toBe('2026-03-01T15:30:00.000Z'));
  it('reads a date as midnight UTC', () =>
    expect(value(parseDateTime('03/01/2026'))).toBe('2026-03-01T00:00:00.000Z'));
  it('reads epoch milliseconds (HubSpot)', () =>
    expect(value(parseDateTime('1772323200000'))).toBe('2026-03-01T00:00:00.000Z'));
});

describe('parseList, enum and list maps', () => {
  it('splits, trims and drops blanks', () =>
    expect(value(parseList(' a ; b;; c '))).toEqual(['a', 'b', 'c']));
  it('uses the separator', () => expect(value(parseList('a|b', '|'))).toEqual(['a', 'b']));
  it('maps list items ignoring case', () => {
    expect(
      value(
        transform('list', 'Champion; Economic Buyer', {
          map: { champion: 'champion', 'economic buyer': 'economic_buyer' },
        }),
      ),
    ).toEqual(['champion', 'economic_buyer']);
  });
  it('maps enum values and refuses unknown ones', () => {
    const map = { Customer: 'customer', Trial: 'trial' };
    expect(value(transform('enum', ' customer ', { map }))).toBe('customer');
    expect(transform('enum', 'Partner', { map })).toMatchObject({ ok: false });
  });
});
