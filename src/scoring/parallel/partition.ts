/**
 * Cuts a portfolio into contiguous slices of accounts, each with only its own accounts' records
 * (in their original order), in one pass over every record list.
 */
import type { Portfolio } from '../../model/records.js';

/**
 * Records whose account is not in the portfolio are dropped (`scorePortfolio` never reads them);
 * an account id listed twice gets its records in every slice it appears in, as it does unsliced.
 */
export function partitionPortfolio(p: Portfolio, batchSize: number): Portfolio[] {
  const size = Math.max(1, Math.floor(batchSize));
  const slices: Portfolio[] = [];
  const sliceOf = new Map<string, number[]>();
  for (let i = 0; i < p.accounts.length; i += size) {
    const accounts = p.accounts.slice(i, i + size);
    for (const a of accounts) {
      const list = sliceOf.get(a.id);
      if (!list) sliceOf.set(a.id, [slices.length]);
      else if (list[list.length - 1] !== slices.length) list.push(slices.length);
    }
    slices.push({ accounts, contacts: [], deals: [], usage: [], departments: [], signals: [] });
  }
  const spread = <K extends Exclude<keyof Portfolio, 'accounts'>>(key: K) => {
    for (const r of p[key]) {
      const list = sliceOf.get(r.accountId);
      if (list) for (const s of list) (slices[s]![key] as (typeof r)[]).push(r);
    }
  };
  spread('contacts');
  spread('deals');
  spread('usage');
  spread('departments');
  spread('signals');
  return slices;
}
