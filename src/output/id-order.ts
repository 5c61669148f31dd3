/**
 * The order of the output files and their cache: accounts by id, compared by UTF-16 code unit
 * (the same as `<`, whatever the locale), so every run writes and merges them alike.
 */

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Two lists already in id order, merged into one in id order (an id in both: `b`'s first). */
export function mergeById<A extends { id: string }, B extends { id: string }>(
  a: readonly A[],
  b: readonly B[],
): (A | B)[] {
  const out: (A | B)[] = [];
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    if (j >= b.length || (i < a.length && byCodeUnit(a[i]!.id, b[j]!.id) < 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
