/**
 * Typed transforms that clean what real exports hold. Each returns `{ ok: true, value }`,
 * `{ ok: true, blank: true }` for an empty cell, or `{ ok: false, reason }`: a value that cannot be
 * read is reported, never turned into a silent zero.
 */
import type { FieldType } from './schema.js';

export type Parsed<T> =
  { ok: true; value: T } | { ok: true; blank: true } | { ok: false; reason: string };

const BLANKS = new Set(['', 'null', 'n/a', 'na', '-', '—', 'none', 'undefined', '#n/a']);
const blank = { ok: true, blank: true } as const;
const fail = (reason: string) => ({ ok: false, reason }) as const;
const ok = <T>(value: T) => ({ ok: true, value }) as const;

/** The longest of `BLANKS`: a longer text, once trimmed, is not blank. */
const LONGEST_BLANK = Math.max(...[...BLANKS].map((b) => b.length));

export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') {
    // Every cell of every row comes here: one longer than any blank is told by its length,
    // without a lower-cased copy (lower-casing never shortens a text).
    const text = raw.trim();
    return text.length <= LONGEST_BLANK && BLANKS.has(text.toLowerCase());
  }
  if (Array.isArray(raw)) return raw.length === 0;
  return false;
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/**
 * Numbers as people type them: `12,000`, `$12,000.50`, `12k`, `1.2M`, `(1,200)` (accounting
 * negative), `1 200`, `€1.234,56` (European grouping when the comma is the decimal mark).
 */
export function parseNumber(raw: unknown): Parsed<number> {
  if (isBlank(raw)) return blank;
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail('not a finite number');
  if (typeof raw === 'boolean') return fail('a boolean is not a number');
  let s = String(raw).trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^[A-Z]{3}\s+/i, '').replace(/\s+[A-Z]{3}$/i, ''); // ISO currency code
  s = s.replace(/[$€£¥₹]/g, '').trim();
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  const m = /^([\d.,\s\u00a0']+?)\s*(k|m|mm|b|bn)?$/i.exec(s);
  if (!m || !m[1]) return fail(`"${String(raw)}" is not a number`);
  let digits = m[1].replace(/[\s\u00a0']/g, '');
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  if (lastComma > lastDot) {
    // `1.234,56` and `12,5` use the comma as the decimal mark; `12,000` groups thousands.
    const decimals = digits.length - lastComma - 1;
    const single = digits.indexOf(',') === lastComma;
    const european = lastDot >= 0 || (single && decimals !== 3);
    digits = european ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  } else {
    digits = digits.replace(/,/g, '');
  }
  if (!/^\d*\.?\d+$|^\d+\.$/.test(digits)) return fail(`"${String(raw)}" is not a number`);
  const mult = m[2] ? (SUFFIX[m[2].toLowerCase()] ?? 1) : 1;
  const value = Number(digits) * mult;
  if (!Number.isFinite(value)) return fail(`"${String(raw)}" is not a number`);
  return ok(negative ? -value : value);
}

export function parseInteger(raw: unknown): Parsed<number> {
  const n = parseNumber(raw);
  if (!n.ok || 'blank' in n) return n;
  const r = Math.round(n.value);
  if (Math.abs(r - n.value) > 1e-9) return fail(`"${String(raw)}" is not a whole number`);
  return ok(r);
}

/**
 * Percentages on a 0–100 scale: `85%` → 85, `0.85` → 85 (a bare number of at most 1 is read as
 * a fraction), `85` → 85.
 */
export function parsePercent(raw: unknown): Parsed<number> {
  if (isBlank(raw)) return blank;
  const s = String(raw).trim();
  const hasSign = s.endsWith('%');
  const n = parseNumber(hasSign ? s.slice(0, -1) : s);
  if (!n.ok || 'blank' in n) return n.ok ? fail(`"${s}" is not a percentage`) : n;
  return ok(hasSign || Math.abs(n.value) > 1 ? n.value : n.value * 100);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't', 'x', 'on', 'active', 'checked']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f', 'off', 'inactive', 'unchecked']);

export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (isBlank(raw)) return blank;
  const s = String(raw).trim().toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail(`"${String(raw)}" is not yes/no`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function validYmd(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d)
    return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Calendar dates: ISO (`2026-03-01`, or a datetime: its date in UTC), US `03/01/2026`
 * (and `3/1/26`), Excel serial numbers (`46082`), JS Dates (XLSX cells) and epoch milliseconds
 * (HubSpot date properties). Returns `YYYY-MM-DD`.
 */
export function parseDate(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return blank;
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? fail('invalid date') : ok(raw.toISOString().slice(0, 10));
  }
  const s = String(raw).trim();
  let m = ISO_DATETIME.exec(s);
  if (m) return isoDate(m, s);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    return orFail(validYmd(y, +m[1]!, +m[2]!), s);
  }
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (n >= 61 && n < 2_958_466) {
      // Excel serial (1900 date system). The epoch 1899-12-30 absorbs Lotus's phantom 1900-02-29,
      // so serials from 61 (1900-03-01) on are exact; smaller ones are not plausible dates here.
      return ok(new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10));
    }
    if (n > 1e11) return ok(new Date(n).toISOString().slice(0, 10)); // epoch ms
  }
  const t = Date.parse(s);
  if (!Number.isNaN(t) && /[a-z]{3}/i.test(s)) return ok(new Date(t).toISOString().slice(0, 10));
  return fail(`"${s}" is not a date (expected YYYY-MM-DD, MM/DD/YYYY or an Excel serial)`);
}

const orFail = (v: string | undefined, s: string): Parsed<string> =>
  v ? ok(v) : fail(`"${s}" is not a calendar date`);

/** An ISO date, or a datetime as CRMs send them (Salesforce `2026-03-01T14:22:05.000+0000`,
 * HubSpot `2026-03-01T14:22:05.123Z`); no zone means UTC. */
const ISO_DATETIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A datetime's calendar date in UTC (the day the instant falls on there, whatever its offset). */
function isoDate(m: RegExpExecArray, s: string): Parsed<string> {
  const day = validYmd(+m[1]!, +m[2]!, +m[3]!);
  if (!day || m[4] === undefined) return orFail(day, s);
  const [h, min, sec] = [+m[4], +m[5]!, +(m[6] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return fail(`"${s}" is not a valid time of day`);
  const zone = m[7] && m[7].toUpperCase() !== 'Z' ? m[7] : '+00:00';
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2));
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, h, min, sec) - offsetMin * 60_000;
  return ok(new Date(t).toISOString().slice(0, 10));
}

export function parseDateTime(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return blank;
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? fail('invalid datetime') : ok(raw.toISOString());
  const s = String(raw).trim();
  if (/^\d{12,}$/.test(s)) return ok(new Date(Number(s)).toISOString());
  const t = Date.parse(s);
  if (!Number.isNaN(t) && /\d{4}-\d{2}-\d{2}T/.test(s)) return ok(new Date(t).toISOString());
  const d = parseDate(raw);
  if (d.ok && 'value' in d) return ok(`${d.value}T00:00:00.000Z`);
  return fail(`"${s}" is not a datetime`);
}

export function parseList(raw: unknown, separator = ';'): Parsed<string[]> {
  if (isBlank(raw)) return blank;
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(separator);
  const clean = items.map((i) => i.trim()).filter((i) => !isBlank(i));
  return clean.length ? ok(clean) : blank;
}

export function parseString(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return blank;
  if (raw instanceof Date) return ok(raw.toISOString());
  if (typeof raw === 'object') return fail('expected text, found an object');
  return ok(String(raw).trim());
}

/** Look a value up in a mapping's `map`, ignoring case and surrounding space. */
export function lookup(map: Record<string, unknown>, v: string): unknown {
  if (v in map) return map[v];
  const k = v.trim().toLowerCase();
  for (const [key, out] of Object.entries(map)) if (key.trim().toLowerCase() === k) return out;
  return undefined;
}

/** Apply one typed transform. */
export function transform(
  type: FieldType,
  raw: unknown,
  opts: { separator?: string | undefined; map?: Record<string, unknown> | undefined } = {},
): Parsed<unknown> {
  switch (type) {
    case 'string':
      return parseString(raw);
    case 'integer':
      return parseInteger(raw);
    case 'number':
    case 'currency':
      return parseNumber(raw);
    case 'percent':
      return parsePercent(raw);
    case 'date':
      return parseDate(raw);
    case 'datetime':
      return parseDateTime(raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'list': {
      const l = parseList(raw, opts.separator);
      if (!l.ok || 'blank' in l || !opts.map) return l;
      const out: unknown[] = [];
      for (const item of l.value) {
        const mapped = lookup(opts.map, item);
        out.push(mapped === undefined ? item : mapped);
      }
      return ok(out);
    }
    case 'enum': {
      const s = parseString(raw);
      if (!s.ok || 'blank' in s) return s;
      if (!opts.map) return ok(s.value.toLowerCase());
      const mapped = lookup(opts.map, s.value);
      if (mapped !== undefined) return ok(mapped);
      // A value already in neutral form passes.
      if (Object.values(opts.map).some((v) => String(v) === s.value)) return ok(s.value);
      return fail(`"${s.value}" is not one of ${Object.keys(opts.map).join(', ')}`);
    }
  }
}
