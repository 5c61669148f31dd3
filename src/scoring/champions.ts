/**
 * Champion movement from CRM evidence. A departure needs real evidence: the contact marked left,
 * a left date, a new company on record, or mail to them bouncing. An email on another
 * organization's domain alone is only a hint (people keep old addresses, CRMs hold a personal or
 * a subsidiary's address): it asks the owner to check, and flags nothing.
 */
import type { Account, Contact } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import { toDay } from './dates.js';
import { orgDomain, sameOrganization, type OrgDomain } from './domains.js';

export interface Departure {
  contact: Contact;
  /** The neutral field that shows the departure. */
  field: string;
  text: string;
}

/** A champion whose email sits on another organization's domain, with no departure evidence. */
export interface DepartureHint {
  contact: Contact;
  /** The registrable domain of the email. */
  domain: string;
  text: string;
}

export interface ChampionMoves {
  departures: Departure[];
  hints: DepartureHint[];
}

const hasRole = (c: Contact, roles: readonly string[]): boolean =>
  c.roles.some((r) => roles.includes(r));

const whoIs = (c: Contact): string => `${c.name}${c.title ? ` (${c.title})` : ''}`;

function evidenceOf(c: Contact): Omit<Departure, 'contact'> | undefined {
  const who = whoIs(c);
  if (c.status === 'left' || c.leftAt) {
    const when = c.leftAt ? ` on ${c.leftAt}` : '';
    return { field: c.leftAt ? 'contacts.leftAt' : 'contacts.status', text: `${who} left${when}` };
  }
  if (c.movedTo) return { field: 'contacts.movedTo', text: `${who} moved to ${c.movedTo.company}` };
  if (c.emailBouncedAt) {
    return {
      field: 'contacts.emailBouncedAt',
      text: `${who}'s email bounced on ${c.emailBouncedAt}`,
    };
  }
  return undefined;
}

function hintOf(
  c: Contact,
  own: OrgDomain | undefined,
  freeMail: ReadonlySet<string>,
): DepartureHint | undefined {
  const mail = orgDomain(c.email);
  if (!own || !mail || freeMail.has(mail.domain) || sameOrganization(own, mail)) return undefined;
  return {
    contact: c,
    domain: mail.domain,
    text: `${whoIs(c)}'s email is at ${mail.domain}, not the account's ${own.domain}: no departure on record, worth a check`,
  };
}

/** Champion-role contacts who left within the lookback (with the evidence of each), and those
 * whose email alone suggests they might have. */
export function championMoves(
  account: Account,
  contacts: readonly Contact[],
  asOfDay: number,
  s: ScoringSettings['champion'],
  freeMail: ReadonlySet<string>,
): ChampionMoves {
  const departures: Departure[] = [];
  const hints: DepartureHint[] = [];
  let own: OrgDomain | undefined | null = null;
  for (const c of contacts) {
    if (!hasRole(c, s.roles)) continue;
    const since = c.leftAt ?? c.emailBouncedAt;
    if (since && asOfDay - toDay(since) > s.lookbackDays) continue;
    const found = evidenceOf(c);
    if (found) {
      departures.push({ contact: c, ...found });
      continue;
    }
    if (c.status !== 'active') continue;
    // Parsed once per account, and only when a champion has no departure evidence.
    if (own === null) own = orgDomain(account.domain);
    const hint = hintOf(c, own, freeMail);
    if (hint) hints.push(hint);
  }
  return { departures, hints };
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
