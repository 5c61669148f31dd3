/** Number formatting for evidence and descriptions: one style everywhere, no locale surprises. */

/** `1234567.891` → "1,234,567.89": thousands separators without Intl (hot path: 100k accounts). */
export function grouped(n: number, decimals = 0): string {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(n) * f) / f;
  const int = Math.trunc(r);
  let s = String(int);
  for (let i = s.length - 3; i > 0; i -= 3) s = `${s.slice(0, i)},${s.slice(i)}`;
  const frac = r - int;
  const tail = frac > 0 ? frac.toFixed(decimals).slice(1).replace(/0+$/, '') : '';
  return `${n < 0 && r > 0 ? '-' : ''}${s}${tail}`;
}

/** `$12,300` (whole units; the currency code when it is not USD). */
export function money(amount: number, currency = 'USD'): string {
  const whole = grouped(amount);
  return currency === 'USD' ? `$${whole}` : `${whole} ${currency}`;
}

/** A fraction as a whole percentage number: 0.943 → 94. */
export const pct = (fraction: number): number => Math.round(fraction * 100);

/** A signed percentage for trends: 34.2 → "+34%". */
export const signedPct = (percent: number): string =>
  `${percent >= 0 ? '+' : ''}${Math.round(percent)}%`;

export const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** Feature and module keys as people write them: `audit_log` → "audit log". */
export const humanKey = (key: string): string => key.replace(/[_-]+/g, ' ');

// Written by `flat`: a store the optimizing compiler cannot drop, so the flattening always happens.
let _flatSink = 0;

/**
 * The same string, flattened. Template literals build rope (cons) strings: a 100-character
 * evidence line is a tree of ~10 heap objects until something reads it. Output strings are kept
 * for the whole run, so flattening them while young lets the GC drop the rope nodes instead of
 * copying every node into the old generation: ~25% less retained memory and ~10% less scoring
 * CPU on 100k accounts. Reading a character flattens a rope in place; `Number(s)`, used before,
 * also hashed every string to test it for an array index.
 */
export function flat(s: string): string {
  _flatSink = s.charCodeAt(0);
  return s;
}
