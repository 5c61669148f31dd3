/**
 * `stableStringify` was rewritten for speed; every hash in a store written before must still
 * match, so its output is checked against the original definition (sorted `Object.entries`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, hashValue, stableStringify } from '../../src/store/hash.js';

/** The original definition, kept here as the reference. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('1', '10', '2', 'a', 'B', 'é')),
      tie('value'),
      {
        maxKeys: 6,
      },
    ),
  ),
})).value;

describe('stableStringify', () => {
  it('writes what the original definition wrote, for any JSON-like value', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(stableStringify(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores key order and undefined members', () => {
    const a = { b: 1, a: [1, { y: 2, x: undefined, w: 'é' }], c: undefined };
    const b = { a: [1, { w: 'é', y: 2 }], b: 1 };
    expect(stableStringify(a)).toBe('{"a":[1,{"w":"é","y":2}],"b":1}');
    expect(hashValue(a)).toBe(hashValue(b));
    expect(hashText(stableStringify(a))).toBe(hashValue(a));
  });

  it('orders integer-like keys as strings, as before', () => {
    expect(stableStringify({ 10: 'x', 2: 'y', a: 1 })).toBe('{"10":"x","2":"y","a":1}');
  });
});
