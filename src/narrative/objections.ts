/**
 * The objections to expect, with responses built from the opportunity's own evidence. Two come
 * from the opportunity type; more are added by circumstance (budget timing near a renewal, a
 * yellow health light, thin data) so the list fits the account rather than the template.
 */
import type { Opportunity, OpportunityType } from '../model/index.js';
import { seatLine } from './context.js';
import { clause, longDate, lowerFirst, money } from './format.js';
import { leadEvidence } from './talking-track.js';
import type { NarrativeContext } from './types.js';

type Objection = { objection: string; response: string };
type Make = (e: string, opp: Opportunity, ctx: NarrativeContext) => Objection[];

const BY_TYPE: Record<OpportunityType, Make> = {
  seat_expansion: (e, _o, ctx) => [
    {
      objection: 'Can we not just reassign the seats people are not using?',
      response: `Look at the numbers together: ${seatLine(ctx.account) ?? e}. If reassigning covers the need, do that first; the proposal is only for the gap that remains.`,
    },
    {
      objection: 'We have no budget for more seats until next year.',
      response:
        'Offer to start with the people already waiting and co-term the rest, so the spend follows the need.',
    },
  ],
  tier_upgrade: (e) => [
    {
      objection: 'The jump to the next plan is too big for what we need.',
      response: `Anchor on their own usage (${e}) and price only the capabilities they are already reaching for; agree a review after one quarter.`,
    },
    {
      objection: 'We can live with the limits.',
      response:
        'Ask what the limits cost the team today in workarounds and delays; if the answer is nothing, the timing is not right yet.',
    },
  ],
  usage_expansion: (e) => [
    {
      objection: 'We will just use less.',
      response: `The trend says otherwise (${e}); ask which of their plans would need to change to use less.`,
    },
    {
      objection: 'Can we deal with it when we hit the limit?',
      response:
        'Hitting it mid-project is the expensive version; plan the capacity now and date it to the projection.',
    },
  ],
  add_on: (e) => [
    {
      objection: 'Our workaround does the job.',
      response: `Agree it works, then put numbers on it from their own account (${e}) and ask who maintains it when that person is out.`,
    },
    {
      objection: 'We do not want another tool to learn.',
      response:
        'It runs inside the platform their team already uses; offer a session on their own data before any commitment.',
    },
  ],
  new_department: (_e, opp) => [
    {
      objection: 'That team has its own tools.',
      response: `Start from where the work crosses teams (${lowerFirst(clause(opp.currentState))}) and propose a pilot before any change of tools.`,
    },
    {
      objection: 'That is not my budget.',
      response:
        'Ask for an introduction rather than a decision; the other team owns its case and its budget.',
    },
  ],
  new_use_case: (e) => [
    {
      objection: 'We are still defining the initiative.',
      response: `Good moment then: offer to help write success criteria, grounded in what they already run (${e}).`,
    },
    {
      objection: 'We will probably buy a specialist tool for this.',
      response:
        'Compare on the team\u2019s own workflow, including what a second tool costs in integration and training.',
    },
  ],
  competitive_displacement: (e) => [
    {
      objection: 'We are under contract with the other vendor.',
      response: `Date the decision to that contract's end and use the time to plan the migration (${e}).`,
    },
    {
      objection: 'Switching is too disruptive.',
      response:
        'Propose a phased migration team by team, with the other tool kept read-only until the last team moves.',
    },
  ],
  professional_services: () => [
    {
      objection: 'We can roll it out ourselves.',
      response:
        'Many teams can; ask who owns it, how many hours they have for it, and what uneven adoption would cost.',
    },
    {
      objection: 'Services should be included.',
      response:
        'Separate what onboarding already covers from the structured rollout, and scope only the gap.',
    },
  ],
  support_upgrade: (_e, _o, ctx) => [
    {
      objection: 'Support should be part of what we already pay.',
      response: `It is, and it stays; the question is speed. ${ctx.account.health?.tickets90d !== undefined ? `With ${ctx.account.health.tickets90d} tickets in 90 days, response time is part of their team's day.` : 'Review their recent tickets together and let the waiting time make the case.'}`,
    },
    {
      objection: 'Fix the product and we will not need more support.',
      response:
        'Agree, and bring the ticket themes to product; premium support covers the time until those fixes ship.',
    },
  ],
  activation: () => [
    {
      objection: 'Are you trying to sell us more?',
      response:
        'No: this is about the value already in their contract. There is no proposal attached to this conversation.',
    },
    {
      objection: 'We do not have time for training.',
      response:
        'Offer a short session with the power users and let them carry it to the rest of the team.',
    },
  ],
  conversion: (e, opp) => [
    {
      objection: 'We are still evaluating.',
      response: `Ask what is left to prove; their usage (${e}) covers much of it. Set the decision before ${longDate(opp.deadline)} so nothing is lost.`,
    },
    {
      objection: 'The paid plan is more than we planned to spend.',
      response:
        'Match the plan to the seats actually in use, not the whole company, and grow from there.',
    },
  ],
  stabilization: (e) => [
    {
      objection: 'Why should we trust this time will be different?',
      response: `Name the issues plainly (${e}), give each a named owner and a date, and report against them weekly.`,
    },
    {
      objection: 'We are looking at alternatives.',
      response:
        'Ask what would have to be true to stay, and put those items first on the fix plan.',
    },
  ],
  champion_followup: () => [
    {
      objection: 'We are reviewing all vendors after the change.',
      response:
        'Offer a value review with the new owner, built on their team\u2019s own results, before the review starts.',
    },
    {
      objection: 'I was not part of the original decision.',
      response:
        'Ask what the new owner is measured on and show where the product already supports it.',
    },
  ],
};

export function objectionsFor(opp: Opportunity, ctx: NarrativeContext): Objection[] {
  const e = lowerFirst(clause(leadEvidence(opp).text));
  const out = BY_TYPE[opp.type](e, opp, ctx);
  const renewal = ctx.account.contract?.renewal;
  if (opp.category === 'expansion' && opp.renewalAligned && renewal)
    out.push({
      objection: 'Let us talk about it at renewal.',
      response: `The renewal is on ${longDate(renewal)}: fold it in so there is one decision, and start now so the team is not waiting until then.`,
    });
  if (opp.category === 'expansion' && opp.health === 'yellow')
    out.push({
      objection: 'We have open issues with you first.',
      response:
        'They are right to raise it: agree the fix plan in the same meeting and let the expansion follow it.',
    });
  if (opp.category === 'expansion' && opp.estimatedArr > 0 && opp.confidence < 0.5)
    out.push({
      objection: 'Where do these numbers come from?',
      response: `Show the evidence line by line and ask them to correct it; the ${money(opp.estimatedArr, ctx.account.currency)} estimate rests on partial data.`,
    });
  return out;
}
