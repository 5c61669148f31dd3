/**
 * One copy of each often-repeated output string per scoring run. Opportunities of different
 * accounts repeat much of their text ("Adds Insight Studio", a timing reason, a benchmark line):
 * on the 100k-account bench three quarters of the retained string bytes were duplicates, each one
 * copied twice by the young-generation GC before it settled. Strings are immutable, so handing out
 * an equal instance changes no output.
 *
 * The pool is a fixed table indexed by a hash of a few sampled characters: a repeat finds its
 * twin with one comparison, a collision just replaces the entry. A `Map` would keep every
 * distinct string, but hashing whole strings and probing a table of 100k entries cost more than
 * the memory saved.
 */

/** The pool's copy of a string equal to `s`, else `s` (flattened) kept for the next repeat. */
export type StringPool = (s: string) => string;

const SLOTS = 1 << 14;
/** Characters sampled per string: enough to tell apart texts that differ in a number. */
const SAMPLES = 8;

export function createStringPool(): StringPool {
  const table = new Array<string>(SLOTS).fill('');
  return (s) => {
    const n = s.length;
    // Reading characters also flattens a rope string in place (see `flat`).
    let h = n;
    const step = Math.floor(n / SAMPLES) + 1;
    for (let i = 0; i < n; i += step) h = Math.imul(h ^ s.charCodeAt(i), 0x9e3779b1);
    if (n > 0) h = Math.imul(h ^ s.charCodeAt(n - 1), 0x9e3779b1);
    const slot = (h >>> 16) & (SLOTS - 1);
    const known = table[slot]!;
    if (known === s) return known;
    table[slot] = s;
    return s;
  };
}
