/**
 * The talking track of one opportunity: an opening line that starts from the customer's own
 * numbers, then three key points (their usage, the quantified value, proof from their own data).
 * Every figure is copied from the opportunity's evidence or from the account record.
 */
import type { Evidence, Opportunity } from '../model/index.js';
import { featureAdoption, seatLine } from './context.js';
import { clause, longDate, lowerFirst, money, pct, pick, upperFirst } from './format.js';
import { copyFor } from './type-copy.js';
import type { NarrativeContext, TalkingTrack } from './types.js';

/** The evidence item to open with: the first one that names a figure, else the first one. */
export function leadEvidence(opp: Opportunity): Evidence {
  const first = opp.evidence[0];
  if (!first) throw new RangeError(`opportunity ${opp.id} has no evidence`);
  return opp.evidence.find((e) => /\d/.test(e.text)) ?? first;
}

export function talkingTrack(opp: Opportunity, ctx: NarrativeContext): TalkingTrack {
  const copy = copyFor(opp.type);
  const lead = leadEvidence(opp);
  const opening = `${pick(opp.id, copy.leadIns)}${lowerFirst(clause(lead.text))}. ${copy.hook}`;
  // Other evidence items first, then account facts relevant to the type; a fact used in one
  // key point is never repeated in another.
  const evidence = opp.evidence.filter((e) => e !== lead).map((e) => clause(e.text));
  const facts = accountFacts(opp, ctx).filter((f) => !repeats(f, lead.text));
  const usageFact = evidence.shift() ?? facts.shift();
  const proofFact = evidence.shift() ?? proofFacts(opp, ctx) ?? facts.shift();
  return {
    opening,
    keyPoints: [usagePoint(opp, usageFact), valuePoint(opp, ctx), proofPoint(opp, proofFact)],
  };
}

/** The talking track flattened into `Opportunity.pitch` (plain text, not Markdown). */
export function pitchText(track: TalkingTrack): string {
  const points = track.keyPoints.map((p, i) => `${i + 1}. ${p}`).join('\n');
  return `"${track.opening}"\n\nKey points to hit:\n${points}`;
}

function usagePoint(opp: Opportunity, fact: string | undefined): string {
  const copy = copyFor(opp.type);
  const detail = fact ?? `today you have ${lowerFirst(clause(opp.currentState))}`;
  const who = opp.stakeholders.benefits
    ? ` ${upperFirst(opp.stakeholders.benefits)} feel it first.`
    : '';
  return `${copy.usage}: ${lowerFirst(detail)}.${who}`;
}

function valuePoint(opp: Opportunity, ctx: NarrativeContext): string {
  const { account } = ctx;
  const copy = copyFor(opp.type);
  const cur = account.currency;
  const move = `Moving from ${lowerFirst(clause(opp.currentState))} to ${lowerFirst(clause(opp.proposedState))}`;
  switch (opp.category) {
    case 'activation': {
      const s = account.seats;
      if (s && s.licensed > s.active)
        return `${s.licensed - s.active} of your ${s.licensed} licensed seats are unused; getting them active costs nothing extra, because they are already in your contract.`;
      return `${move} comes ${copy.outcome}.`;
    }
    case 'stabilization':
    case 'champion':
      return `Your team invests ${money(account.arr, cur)} a year in the platform; ${lowerFirst(clause(opp.proposedState))} is how that investment keeps paying off, ${copy.outcome}.`;
    default: {
      if (opp.estimatedArr <= 0) return `${move}, ${copy.outcome}.`;
      const share =
        account.arr > 0
          ? ` (${pct(opp.estimatedArr / account.arr)} on top of today's ${money(account.arr, cur)})`
          : '';
      return `${move}, ${copy.outcome}; the investment is ${money(opp.estimatedArr, cur)} a year${share}.`;
    }
  }
}

/** Facts from the account record that speak to this type of opportunity, most relevant first. */
function accountFacts(opp: Opportunity, ctx: NarrativeContext): string[] {
  const { account, catalog } = ctx;
  const h = account.health;
  const seats = seatLine(account);
  const used = featureAdoption(account, catalog);
  const adoption = used ? `your team uses ${used}` : undefined;
  const tickets =
    h?.tickets90d !== undefined
      ? `your team opened ${h.tickets90d} support tickets in the last 90 days${h.ticketThemes.length ? ` (${h.ticketThemes.join(', ')})` : ''}`
      : undefined;
  const growth =
    account.employees !== undefined && account.employeesPrior
      ? // Without the prior count's date the period is only assumed: no date is put to a customer.
        `headcount went from ${account.employeesPrior.count} to ${account.employees}${account.employeesPrior.asOf ? ` since ${longDate(account.employeesPrior.asOf)}` : ''}`
      : undefined;
  const byType: Partial<Record<Opportunity['type'], (string | undefined)[]>> = {
    seat_expansion: [growth, seats],
    new_department: [seats, growth],
    activation: [adoption],
    conversion: [seats],
    tier_upgrade: [adoption, seats],
    support_upgrade: [tickets],
    stabilization: [tickets],
    professional_services: [seats, adoption],
  };
  return [...(byType[opp.type] ?? []), adoption, seats].filter(
    (f, i, all): f is string => f !== undefined && all.indexOf(f) === i,
  );
}

/** Whether a fact's leading figures (`44 of 50`) already appear in the opening evidence. */
function repeats(fact: string, opening: string): boolean {
  const figures = /\d[\d,.]* of \d[\d,.]*/.exec(fact)?.[0];
  return figures !== undefined && opening.includes(figures);
}

/** Signs the product already delivers for them: an NPS worth quoting, a positive last review. */
function proofFacts(opp: Opportunity, ctx: NarrativeContext): string | undefined {
  const h = ctx.account.health;
  const facts: string[] = [];
  if (h?.nps !== undefined && h.nps >= 30)
    facts.push(
      `your team gives the product an NPS of ${h.nps}, so this builds on something that already works`,
    );
  if (h?.lastQbr?.outcome === 'positive')
    facts.push(
      `your business review on ${longDate(h.lastQbr.date)} ended on a positive note, and this picks up from there`,
    );
  return facts.length > 0 && opp.category !== 'stabilization' ? pick(opp.id, facts) : undefined;
}

/** Proof from the customer's own data: never a reference customer we cannot name from the data. */
function proofPoint(opp: Opportunity, fact: string | undefined): string {
  if (fact) return `Your own data backs this up: ${lowerFirst(fact)}.`;
  if (opp.category === 'stabilization')
    return 'Every issue on the list comes from your own tickets and reviews, and each gets an owner and a date.';
  return 'Everything above comes from your own account data, and we can walk through it line by line.';
}
