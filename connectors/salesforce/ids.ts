/**
 * Salesforce record ids come as 15-character case-sensitive ids (reports, exports, formulas) or
 * 18-character case-insensitive ones (the API). Headroom keys everything by the 18-character
 * form so the same record never appears twice.
 * https://help.salesforce.com/s/articleView?id=000385008&type=1
 */

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;

/** True for a 15- or 18-character id. */
export const isSalesforceId = (v: unknown): v is string =>
  typeof v === 'string' && (ID15.test(v) || ID18.test(v));

/** The 18-character form of a 15-character id; other values are returned unchanged. */
export function to18(id: string): string {
  if (!ID15.test(id)) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      // Each upper-case letter sets one bit: the suffix encodes the case the id lost.
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return id + suffix;
}

/** Lookup fields whose values are ids by name: `Id`, `OwnerId`, `AccountId`, `WhatId`. */
export const isIdFieldName = (name: string): boolean => name === 'Id' || /[a-z]Id$/.test(name);

/** Normalize id-valued fields of a flat field map (write payloads). */
export function normalizeIdFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields))
    out[k] = isIdFieldName(k) && typeof v === 'string' ? to18(v) : v;
  return out;
}
