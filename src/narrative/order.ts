/**
 * Orders the playbook needs over hundreds of thousands of opportunities, without sorting them
 * all each time: the first few of a sort, and two sorted lists merged into one.
 */

/** The first `k` items of `[...items].sort(cmp)` (a stable sort: ties keep their order), in
 * one pass that keeps only those `k`. */
export function firstSorted<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const x of items) {
    // A stable sort puts x after every earlier item that does not sort after it.
    let at = out.length;
    while (at > 0 && cmp(out[at - 1]!, x) > 0) at--;
    if (at >= k) continue;
    out.splice(at, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

/** Two lists each sorted by `cmp`, merged into one sorted by it (ties: `a`'s first). With a
 * total order this is the sort of the two lists together. Each of `b`'s items finds its place
 * in `a` by bisection, and the runs of `a` between are copied: merging a few changed accounts'
 * items into hundreds of thousands compares each of the few a score of times, not each of the
 * many once. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): T[] {
  const out = new Array<T>(a.length + b.length);
  let n = 0;
  let i = 0;
  for (const x of b) {
    // The first item of `a` from `i` on that sorts after x: x goes before it.
    let lo = i;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(x, a[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    while (i < lo) out[n++] = a[i++]!;
    out[n++] = x;
  }
  while (i < a.length) out[n++] = a[i++]!;
  return out;
}
