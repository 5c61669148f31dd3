/**
 * Reads the facts the narratives need from the neutral model: who owns the account, who to
 * pitch and who decides, the plan's name, seat utilization. Only what the records say; when a
 * fact is missing the callers word around it instead of inventing one.
 */
import type { Account, AccountSummary, Catalog, Contact, ContactRole } from '../model/index.js';
import type { Opportunity, OpportunityType } from '../model/index.js';
import { pct } from './format.js';

export const TYPE_LABELS: Record<OpportunityType, string> = {
  seat_expansion: 'Seat Expansion',
  tier_upgrade: 'Tier Upgrade',
  usage_expansion: 'Usage Expansion',
  add_on: 'Add-on / Module',
  new_department: 'New Department',
  new_use_case: 'New Use Case',
  competitive_displacement: 'Competitive Displacement',
  professional_services: 'Professional Services',
  support_upgrade: 'Support Upgrade',
  activation: 'Activation',
  conversion: 'Conversion',
  stabilization: 'Stabilization',
  champion_followup: 'Champion Follow-up',
};

/** The account owner's name, or a role when the CRM has none (never an invented person). */
export function ownerName(account: Account): string {
  return account.owner?.name?.trim() || 'Account owner';
}

export function activeContacts(contacts: readonly Contact[]): Contact[] {
  return contacts.filter((c) => c.status === 'active');
}

/** `Dana Ruiz (VP Operations)` */
export function describeContact(c: Contact): string {
  return c.title ? `${c.name} (${c.title})` : c.name;
}

/** The most recently engaged active contact holding one of `roles`, in the order of `roles`. */
export function contactWithRole(
  contacts: readonly Contact[],
  roles: readonly ContactRole[],
): Contact | undefined {
  for (const role of roles) {
    const found = activeContacts(contacts)
      .filter((c) => c.roles.includes(role))
      .sort((a, b) => (b.lastEngagedAt ?? '').localeCompare(a.lastEngagedAt ?? ''))[0];
    if (found) return found;
  }
  return undefined;
}

export interface People {
  pitchTo: string;
  decides: string;
  benefits: string;
}

/**
 * Stakeholders: the scoring core's when it named them, otherwise drawn from the contacts'
 * buying roles, otherwise a role description so the sentence still reads.
 */
export function people(
  stakeholders: Opportunity['stakeholders'],
  contacts: readonly Contact[],
): People {
  const champion = contactWithRole(contacts, ['champion', 'power_user', 'decision_maker']);
  const buyer = contactWithRole(contacts, ['economic_buyer', 'decision_maker', 'exec_sponsor']);
  return {
    pitchTo:
      stakeholders.pitchTo ?? (champion ? describeContact(champion) : 'the day-to-day champion'),
    decides: stakeholders.decides ?? (buyer ? describeContact(buyer) : 'the budget holder'),
    benefits: stakeholders.benefits ?? 'the teams using the product every day',
  };
}

/** First name for a greeting (`Dana`), from `Dana Ruiz (VP Operations)` or `Dana Ruiz`. */
export function firstName(person: string): string {
  return person.replace(/\s*\(.*$/, '').split(/\s+/)[0] ?? person;
}

export function planName(account: Account, catalog: Catalog): string | undefined {
  if (!account.plan) return undefined;
  return catalog.tiers.find((t) => t.key === account.plan)?.name ?? account.plan;
}

/** `44 of 50 licensed seats in use (88%)`, when the account has seat data. */
export function seatLine(account: Account): string | undefined {
  const s = account.seats;
  if (!s || s.licensed === 0) return undefined;
  return `${s.active} of ${s.licensed} licensed seats in use (${pct(s.active / s.licensed)})`;
}

/** The tier features of the account's plan it actually uses: `9 of 12`. */
export function featureAdoption(account: Account, catalog: Catalog): string | undefined {
  const tier = catalog.tiers.find((t) => t.key === account.plan);
  if (!tier || tier.features.length === 0 || account.featuresUsed.length === 0) return undefined;
  const used = tier.features.filter((f) => account.featuresUsed.includes(f)).length;
  return `${used} of the ${tier.features.length} ${tier.name} features`;
}

/**
 * A minimal account built from its summary, for playbooks rendered without the neutral records:
 * it carries only what the summary knows, so narratives simply say less.
 */
export function accountFromSummary(s: AccountSummary, currency = 'USD'): Account {
  const [source, ...rest] = s.accountId.split(':');
  return {
    id: s.accountId,
    source: source || 'unknown',
    crmId: rest.join(':') || s.accountId,
    name: s.name || s.accountId,
    lifecycle: 'customer',
    products: [],
    arr: s.arr,
    currency,
    featuresUsed: [],
    customFields: {},
  };
}
