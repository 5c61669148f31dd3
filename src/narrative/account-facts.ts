/**
 * Sentences about one account's realized value, momentum and priorities, shared by the QBR
 * agenda, the outreach drafts and the account playbook. Each comes from a field of the account
 * or from the evidence of its opportunities; a missing field yields no sentence.
 */
import type { Opportunity } from '../model/index.js';
import { featureAdoption, seatLine } from './context.js';
import { clause, longDate, money } from './format.js';
import type { NarrativeContext } from './types.js';

/** Business-context signals: what the customer is working toward rather than how they use us. */
const PRIORITY_SIGNALS = new Set([
  'initiative',
  'funding',
  'hiring',
  'new_office',
  'acquisition',
  'leadership_hire',
  'regulatory',
  'employee_growth',
  'department_whitespace',
  'department_mention',
]);

/** What the customer has already realized: the opening of every review. */
export function realizedValue(ctx: NarrativeContext): string[] {
  const { account, catalog } = ctx;
  const h = account.health;
  const out: string[] = [];
  const seats = seatLine(account);
  if (seats) out.push(`Adoption: ${seats}.`);
  const features = featureAdoption(account, catalog);
  if (features) out.push(`Breadth: the team uses ${features}.`);
  if (account.products.length > 0) {
    // Catalog names, as the customer knows them; an unknown key is shown as it is.
    const names = account.products.map((k) => catalog.modules.find((m) => m.key === k)?.name ?? k);
    out.push(`Modules in use: ${names.join(', ')}.`);
  }
  if (account.contract?.start) out.push(`Customer since ${longDate(account.contract.start)}.`);
  if (h?.nps !== undefined) out.push(`NPS from the team: ${h.nps}.`);
  if (h?.score !== undefined) out.push(`Health score: ${h.score} of 100.`);
  if (h?.lastQbr) out.push(`Last review on ${longDate(h.lastQbr.date)} was ${h.lastQbr.outcome}.`);
  if (out.length === 0) out.push(`Annual investment: ${money(account.arr, account.currency)}.`);
  return out;
}

/** Momentum and friction of the quarter: usage evidence and support load. */
export function quarterInReview(ctx: NarrativeContext, opps: readonly Opportunity[]): string[] {
  const h = ctx.account.health;
  const out = opps
    .flatMap((o) => o.evidence)
    // The account's own ticket line below replaces ticket evidence, which would repeat it.
    .filter(
      (e) =>
        !PRIORITY_SIGNALS.has(e.signal) &&
        !(h?.tickets90d !== undefined && /ticket/.test(e.signal)),
    )
    .map((e) => `${clause(e.text)}.`);
  if (h?.tickets90d !== undefined)
    out.push(
      `${h.tickets90d} support tickets in 90 days${h.ticketThemes.length ? `, mostly about ${h.ticketThemes.join(', ')}` : ''}.`,
    );
  return unique(out).slice(0, 5);
}

/** What the customer is working toward, from business-context evidence and the contract dates. */
export function priorities(ctx: NarrativeContext, opps: readonly Opportunity[]): string[] {
  const out = opps
    .flatMap((o) => o.evidence)
    .filter((e) => PRIORITY_SIGNALS.has(e.signal))
    .map((e) => `${clause(e.text)}.`);
  const renewal = ctx.account.contract?.renewal;
  if (renewal)
    out.push(`Renewal on ${longDate(renewal)}: plan the next term around these priorities.`);
  return unique(out).slice(0, 4);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
