import { describe, expect, it } from 'vitest';
import { exactCopy } from '../../src/scoring/exact-copy.js';
import { createStringPool } from '../../src/scoring/string-pool.js';

describe('createStringPool', () => {
  // Which instance comes back cannot be observed from JavaScript (strings compare by value);
  // what output relies on is that the value never changes.
  it('returns an equal string on first sight and on a repeat', () => {
    const pool = createStringPool();
    const n = 12;
    const first = pool(`Add ${n} seats`);
    expect(first).toBe('Add 12 seats');
    expect(pool(`Add ${n} seats`)).toBe(first);
    expect(pool(`Add ${n + 1} seats`)).toBe('Add 13 seats');
  });

  it('gives back every string unchanged, colliding or not', () => {
    const pool = createStringPool();
    const texts = Array.from({ length: 50_000 }, (_, i) => `text ${i % 997} of ${i % 13}`);
    for (const t of ['', 'x', ...texts]) expect(pool(t)).toBe(t);
  });
});

describe('exactCopy', () => {
  it('copies the items in order into a new array', () => {
    const xs = [1, 2, 3];
    const copy = exactCopy(xs);
    expect(copy).toEqual(xs);
    expect(copy).not.toBe(xs);
  });
});
