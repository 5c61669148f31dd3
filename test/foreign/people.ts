/**
 * An account's contacts: a champion in a team that runs the product, an economic buyer, users,
 * sometimes an executive sponsor. Emails sit on the company's domain, a subdomain (`eu.`, `ops.`)
 * or a regional domain (`.co.uk` for a `.com` company): the same company, never a departure.
 * A lost champion (at-risk accounts) is marked left with a date and a new company; a planted new
 * department may bring a recently created contact who engages.
 */
import { addDays } from './calendar.js';
import type { Rng } from './random.js';
import type { Row } from './rows.js';
import { BUYER_TITLES, FIRST, LAST, USING_TEAMS } from './world.js';

export interface PeopleInput {
  accountId: string;
  asOf: string;
  /** Registrable domain, e.g. `harbourplumbing.co.uk`. */
  domain: string;
  teams: string[];
  championLost: boolean;
  /** A planted non-using department with a new contact engaging, if any. */
  newTeamContact?: string;
  /** Trials and free accounts: one or two users, no buying committee yet. */
  small: boolean;
}

const REGIONAL: Record<string, string> = {
  com: 'co.uk',
  'co.uk': 'ie',
  de: 'at',
  'com.au': 'co.nz',
  ca: 'com',
};

/** Where a contact's email sits: the company's own domain, a subdomain, or a regional domain. */
export type EmailHome = 'own' | 'subdomain' | 'regional';

function emailDomain(rng: Rng, domain: string): [string, EmailHome] {
  const r = rng.next();
  if (r < 0.6) return [domain, 'own'];
  if (r < 0.85) return [`${rng.pick(['eu', 'ops', 'mail', 'service'])}.${domain}`, 'subdomain'];
  const dot = domain.indexOf('.');
  const tld = domain.slice(dot + 1);
  return [`${domain.slice(0, dot)}.${REGIONAL[tld] ?? 'com'}`, 'regional'];
}

export function buildContacts(
  rng: Rng,
  p: PeopleInput,
  serial: () => string,
): { rows: Row[]; championEmail: EmailHome } {
  const used = new Set<string>();
  const homes: EmailHome[] = [];
  const person = (dept: string, title: string, roles: string, extra: Row = {}): Row => {
    let name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    while (used.has(name)) name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    used.add(name);
    const local = name.toLowerCase().replace(' ', '.');
    const [at, home] = emailDomain(rng, p.domain);
    homes.push(home);
    return {
      contact_id: serial(),
      account_id: p.accountId,
      name,
      email: `${local}@${at}`,
      title,
      department: dept,
      roles,
      status: 'active',
      last_engaged_date: addDays(p.asOf, -rng.int(3, 80)),
      created_date: addDays(p.asOf, -rng.int(400, 1400)),
      ...extra,
    };
  };
  const team = (): string => rng.pick(p.teams);
  const titleIn = (dept: string) => rng.pick(USING_TEAMS[dept] ?? ['Coordinator']);
  const out: Row[] = [];
  const champTeam = team();
  if (p.championLost) {
    out.push(
      person(champTeam, titleIn(champTeam), 'champion', {
        status: 'left',
        left_date: addDays(p.asOf, -rng.int(15, 75)),
        new_company: `${rng.pick(LAST)} Field Services`,
        new_title: 'Head of Operations',
        last_engaged_date: addDays(p.asOf, -rng.int(90, 160)),
      }),
    );
  } else
    out.push(
      person(champTeam, titleIn(champTeam), rng.chance(0.3) ? 'champion;power_user' : 'champion'),
    );
  const championEmail = homes[0]!;
  if (p.small) return { rows: out, championEmail };
  out.push(person('Finance', rng.pick(BUYER_TITLES), 'economic_buyer'));
  if (!p.championLost && rng.chance(0.3))
    out.push(person(champTeam, 'VP Operations', 'exec_sponsor'));
  for (let i = rng.int(1, 3); i > 0; i--) {
    const t = team();
    out.push(person(t, titleIn(t), rng.chance(0.3) ? 'power_user' : ''));
  }
  if (p.newTeamContact) {
    out.push(
      person(p.newTeamContact, `${p.newTeamContact} Lead`, '', {
        created_date: addDays(p.asOf, -rng.int(10, 60)),
        last_engaged_date: addDays(p.asOf, -rng.int(1, 9)),
      }),
    );
  }
  return { rows: out, championEmail };
}
