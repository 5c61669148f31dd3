/**
 * Content hashes for diffing: the same value always hashes the same, whatever the key order.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted and `undefined` members dropped. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** A short hex digest of a value (sha1: collisions do not matter here, speed does). */
export function hashValue(value: unknown): string {
  return createHash('sha1').update(stableStringify(value)).digest('hex').slice(0, 24);
}

/** What write_state keeps per field: short values as their JSON text (readable, no hashing
 * cost), longer ones as a digest. */
export function fieldHash(value: unknown): string {
  const text = stableStringify(value);
  return text.length <= 32 ? text : createHash('sha1').update(text).digest('hex').slice(0, 24);
}
