/**
 * Where an account stands in its contract cycle: the next renewal and its notice date, the last
 * renewal, and whether it "just renewed" (seeds/004: expansion talks land best 2–4 months after a
 * renewal). A renewal date in the past rolls forward by the term, as the contract auto-renews.
 */
import type { Account, Deal } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import { addDays, addMonths } from './dates.js';

export interface RenewalInfo {
  /** Next renewal on or after the as-of date. */
  next: string | undefined;
  /** Last day to act before the customer may give notice: `next` minus the notice period. */
  noticeDate: string | undefined;
  /** Most recent renewal on or before the as-of date (contract cycle or won renewal deal). */
  last: string | undefined;
  /** Within `justRenewedMonths` of the last renewal. */
  justRenewed: boolean;
  /** End of the settling period: expansion talks from here on. */
  settleDate: string | undefined;
}

export function renewalInfo(
  account: Account,
  deals: readonly Deal[],
  asOf: string,
  s: ScoringSettings['timing'],
): RenewalInfo {
  const contract = account.contract;
  const term = contract?.termMonths || s.defaultTermMonths;
  let next: string | undefined;
  let last: string | undefined;
  if (contract?.renewal) {
    next = contract.renewal;
    // Bounded: a date decades stale is still a date, but not worth more than 100 terms.
    for (let k = 0; next < asOf && k < 100; k++) next = addMonths(next, term);
    const prev = addMonths(next, -term);
    // The term before the first renewal began at the start: that is a signing, not a renewal.
    if (prev <= asOf && (!contract.start || prev > contract.start)) last = prev;
  }
  for (const d of deals) {
    if (d.kind === 'renewal' && d.won && d.closeDate && d.closeDate <= asOf) {
      if (!last || d.closeDate > last) last = d.closeDate;
    }
  }
  const settleDate = last ? addMonths(last, s.justRenewedMonths) : undefined;
  return {
    next,
    noticeDate: next ? addDays(next, -s.noticeDays) : undefined,
    last,
    justRenewed: settleDate !== undefined && asOf < settleDate,
    settleDate,
  };
}
