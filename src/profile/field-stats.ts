/**
 * What one neutral field holds across the mapped records: how often it is filled, its values
 * (the most common few, or the numeric / date range), and how many values were refused and why.
 */
import { readPath } from '../mapping/apply.js';
import { top, type FieldRefusals } from '../mapping/refusals.js';

export interface FieldProfile {
  field: string;
  /** Records (of those pulled) with a value here. */
  filled: number;
  /** filled / pulled, 0–1. */
  fillRate: number;
  /** Numbers: smallest, median and largest value. */
  range?: { min: number; median: number; max: number };
  /** Dates (YYYY-MM-DD): earliest and latest. */
  dates?: { min: string; max: string };
  /** Text, enums, booleans and list items: how many distinct, and the most common. */
  distinct?: number;
  values?: { value: string; count: number }[];
  /** Records whose value here was refused (kept without it, or skipped when it was required). */
  refused: number;
  /** refused / pulled, 0–1. */
  refusedRate: number;
  /** The most common reasons, quoted values left out. */
  reasons: { reason: string; count: number }[];
  /** The most common refused values. */
  refusedValues: { value: string; count: number }[];
}

const TOP = 5;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isFilled = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function profileField(
  field: string,
  records: readonly object[],
  pulled: number,
  refusals: FieldRefusals | undefined,
): FieldProfile {
  const numbers: number[] = [];
  const dates: string[] = [];
  const counts = new Map<string, number>();
  let filled = 0;
  for (const record of records) {
    const v = readPath(record as Record<string, unknown>, field);
    if (!isFilled(v)) continue;
    filled++;
    for (const item of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (typeof item === 'number') numbers.push(item);
      else if (typeof item === 'string' && DATE.test(item)) dates.push(item);
      else counts.set(String(item), (counts.get(String(item)) ?? 0) + 1);
    }
  }
  const refused = refusals?.records ?? 0;
  const out: FieldProfile = {
    field,
    filled,
    fillRate: pulled ? filled / pulled : 0,
    refused,
    refusedRate: pulled ? refused / pulled : 0,
    reasons: refusals ? top(refusals.reasons, 3).map(([reason, count]) => ({ reason, count })) : [],
    refusedValues: refusals
      ? top(refusals.values, 3).map(([value, count]) => ({ value, count }))
      : [],
  };
  if (numbers.length) {
    numbers.sort((a, b) => a - b);
    out.range = { min: numbers[0]!, median: median(numbers), max: numbers[numbers.length - 1]! };
  }
  if (dates.length) {
    dates.sort();
    out.dates = { min: dates[0]!, max: dates[dates.length - 1]! };
  }
  if (counts.size) {
    out.distinct = counts.size;
    out.values = top(counts, TOP).map(([value, count]) => ({ value, count }));
  }
  return out;
}
