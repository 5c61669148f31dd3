/**
 * Look-alike profiles: the firmographic and usage features two accounts are compared on, and
 * their encoding into a distance space. Numbers are log-scaled where they span orders of magnitude
 * (employees, ARR, seats) and standardized over the pool; a different industry or segment adds
 * one to the squared distance (one-hot columns scaled so), weighing as much as a one-sd gap in
 * size, not more.
 */
import type { Account, Catalog } from '../model/index.js';
import { accountAsOf, type AccountHistory } from './account-as-of.js';

export interface Profile {
  /** log employees, log ARR, log licensed seats, seat utilization, features used, products owned. */
  numbers: (number | undefined)[];
  industry: string;
  segment: string;
}

export const PROFILE_FEATURES = [
  'employees',
  'arr',
  'seats',
  'utilization',
  'featuresUsed',
  'productsOwned',
];

const log = (x: number | undefined) => (x === undefined ? undefined : Math.log1p(Math.max(0, x)));

/**
 * Profile of an account, as of `date` where one is given (an adopter on the eve of adoption).
 * Fields without dated history (no seat or feature metrics, no prior employee count) fall back to
 * the current snapshot. `module` is left out of the product count: it is what we predict.
 */
export function profileOf(
  account: Account,
  history: AccountHistory,
  module: string,
  date?: string,
  catalog?: Catalog,
): Profile {
  const then = date === undefined ? account : accountAsOf(account, history, date, catalog);
  const seats = then.seats ?? account.seats;
  return {
    numbers: [
      log(then.employees ?? account.employees),
      log(then.arr),
      log(seats?.licensed),
      seats && seats.licensed > 0 ? seats.active / seats.licensed : undefined,
      (then.featuresUsed.length ? then : account).featuresUsed.length,
      then.products.filter((p) => p !== module).length,
    ],
    industry: (account.industry ?? '').trim().toLowerCase() || 'unknown',
    segment: account.segment ?? 'unknown',
  };
}

/**
 * Dense rows for fast distance loops: standardized numbers (missing = the pool mean), and
 * industry / segment as integer codes; a mismatch adds 1 to the squared distance.
 */
export interface Encoded {
  dims: number;
  rows: Float64Array;
  industry: Int32Array;
  segment: Int32Array;
}

function codes(values: string[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(values, (v) => {
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = index.size));
    return c;
  });
}

export function encodeProfiles(profiles: Profile[]): Encoded {
  const dims = PROFILE_FEATURES.length;
  const rows = new Float64Array(profiles.length * dims);
  for (let j = 0; j < dims; j++) {
    const vals = profiles
      .map((p) => p.numbers[j])
      .filter((v): v is number => v !== undefined && Number.isFinite(v));
    const m = vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : 0;
    const sd =
      vals.length > 1
        ? Math.sqrt(vals.reduce((s, v) => s + (v - m) ** 2, 0) / (vals.length - 1))
        : 0;
    const scale = sd > 1e-12 ? sd : 1;
    profiles.forEach((p, i) => {
      const v = p.numbers[j];
      rows[i * dims + j] = v === undefined || !Number.isFinite(v) ? 0 : (v - m) / scale;
    });
  }
  return {
    dims,
    rows,
    industry: codes(profiles.map((p) => p.industry)),
    segment: codes(profiles.map((p) => p.segment)),
  };
}
