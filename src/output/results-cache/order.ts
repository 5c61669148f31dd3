/**
 * The playbook's orders as the last run left them (`narrative/playbook.ts`, `PlaybookOrder`):
 * its expansion opportunities by tier and score, its accounts by potential and name. Sorting
 * them is a second of collation at 100k accounts; a run that changed a few accounts reads them
 * back instead, drops the changed accounts' and merges in their new ones.
 *
 * Positions, not ids: each expansion opportunity by where it stands among all the cache's
 * opportunities (accounts in id order, each account's in its entry's order), each account by
 * where it stands among the accounts, in a binary file of 32-bit little-endian numbers (on any
 * platform, so a cache carried to another machine reads the same). The collation the
 * names and ids were sorted under is kept with them: under another (a Node with another ICU),
 * the order is worked out again.
 */

/** Bump when the layout changes. */
const VERSION = 1;

/** The collation the orders were sorted under. */
export const collation = (): string =>
  `${process.versions.icu ?? 'none'} ${new Intl.Collator().resolvedOptions().locale}`;

interface Entry {
  id: string;
  opportunities: readonly { accountId: string }[];
}

/** The orders as positions in `entries`: `expansion` holds the entries' own opportunity
 * objects, `accounts` their summaries' rows (by account id). */
export function encodeOrder(
  entries: readonly Entry[],
  order: {
    expansion: readonly { accountId: string }[];
    accounts: readonly { s: { accountId: string } }[];
  },
): Buffer {
  // Each account's index and where its opportunities start among all of them.
  const account = new Map<string, number>();
  const starts = new Array<number>(entries.length);
  let all = 0;
  entries.forEach((e, i) => {
    account.set(e.id, i);
    starts[i] = all;
    all += e.opportunities.length;
  });
  const tag = Buffer.from(collation(), 'utf8');
  const head = 16 + tag.length;
  const at = head + ((4 - (head % 4)) % 4);
  const buf = Buffer.alloc(at + 4 * (order.expansion.length + order.accounts.length));
  buf.writeUInt32LE(VERSION, 0);
  buf.writeUInt32LE(order.expansion.length, 4);
  buf.writeUInt32LE(order.accounts.length, 8);
  buf.writeUInt32LE(tag.length, 12);
  tag.copy(buf, 16);
  let n = at;
  for (const o of order.expansion) {
    const i = account.get(o.accountId);
    const k = i === undefined ? -1 : entries[i]!.opportunities.indexOf(o);
    if (k < 0) throw new RangeError('an ordered opportunity is not among the entries');
    n = buf.writeUInt32LE(starts[i!]! + k, n);
  }
  for (const r of order.accounts) {
    const k = account.get(r.s.accountId);
    if (k === undefined) throw new RangeError(`ordered account ${r.s.accountId} has no entry`);
    n = buf.writeUInt32LE(k, n);
  }
  return buf;
}

/** Positions read back, or undefined when they cannot be the orders of `entries`: another
 * layout or collation, counts that do not match, a position out of range or given twice, or an
 * expansion position that is not an expansion opportunity. */
export function decodeOrder(
  buf: Buffer,
  entries: readonly { opportunities: readonly { category: string }[] }[],
): { expansion: Uint32Array; accounts: Uint32Array } | undefined {
  if (buf.length < 16 || buf.readUInt32LE(0) !== VERSION) return undefined;
  const nExpansion = buf.readUInt32LE(4);
  const nAccounts = buf.readUInt32LE(8);
  const tagLength = buf.readUInt32LE(12);
  const head = 16 + tagLength;
  const at = head + ((4 - (head % 4)) % 4);
  if (buf.length !== at + 4 * (nExpansion + nAccounts)) return undefined;
  if (buf.toString('utf8', 16, head) !== collation()) return undefined;
  if (nAccounts !== entries.length) return undefined;
  const categories: string[] = [];
  for (const e of entries) for (const o of e.opportunities) categories.push(o.category);
  if (nExpansion !== categories.filter((c) => c === 'expansion').length) return undefined;
  const all = new Uint32Array(nExpansion + nAccounts);
  for (let i = 0; i < all.length; i++) all[i] = buf.readUInt32LE(at + 4 * i);
  const expansion = all.subarray(0, nExpansion);
  const accounts = all.subarray(nExpansion);
  const seen = new Uint8Array(categories.length);
  for (const k of expansion) {
    if (k >= categories.length || categories[k] !== 'expansion' || seen[k]) return undefined;
    seen[k] = 1;
  }
  const seenAccount = new Uint8Array(nAccounts);
  for (const k of accounts) {
    if (k >= nAccounts || seenAccount[k]) return undefined;
    seenAccount[k] = 1;
  }
  return { expansion, accounts };
}
