/**
 * Small text and date helpers shared by the narrative modules. Dates are ISO calendar dates
 * handled in UTC so that output never depends on the machine's time zone or clock.
 */
import { addDays } from '../dates.js';

/** `$12,345` (whole units). Non-USD currencies are prefixed with their code: `EUR 12,345`. */
export function money(amount: number, currency = 'USD'): string {
  const n = Math.round(amount).toLocaleString('en-US');
  return currency === 'USD' ? `$${n}` : `${currency} ${n}`;
}

/** `$48K`, `$1.2M`: compact money for prose where exact dollars would be noise. */
export function moneyShort(amount: number, currency = 'USD'): string {
  const sign = currency === 'USD' ? '$' : `${currency} `;
  const abs = Math.abs(amount);
  if (abs >= 1_000_000) return `${sign}${trim(amount / 1_000_000)}M`;
  if (abs >= 10_000) return `${sign}${Math.round(amount / 1000)}K`;
  return money(amount, currency);
}

const trim = (n: number): string => n.toFixed(1).replace(/\.0$/, '');

/** A ratio as a whole percent: `0.873` → `87%`. */
export function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export { addDays, daysBetween, parseIsoDate as parseDate } from '../dates.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mar 14, 2026`: the form a rep reads in an email. */
export function longDate(iso: string): string {
  // The date as `addDays` writes it: a datetime's date, a day past the month's end rolled over.
  const d = addDays(iso, 0);
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}, ${Number(d.slice(0, 4))}`;
}

/**
 * A deterministic choice among phrasings, keyed on a stable id, so two opportunities of the same
 * type do not read identically while a re-run produces the same text (FNV-1a hash).
 */
export function pick<T>(key: string, options: readonly T[]): T {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  const chosen = options[(h >>> 0) % options.length];
  if (chosen === undefined) throw new RangeError('pick needs at least one option');
  return chosen;
}

/**
 * Lower-cases the first letter so a sentence can continue into the text, but only when that
 * looks safe: the first word is not an acronym or a number and a second word starts in lower
 * case (`Compliance team runs Drata` → `compliance team…`, while `Insight Studio` and
 * `Revenue Cycle (85 people)` keep their capitals).
 */
export function lowerFirst(text: string): string {
  const [first = '', second = ''] = text.split(/\s+/, 2);
  if (first.length > 1 && first === first.toUpperCase()) return text;
  if (second === '' || !/^[a-z]/.test(second)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Drops trailing sentence punctuation so a phrase can be embedded in another sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[.;:!\s]+$/, '');
}

/** `a, b and c` */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
