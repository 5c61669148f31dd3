/**
 * In-place stable sort for the short lists scoring sorts per account (an account's few
 * opportunities or teams). `Array.prototype.sort` allocates a work copy on every call, which on
 * 100k accounts is garbage the GC has to sweep; an insertion sort on a handful of items allocates
 * nothing and gives the same order (both are stable).
 */
export function sortSmall<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  if (xs.length > 16) return xs.sort(compare);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && compare(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
