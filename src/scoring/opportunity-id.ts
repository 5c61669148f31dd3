/**
 * Stable opportunity ids: the external key written to Salesforce / HubSpot, so the same account,
 * type and subject must give the same id on every run. A readable prefix plus a hash of the exact
 * triple (so `a:b` and `a_b` never collide), at most 80 characters of [A-Za-z0-9_-].
 */
export const ID_MAX = 80;
const HASH_LEN = 11;
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const DIGITS: number[] = new Array<number>(HASH_LEN).fill(0);

/** cyrb53: a fast, well-mixed 53-bit string hash, in base 36. Not for security: only to keep ids
 * distinct when slugs collide or the prefix is cut. Pure JS, so it is the same everywhere and
 * costs no allocation per call (sha1 through node:crypto was a quarter of the scoring time). */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Base 36 by hand: Number#toString(36) on a non-small integer takes V8's slow generic path.
  // Digits go into a reused buffer and become one string: no intermediate string per digit.
  let n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  for (let i = HASH_LEN - 1; i >= 0; i--) {
    const q = Math.floor(n / 36);
    DIGITS[i] = BASE36.charCodeAt(n - q * 36);
    n = q;
  }
  return String.fromCharCode.apply(null, DIGITS);
}

const SAFE = /^[A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9]$/;
const slug = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');

// One-entry memo: scoring asks for every opportunity of an account in a row.
let memoAccount = '';
let memoSlug = '';

export function opportunityId(accountId: string, type: string, subject: string): string {
  if (accountId !== memoAccount) {
    memoAccount = accountId;
    memoSlug = slug(accountId);
  }
  const hash = hash53(`${accountId}\u0000${type}\u0000${subject}`);
  const prefix = `${memoSlug}-${type}-${SAFE.test(subject) ? subject : slug(subject)}`.slice(
    0,
    ID_MAX - HASH_LEN - 1,
  );
  return `${prefix}-${hash}`;
}
