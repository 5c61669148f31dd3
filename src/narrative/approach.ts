/**
 * Approach steps: who does what by when. The owner is the account owner from the CRM (a role
 * when there is none); dates run from the as-of date to the opportunity's deadline to act.
 */
import type { Opportunity, OpportunityType } from '../model/index.js';
import { ownerName, people } from './context.js';
import { addDays, clause, daysBetween, longDate, lowerFirst } from './format.js';
import type { NarrativeContext } from './types.js';

interface StepFacts {
  owner: string;
  pitchTo: string;
  decides: string;
  benefits: string;
  proposed: string;
  current: string;
  /** ` so it lands with the renewal on Mar 1, 2027`, or empty. */
  renewal: string;
}

type Steps = (f: StepFacts) => [string, string, string, string];

const proposal = (f: StepFacts): string =>
  `send ${f.decides} a proposal for ${f.proposed}${f.renewal}`;

const STEPS: Record<OpportunityType, Steps> = {
  seat_expansion: (f) => [
    `${f.owner}: walk ${f.pitchTo} through the seat-utilization numbers and ask who is waiting for access`,
    `${f.owner} with ${f.pitchTo}: check the seat count against the team's hiring plan`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: agree the order form and the onboarding date for the new users`,
  ],
  tier_upgrade: (f) => [
    `${f.owner}: review with ${f.pitchTo} which limits and missing features the team is hitting`,
    `${f.owner} with the admins: compare ${f.current} and ${f.proposed} on the team's own workflows`,
    `${f.owner}: ${proposal(f)}, built on the usage evidence`,
    `${f.owner} and ${f.decides}: decide, and plan the switch so nobody loses work`,
  ],
  usage_expansion: (f) => [
    `${f.owner}: share the usage trend with ${f.pitchTo} before the ceiling is reached`,
    `${f.owner} with ${f.pitchTo}: project the next two quarters of usage from their plans`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: confirm the new capacity ahead of the projected ceiling`,
  ],
  add_on: (f) => [
    `${f.owner}: working session with ${f.pitchTo} on the manual workflow in the evidence`,
    `${f.owner}: show ${f.benefits} the module on their own data and agree what success looks like`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: decide and set the go-live date`,
  ],
  new_department: (f) => [
    `${f.owner}: ask ${f.pitchTo} for an introduction to the team that is not on the platform`,
    `${f.owner}: discovery call with that team on how their work connects with current users`,
    `${f.owner}: propose a pilot scoped to ${f.proposed}`,
    `${f.owner} and ${f.decides}: review the pilot results and agree the rollout`,
  ],
  new_use_case: (f) => [
    `${f.owner}: scoping call with ${f.pitchTo} on the new initiative`,
    `${f.owner} with ${f.benefits}: write down the success criteria for the initiative`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: decide before the initiative picks its tooling`,
  ],
  competitive_displacement: (f) => [
    `${f.owner}: map with ${f.pitchTo} where the two tools overlap`,
    `${f.owner}: draft a consolidation and migration plan with ${f.benefits}`,
    `${f.owner}: ${proposal(f)}, including what retiring the other tool saves`,
    `${f.owner} and ${f.decides}: decide before the other tool's renewal locks in another term`,
  ],
  professional_services: (f) => [
    `${f.owner}: agree the rollout goals with ${f.pitchTo}`,
    `${f.owner}: scope the work with ${f.benefits} (teams, timeline, success measures)`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: sign off and book the kickoff`,
  ],
  support_upgrade: (f) => [
    `${f.owner}: review the recent support tickets with ${f.pitchTo}`,
    `${f.owner}: show what response times and a named contact would have changed`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: decide and introduce the support contact`,
  ],
  activation: (f) => [
    `${f.owner}: book an enablement session with ${f.pitchTo}; no commercial agenda`,
    `${f.owner} with ${f.benefits}: set adoption targets for what is already licensed`,
    `${f.owner}: check progress against the targets with ${f.pitchTo}`,
    `${f.owner}: review the adoption numbers with ${f.decides}; revisit expansion only after they hold`,
  ],
  conversion: (f) => [
    `${f.owner}: review with ${f.pitchTo} what the team has built during the trial`,
    `${f.owner}: match their usage to a plan and show what carries over`,
    `${f.owner}: ${proposal(f)}`,
    `${f.owner} and ${f.decides}: decide before the trial ends so no work is lost`,
  ],
  stabilization: (f) => [
    `${f.owner}: call ${f.decides} to acknowledge the issues and agree a fix plan; no expansion pitch`,
    `${f.owner}: assign an owner and a date to every open issue and share the list with ${f.pitchTo}`,
    `${f.owner}: weekly check-in with ${f.pitchTo} until the issues are closed`,
    `${f.owner}: health review with ${f.decides}; expansion waits until health is green or yellow`,
  ],
  champion_followup: (f) => [
    `${f.owner}: meet whoever took over the departed champion's responsibilities`,
    `${f.owner}: confirm ${f.decides} still sees the value; offer an executive sponsor on our side`,
    `${f.owner}: run a value review with ${f.benefits} to build new advocates`,
    `${f.owner}: reach out to the former champion at their new company`,
  ],
};

/** Four steps, each `Owner: action (by date)`, spread from `asOf` to the deadline. */
export function approachSteps(opp: Opportunity, ctx: NarrativeContext): string[] {
  const p = people(opp.stakeholders, ctx.contacts);
  const renewal = ctx.account.contract?.renewal;
  const facts: StepFacts = {
    owner: ownerName(ctx.account),
    ...p,
    proposed: lowerFirst(clause(opp.proposedState)),
    current: lowerFirst(clause(opp.currentState)),
    renewal:
      opp.renewalAligned && renewal ? ` so it lands with the renewal on ${longDate(renewal)}` : '',
  };
  const dates = stepDates(ctx.asOf, opp.deadline, 4);
  return STEPS[opp.type](facts).map((s, i) => `${s} (by ${longDate(dates[i] as string)})`);
}

/**
 * Dates for `n` steps: the last on the deadline, the others spread before it. A deadline that
 * has passed or is under two weeks away still leaves two weeks, so no step is dated in the past.
 */
export function stepDates(asOf: string, deadline: string, n: number): string[] {
  const span = Math.max(daysBetween(asOf, deadline), 14);
  return Array.from({ length: n }, (_, i) => addDays(asOf, Math.max(1, (span * (i + 1)) / n)));
}
