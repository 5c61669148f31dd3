/**
 * Champion movement from CRM evidence: a contact in a champion role marked left, given a left
 * date, recorded as moved to another company, or whose email moved off the account's domain.
 */
import type { Account, Contact } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import { toDay } from './dates.js';

export interface Departure {
  contact: Contact;
  /** The neutral field that shows the departure. */
  field: string;
  text: string;
}

const hasRole = (c: Contact, roles: readonly string[]): boolean =>
  c.roles.some((r) => roles.includes(r));

function emailMoved(c: Contact, account: Account, freeMail: readonly string[]): string | undefined {
  if (!c.email || !account.domain) return undefined;
  const domain = c.email.slice(c.email.lastIndexOf('@') + 1).toLowerCase();
  const own = account.domain.toLowerCase().replace(/^www\./, '');
  if (!domain || freeMail.includes(domain) || domain === own || domain.endsWith(`.${own}`)) {
    return undefined;
  }
  return domain;
}

/** Champion-role contacts who left within the lookback, with the evidence of each. */
export function departedChampions(
  account: Account,
  contacts: readonly Contact[],
  asOfDay: number,
  s: ScoringSettings['champion'],
): Departure[] {
  const out: Departure[] = [];
  for (const c of contacts) {
    if (!hasRole(c, s.roles)) continue;
    if (c.leftAt && asOfDay - toDay(c.leftAt) > s.lookbackDays) continue;
    const who = `${c.name}${c.title ? ` (${c.title})` : ''}`;
    if (c.status === 'left' || c.leftAt) {
      const when = c.leftAt ? ` on ${c.leftAt}` : '';
      out.push({
        contact: c,
        field: c.leftAt ? 'contacts.leftAt' : 'contacts.status',
        text: `${who} left${when}`,
      });
    } else if (c.movedTo) {
      out.push({
        contact: c,
        field: 'contacts.movedTo',
        text: `${who} moved to ${c.movedTo.company}`,
      });
    } else {
      const domain = emailMoved(c, account, s.freeMailDomains);
      if (domain) {
        out.push({
          contact: c,
          field: 'contacts.email',
          text: `${who}'s email is now at ${domain}, no longer ${account.domain}`,
        });
      }
    }
  }
  return out;
}

/** Active contacts still holding a champion role. */
export function activeChampions(
  contacts: readonly Contact[],
  departed: readonly Departure[],
  roles: readonly string[],
): Contact[] {
  const gone = new Set(departed.map((d) => d.contact));
  return contacts.filter((c) => c.status === 'active' && !gone.has(c) && hasRole(c, roles));
}
