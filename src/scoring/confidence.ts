/**
 * Data confidence 0..1: the weighted share of the fields scoring relies on that the account has.
 * Missing data lowers likelihood rather than being guessed (DESIGN.md "Neutral model").
 */
import type { Account } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import type { AccountRecords } from './portfolio-index.js';

const FIELDS = [
  'seats',
  'usage',
  'plan',
  'renewal',
  'health',
  'employees',
  'contacts',
  'features',
  'industry',
] as const;

export interface DataConfidence {
  value: number;
  missing: string[];
}

export function dataConfidence(
  account: Account,
  records: AccountRecords,
  hasTier: boolean,
  s: ScoringSettings['confidence'],
): DataConfidence {
  let points = 0;
  for (const series of records.usage.values()) points += series.length;
  const present: Record<(typeof FIELDS)[number], boolean> = {
    seats: account.seats !== undefined,
    usage: points >= s.minUsagePoints && points > 0,
    plan: hasTier,
    renewal: account.contract?.renewal !== undefined,
    health:
      account.health?.score !== undefined ||
      account.health?.nps !== undefined ||
      account.health?.csat !== undefined,
    employees: account.employees !== undefined,
    contacts: records.contacts.length > 0,
    features: account.featuresUsed.length > 0,
    industry: account.industry !== undefined,
  };
  let total = 0;
  let have = 0;
  const missing: string[] = [];
  const weights = s.fieldWeights;
  for (const field of FIELDS) {
    const w = weights[field];
    total += w;
    if (present[field]) have += w;
    else if (w > 0) missing.push(field);
  }
  return { value: total > 0 ? Math.round((have / total) * 100) / 100 : 1, missing };
}
