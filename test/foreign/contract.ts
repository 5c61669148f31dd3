/**
 * Contract cycle and deal history. A customer signed `cycles` terms ago and renewed at each
 * anniversary (a won renewal deal each time); `renewal_date` is the next anniversary. Ordinary
 * customers are at least three months past their last renewal; just-renewed ones 12–45 days.
 * Trials end within a month of starting.
 */
import { addDays, addMonths } from './calendar.js';
import type { Rng } from './random.js';
import type { Row } from './rows.js';
import type { Archetype } from './truth.js';

export interface Contract {
  start: string;
  renewal: string;
  term: string;
  deals: Row[];
}

export function buildContract(
  rng: Rng,
  asOf: string,
  archetype: Archetype,
  accountId: string,
  name: string,
  arr: number,
  serial: () => string,
): Contract {
  const deal = (kind: string, label: string, date: string, amount: number, won = true): Row => ({
    deal_id: serial(),
    account_id: accountId,
    name: `${name} – ${label}`,
    kind,
    stage: won ? 'Closed Won' : 'Closed Lost',
    amount: String(Math.round(amount)),
    currency: 'USD',
    close_date: date,
    closed: 'true',
    won: String(won),
  });
  if (archetype === 'trial' || archetype === 'free') {
    const start = addDays(asOf, -rng.int(6, 24));
    return archetype === 'trial'
      ? { start, renewal: addDays(start, 30), term: '', deals: [] }
      : { start, renewal: '', term: '', deals: [] };
  }
  const term = rng.pick([12, 12, 12, 12, 24, 24, 36]);
  const cycles = archetype === 'just_renewed' ? rng.int(1, 3) : rng.int(0, 3);
  // The last anniversary: weeks ago for a just-renewed account, else 3+ months and 3+ months
  // before the next one.
  const last =
    archetype === 'just_renewed'
      ? addDays(asOf, -rng.int(12, 45))
      : addMonths(addDays(asOf, -rng.int(0, 27)), -rng.int(3, term - 3));
  const start = addMonths(last, -term * cycles);
  const deals: Row[] = [deal('new', 'New business', start, arr * 0.85)];
  for (let k = 1; k <= cycles; k++) {
    deals.push(deal('renewal', `Renewal ${k}`, addMonths(start, term * k), arr * 0.95));
  }
  if (cycles > 0 && rng.chance(0.3)) {
    const when = addDays(start, rng.int(60, 200));
    deals.push(deal('expansion', 'Added seats', when, arr * 0.1, rng.chance(0.7)));
  }
  return { start, renewal: addMonths(last, term), term: String(term), deals };
}
