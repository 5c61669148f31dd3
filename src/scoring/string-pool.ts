/**
 * One copy of each often-repeated output string per scoring run. Opportunities of different
 * accounts repeat much of their text ("Adds Insight Studio", a timing reason, a benchmark line, a
 * contact's "Name (Title)"): without the pool, more than half of the strings the results of a
 * large portfolio hold were copies, each one copied twice by the young-generation GC before it
 * settled. Strings are immutable, so handing out an equal instance changes no output.
 *
 * The pool is a fixed table indexed by a hash of the whole string: a repeat finds its twin with
 * one comparison, a collision just replaces the entry. The hash reads every character, because
 * texts that repeat differ in a digit or two ("Person 0", "Person 1"), and a hash of a few sampled
 * characters sent those pairs to one slot where they kept evicting each other (results of 10k
 * bench accounts held 200k strings with it, 91k with this one). A `Map` would keep every
 * distinct string, and probing a table of 100k entries cost more than the memory saved.
 */

/** The pool's copy of a string equal to `s`, else `s` (flattened) kept for the next repeat. */
export type StringPool = (s: string) => string;

const SLOTS = 1 << 16;

export function createStringPool(): StringPool {
  const table = new Array<string>(SLOTS).fill('');
  return (s) => {
    const n = s.length;
    // Reading characters also flattens a rope string in place (see `flat`).
    let h = n;
    for (let i = 0; i < n; i++) h = ((h << 5) - h + s.charCodeAt(i)) | 0;
    h = Math.imul(h ^ (h >>> 15), 0x9e3779b1);
    const slot = (h >>> 16) & (SLOTS - 1);
    const known = table[slot]!;
    if (known === s) return known;
    table[slot] = s;
    return s;
  };
}
