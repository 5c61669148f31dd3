import { describe, expect, it } from 'vitest';
import { firstSorted, mergeSorted } from '../../src/narrative/order.js';

/** A seeded generator, so a failure names the case that made it. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Item {
  key: number;
  name: string;
  at: number;
}

const items = (seed: number, n: number, keys: number): Item[] => {
  const r = rng(seed);
  return Array.from({ length: n }, (_, at) => ({
    key: Math.floor(r() * keys),
    name: String.fromCharCode(97 + Math.floor(r() * 3)),
    at,
  }));
};

const byKey = (a: Item, b: Item) => b.key - a.key;
const total = (a: Item, b: Item) => b.key - a.key || a.name.localeCompare(b.name) || a.at - b.at;

describe('firstSorted', () => {
  it.each([
    [1, 0, 3],
    [2, 1, 3],
    [3, 50, 3],
    [4, 500, 1],
    [5, 500, 7],
    [6, 2000, 40],
  ])(
    'keeps what a stable sort puts first, ties in their order (seed %i, %i items)',
    (seed, n, k) => {
      const xs = items(seed, n, 5);
      expect(firstSorted(xs, k, byKey)).toEqual([...xs].sort(byKey).slice(0, k));
    },
  );

  it('takes fewer than k when there are fewer', () => {
    const xs = items(9, 2, 5);
    expect(firstSorted(xs, 3, byKey)).toEqual([...xs].sort(byKey));
  });
});

describe('mergeSorted', () => {
  it.each([1, 2, 3, 4, 5])('is the sort of both lists together (seed %i)', (seed) => {
    const r = rng(seed);
    const all = items(seed, 1000, 20);
    const a: Item[] = [];
    const b: Item[] = [];
    for (const x of all) (r() < 0.1 ? b : a).push(x);
    const merged = mergeSorted(a.sort(total), b.sort(total), total);
    expect(merged).toEqual([...all].sort(total));
  });

  it('keeps either list whole when the other is empty', () => {
    const xs = items(7, 10, 3).sort(total);
    expect(mergeSorted(xs, [], total)).toEqual(xs);
    expect(mergeSorted([], xs, total)).toEqual(xs);
  });
});
