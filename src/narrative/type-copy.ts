/**
 * The wording that differs by opportunity type: how to lead into the customer's own numbers,
 * what those numbers mean for them, and the outcome the proposal buys. Kept as data so the
 * talking track, outreach drafts and QBR agenda speak with one voice. No figure appears here:
 * every number is filled in from the opportunity or the account by the callers.
 */
import type { OpportunityType } from '../model/index.js';

export interface TypeCopy {
  /** Second-person lead-ins placed before the evidence sentence (one is picked per opportunity). */
  leadIns: readonly string[];
  /** What the evidence means for the customer: follows the evidence in the opening line. */
  hook: string;
  /** Key point 1: how the usage pattern shows up in their day-to-day work. */
  usage: string;
  /** Key point 2's closing clause: the outcome the proposed state gives them. */
  outcome: string;
  /** The short ask used in emails and next steps ("a 30-minute seat review"). */
  meeting: string;
}

const COPY: Record<OpportunityType, TypeCopy> = {
  seat_expansion: {
    leadIns: ['Your own numbers tell the story: ', 'Looking at how your team uses the platform, '],
    hook: 'At that level people usually end up waiting for a licence or sharing logins, and I would rather get ahead of that than have your team work around it.',
    usage: 'Every person without a seat is working outside the shared workspace',
    outcome: 'so everyone who needs the platform can work in it without waiting on a licence',
    meeting: 'a 30-minute seat and access review',
  },
  tier_upgrade: {
    leadIns: [
      'Something stood out in your account data: ',
      'Your usage has grown into new territory: ',
    ],
    hook: 'Your team is doing the work of the next plan up on the current one, and that is where limits start shaping how people work.',
    usage: 'The limits of the current plan are now part of how your team works',
    outcome: 'so the plan fits how your team already works instead of the other way round',
    meeting: 'a 30-minute review of your plan against your usage',
  },
  usage_expansion: {
    leadIns: ['Your usage curve is worth a look: ', 'One trend in your account is hard to miss: '],
    hook: 'At this pace you will reach the ceiling mid-project, and I would like you to plan for it rather than hit it.',
    usage: 'Usage is climbing toward the contracted ceiling',
    outcome: 'so growth in usage never becomes a hard stop for the team',
    meeting: 'a 20-minute capacity check',
  },
  add_on: {
    leadIns: [
      'Something your team mentioned caught our attention: ',
      'From what we can see in your account, ',
    ],
    hook: 'That is work the platform can take off your team\u2019s plate, and I think it is worth a look together.',
    usage: 'Your team is doing this by hand today',
    outcome:
      'so the manual steps disappear and the work lives where the rest of your data already is',
    meeting: 'a 30-minute working session on that workflow',
  },
  new_department: {
    leadIns: [
      'Your organisation has been changing: ',
      'Here is something we noticed about your teams: ',
    ],
    hook: 'The teams already on the platform work one way and their neighbours another, and that gap usually costs both of them time.',
    usage: 'The work crosses team lines but the tool does not',
    outcome: 'so the teams that share work also share one workspace',
    meeting: 'an intro conversation with the team that is not on the platform yet',
  },
  new_use_case: {
    leadIns: [
      'One of your priorities lines up with what you already run on us: ',
      'Looking at what your team is working toward, ',
    ],
    hook: 'You could run it on the platform your people already know instead of standing up something new.',
    usage: 'The new initiative needs what your team already uses every day',
    outcome: 'so the new initiative starts on tooling your people already know',
    meeting: 'a 30-minute scoping call for the new initiative',
  },
  competitive_displacement: {
    leadIns: [
      'Your team is running two tools side by side: ',
      'One thing stood out in how your team works: ',
    ],
    hook: 'Running both means two sets of logins, two places for the truth, and two bills.',
    usage: 'Work is split between two tools that do overlapping jobs',
    outcome: 'so your team works in one place and pays for one tool',
    meeting: 'a side-by-side review of the two tools',
  },
  professional_services: {
    leadIns: [
      'Your rollout is at an inflection point: ',
      'Looking at where your deployment is today, ',
    ],
    hook: 'This is the moment where a structured rollout saves months of uneven adoption.',
    usage: 'The next group of users will learn the product from whoever is nearest',
    outcome: 'so the next teams are productive in weeks rather than quarters',
    meeting: 'a 30-minute rollout planning call',
  },
  support_upgrade: {
    leadIns: [
      'Your support history says a lot: ',
      'We looked at your support requests this quarter: ',
    ],
    hook: 'Every one of those tickets is time your team spent waiting on us, and I would like to shorten that.',
    usage: 'Your team relies on support heavily enough that response time affects their work',
    outcome: 'so your team gets faster answers and a named person who knows your setup',
    meeting: 'a 20-minute support review',
  },
  activation: {
    leadIns: [
      'You are already paying for more than your team is using: ',
      'We found value you have already bought: ',
    ],
    hook: 'Before anything else, I want to help your team get the full value of what is already in your contract.',
    usage: 'Part of what you pay for is sitting unused',
    outcome: 'at no additional cost, because it is already in your contract',
    meeting: 'a 30-minute enablement session',
  },
  conversion: {
    leadIns: ['Your trial has real usage behind it: ', 'Your team has put the product to work: '],
    hook: 'That is the point where it is worth deciding together whether a paid plan fits how your team works.',
    usage: 'Your team is already relying on the product',
    outcome: 'so your team keeps its work, settings and history without interruption',
    meeting: 'a 20-minute plan fit review',
  },
  stabilization: {
    leadIns: [
      'We have been looking closely at your account: ',
      'I want to be direct about what we are seeing: ',
    ],
    hook: 'Before talking about anything new, we owe you a plan to fix what is not working.',
    usage: 'Your experience has slipped and it shows in the numbers',
    outcome: 'so the product works for your team again',
    meeting: 'a working session on the open issues',
  },
  champion_followup: {
    leadIns: ['Your team has gone through a change: ', 'Things have shifted on your side: '],
    hook: 'I want to make sure the value your team built does not depend on one person.',
    usage: 'The person who drove adoption has moved on',
    outcome: 'so the value your team built keeps a sponsor',
    meeting: 'an introductory conversation',
  },
};

export function copyFor(type: OpportunityType): TypeCopy {
  return COPY[type];
}
