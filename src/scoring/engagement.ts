/**
 * Engagement 0..1 from the contacts who engaged recently and the last QBR; 0.5 when the portfolio
 * has no contacts for the account (unknown, not bad: data confidence takes the hit instead).
 */
import type { Account, Contact } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import { toDay } from './dates.js';
import { clamp } from './format.js';

export interface Engagement {
  level: number;
  engagedContacts: number;
  /** Contacts created recently who engaged: emerging interest, often from new teams. */
  newEngaged: Contact[];
}

export function measureEngagement(
  account: Account,
  contacts: readonly Contact[],
  asOfDay: number,
  s: ScoringSettings,
): Engagement {
  let engaged = 0;
  const newEngaged: Contact[] = [];
  for (const c of contacts) {
    if (c.status !== 'active' || !c.lastEngagedAt) continue;
    if (asOfDay - toDay(c.lastEngagedAt) > s.likelihood.engagedWithinDays) continue;
    engaged++;
    if (c.createdAt && asOfDay - toDay(c.createdAt) <= s.whitespace.newContactDays)
      newEngaged.push(c);
  }
  let level =
    contacts.length === 0 ? 0.5 : Math.min(1, engaged / s.likelihood.engagedContactsForFull);
  const qbr = account.health?.lastQbr;
  if (qbr && asOfDay - toDay(qbr.date) <= s.health.qbrWithinDays) {
    if (qbr.outcome === 'positive') level += 0.2;
    if (qbr.outcome === 'negative') level -= 0.2;
  }
  return { level: clamp(level, 0, 1), engagedContacts: engaged, newEngaged };
}
