/**
 * Who to pitch, who decides and who benefits, from the account's contacts: the champion or power
 * user leads; the economic buyer, decision maker or exec sponsor decides; teams benefit.
 */
import type { Contact, ContactRole } from '../model/records.js';
import type { Opportunity } from '../model/output.js';
import type { AccountContext } from './context.js';
import type { Candidate } from './detectors/candidate.js';
import { toDay } from './dates.js';
import { flat } from './format.js';
import type { StringPool } from './string-pool.js';

export interface AccountPeople {
  pitchTo: Contact | undefined;
  decides: Contact | undefined;
  /** Teams already using the product, as one phrase (built once: it is on every opportunity). */
  usingTeams: string | undefined;
  /** "Name (Title)" of `pitchTo` and `decides`. */
  pitchToLabel: string | undefined;
  decidesLabel: string | undefined;
  /** Recent leadership hires (signal details): a new leader may review vendors. */
  newLeaders: string[];
  /** The account's usual stakeholders (`pitchTo`, `decides`, using teams), built on first use. */
  stakeholders: Opportunity['stakeholders'] | undefined;
}

const label = (c: Contact): string => (c.title ? `${c.name} (${c.title})` : c.name);

/** The most recently engaged active contact holding the first role found, in role order. */
function pick(
  contacts: readonly Contact[],
  roles: readonly ContactRole[],
  exclude?: Contact,
): Contact | undefined {
  for (const role of roles) {
    let best: Contact | undefined;
    for (const c of contacts) {
      if (c === exclude || c.status !== 'active' || !c.roles.includes(role)) continue;
      const newer = (c.lastEngagedAt ?? '') > (best?.lastEngagedAt ?? '');
      const tie =
        (c.lastEngagedAt ?? '') === (best?.lastEngagedAt ?? '') && (!best || c.id < best.id);
      if (!best || newer || tie) best = c;
    }
    if (best) return best;
  }
  return undefined;
}

export function accountPeople(ctx: AccountContext, pool: StringPool): AccountPeople {
  const { contacts, departments } = ctx.records;
  const pitchTo = pick(contacts, ['champion', 'power_user']);
  const decides = pick(contacts, ['economic_buyer', 'decision_maker', 'exec_sponsor'], pitchTo);
  const usingTeams = departments.filter((d) => d.usesProduct).map((d) => d.name);
  if (usingTeams.length === 0) {
    for (const c of contacts) {
      if (
        c.department &&
        c.roles.some((r) => r === 'champion' || r === 'power_user') &&
        !usingTeams.includes(c.department)
      ) {
        usingTeams.push(c.department);
      }
    }
  }
  const newLeaders: string[] = [];
  for (const sig of ctx.records.signals) {
    if (sig.kind !== 'leadership_hire' || sig.date > ctx.asOf) continue;
    if (ctx.asOfDay - toDay(sig.date) <= ctx.settings.modules.lookbackDays)
      newLeaders.push(sig.detail || sig.date);
  }
  return {
    pitchTo,
    decides,
    usingTeams: usingTeams.length > 0 ? pool(usingTeams.join(', ')) : undefined,
    pitchToLabel: pitchTo && pool(label(pitchTo)),
    decidesLabel: decides && pool(label(decides)),
    newLeaders,
    stakeholders: undefined,
  };
}

/** Who to pitch, who decides, who benefits: keys without a value stay absent. */
function stakeholderSet(
  pitchTo: string | undefined,
  decides: string | undefined,
  benefits: string | undefined,
): Opportunity['stakeholders'] {
  const out: { pitchTo?: string; decides?: string; benefits?: string } = {};
  if (pitchTo) out.pitchTo = pitchTo;
  if (decides) out.decides = decides;
  if (benefits) out.benefits = benefits;
  return Object.freeze(out);
}

export function stakeholdersFor(
  c: Candidate,
  people: AccountPeople,
  ctx: AccountContext,
): Opportunity['stakeholders'] {
  let pitchTo = people.pitchToLabel;
  if (c.type === 'new_department' && c.benefits) {
    // A new team is best opened by someone in it.
    const team = c.benefits.toLowerCase();
    const insider = ctx.records.contacts.find(
      (x) => x.status === 'active' && x.department?.toLowerCase() === team,
    );
    if (insider) pitchTo = flat(label(insider));
  }
  const benefits = c.benefits ?? people.usingTeams;
  // Most plays of an account name the same people: they share one (frozen) set.
  if (pitchTo === people.pitchToLabel && benefits === people.usingTeams) {
    people.stakeholders ??= stakeholderSet(pitchTo, people.decidesLabel, benefits);
    return people.stakeholders;
  }
  return stakeholderSet(pitchTo, people.decidesLabel, benefits);
}
