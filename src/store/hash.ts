/**
 * Content hashes for diffing: the same value always hashes the same, whatever the key order.
 */
import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted and `undefined` members dropped. A sync hashes every pulled
 * record and every opportunity with it (millions of values at 100k accounts), so it builds one
 * string with no per-object entry arrays; the output is the same as sorting
 * `Object.entries` (a member that JSON cannot hold, such as a function, reads `null`).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      const v: unknown = value[i];
      out += v === undefined ? 'null' : stableStringify(v);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  // Default sort order is UTF-16 code unit order, the same as comparing with `<`.
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += quotedKey(k);
    const t = typeof v;
    out += t === 'string' ? JSON.stringify(v) : t === 'object' ? stableStringify(v) : json(v);
  }
  return `${out}}`;
}

const json = (v: unknown): string => JSON.stringify(v) ?? 'null';

/** `"key":` texts: the same few hundred keys recur in millions of values. Bounded, so a
 * source with free-form keys (custom fields) cannot grow it without end. */
const quoted = new Map<string, string>();
function quotedKey(k: string): string {
  let q = quoted.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quoted.size < 4096) quoted.set(k, q);
  }
  return q;
}

/** The digest `hashValue` takes of a value's `stableStringify` text, for callers that keep
 * the text (to store it) and need its hash too. */
export function hashText(text: string): string {
  // The one-shot digest (Node 20.12+): no Hash object per value.
  return hash('sha1', text, 'hex').slice(0, 24);
}

/** A short hex digest of a value (sha1: collisions do not matter here, speed does). */
export function hashValue(value: unknown): string {
  return hashText(stableStringify(value));
}

/** What write_state keeps per field: short values as their JSON text (readable, no hashing
 * cost), longer ones as a digest. */
export function fieldHash(value: unknown): string {
  const text = stableStringify(value);
  return text.length <= 32 ? text : hashText(text);
}
