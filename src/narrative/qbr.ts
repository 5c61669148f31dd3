/**
 * The QBR agenda of seed 000 Prompt 3: opens with realized value, reviews the quarter, asks
 * about priorities, bridges to what more capability would change, recommends from observed
 * usage, ends with next steps. A red account gets a stabilization agenda instead: no expansion
 * hypothesis is put in front of a customer whose experience needs fixing first.
 */
import type { AccountSummary, Opportunity } from '../model/index.js';
import { priorities, quarterInReview, realizedValue } from './account-facts.js';
import { activeContacts, describeContact, ownerName, TYPE_LABELS } from './context.js';
import { clause, longDate, money } from './format.js';
import { blocks, bullets, escapeMd } from './markdown.js';
import { leadEvidence } from './talking-track.js';
import { copyFor } from './type-copy.js';
import type { NarrativeContext, QbrAgenda, QbrSection } from './types.js';

/** Minutes per section; each row sums to its duration. */
const MINUTES = {
  expansion: { 60: [10, 10, 12, 8, 12, 8], 90: [15, 15, 18, 12, 18, 12] },
  stabilize: { 60: [10, 10, 20, 12, 8], 90: [15, 15, 30, 18, 12] },
} as const;

const NEXT_STEP: Partial<Record<Opportunity['type'], string>> = {
  seat_expansion: 'a pricing conversation for the additional seats',
  tier_upgrade: 'a trial of the higher plan on the team\u2019s own workflows',
  usage_expansion: 'a capacity plan dated to the projected ceiling',
  add_on: 'a pilot of the module on the team\u2019s own data',
  new_department: 'an introduction to the department and a scoped pilot',
  new_use_case: 'a scoping session with success criteria',
  competitive_displacement: 'executive alignment on consolidating the two tools',
  professional_services: 'a scoping call for the rollout',
  support_upgrade: 'a review of the premium support terms',
};

export function qbrAgenda(
  ctx: NarrativeContext & { summary: AccountSummary; durationMinutes?: 60 | 90 },
): QbrAgenda {
  const duration = ctx.durationMinutes ?? 60;
  const opps = (ctx.opportunities ?? []).filter((o) => o.accountId === ctx.account.id);
  const pitchable = ctx.summary.health !== 'red';
  const top = pitchable
    ? opps
        .filter((o) => o.category === 'expansion' && o.tier <= 3)
        .sort((a, b) => b.scores.composite - a.scores.composite)
        .slice(0, 2)
    : [];
  const value: QbrSection = {
    title: 'Value realized to date',
    minutes: 0,
    points: realizedValue(ctx),
    questions: [
      'Which of these results matters most to your leadership, and how do you report it?',
      'What has changed for the people using the product since we last met?',
    ],
  };
  const quarter: QbrSection = {
    title: 'The quarter in review',
    minutes: 0,
    // The evidence of the recommended opportunities is saved for the bridge section.
    points: quarterInReview(
      ctx,
      opps.filter((o) => !top.includes(o)),
    ),
    questions: [
      'What slowed your team down this quarter?',
      'Where is the team using the product in ways we did not plan for together?',
    ],
  };
  const ahead: QbrSection = {
    title: 'Your priorities for the next 6 to 12 months',
    minutes: 0,
    points: priorities(ctx, opps),
    questions: [
      'Which three outcomes is your team measured on for the next year?',
      'Which initiatives will need new tooling, new people or new teams?',
      'When does your budget planning for the next period start?',
    ],
  };
  const sections =
    top.length > 0
      ? [value, quarter, ahead, ...expansionSections(top, ctx)]
      : [value, quarter, fixSection(ctx.summary, opps), ahead, nextSteps([], ctx)];
  const minutes = MINUTES[top.length > 0 ? 'expansion' : 'stabilize'][duration];
  sections.forEach((s, i) => (s.minutes = minutes[i] ?? 0));
  const customer = activeContacts(ctx.contacts)
    .filter((c) => c.roles.length > 0)
    .map(describeContact);
  return {
    accountId: ctx.account.id,
    accountName: ctx.account.name,
    durationMinutes: duration,
    preparedOn: ctx.asOf,
    attendees: {
      customer: customer.length ? customer : ['Your day-to-day champion and the budget holder'],
      ours: [ownerName(ctx.account)],
    },
    sections,
    expansionFocus: top.length > 0,
  };
}

function expansionSections(top: Opportunity[], ctx: NarrativeContext): QbrSection[] {
  const bridge: QbrSection = {
    title: 'Where more capability could help',
    minutes: 0,
    points: top.map((o) => `${copyFor(o.type).usage}: ${clause(leadEvidence(o).text)}.`),
    questions: top.map(
      (o) => `If "${clause(leadEvidence(o).text)}" keeps growing, what does it cost your team?`,
    ),
  };
  const cur = ctx.account.currency;
  const recommend: QbrSection = {
    title: 'Our recommendation, based on your usage',
    minutes: 0,
    points: top.map(
      (o) =>
        `${TYPE_LABELS[o.type]}: ${clause(o.proposedState)}, ${copyFor(o.type).outcome} (${money(o.estimatedArr, cur)} a year).`,
    ),
    questions: [
      'Does this match what you see on the ground?',
      'Who else should weigh in before a decision?',
    ],
  };
  return [bridge, recommend, nextSteps(top, ctx)];
}

function fixSection(summary: AccountSummary, opps: Opportunity[]): QbrSection {
  const plan = opps
    .filter((o) => o.category === 'stabilization')
    .map((o) => `${clause(o.proposedState)}.`);
  return {
    title: 'Open issues and the fix plan',
    minutes: 0,
    points: [...summary.healthReasons.map((r) => `${clause(r)}.`), ...plan],
    questions: [
      'Which of these issues hurts your team most today?',
      'What would you need to see from us in the next 30 days to trust the plan?',
    ],
  };
}

function nextSteps(top: Opportunity[], ctx: NarrativeContext): QbrSection {
  const steps = top.map(
    (o) => `${NEXT_STEP[o.type] ?? 'a follow-up conversation'} by ${longDate(o.deadline)}`,
  );
  return {
    title: 'Next steps',
    minutes: 0,
    points: [
      ...steps.map((s) => `Agree ${s}.`),
      `Confirm owners on both sides; ours is ${ownerName(ctx.account)}.`,
      'Set the date of the next review.',
    ],
    questions: [
      'What would you need to see to move forward?',
      'Who needs to be in the next conversation?',
    ],
  };
}

export function renderQbrMarkdown(agenda: QbrAgenda): string {
  const head = [
    `# QBR Agenda: ${escapeMd(agenda.accountName)}`,
    bullets([
      `**Duration**: ${agenda.durationMinutes} minutes`,
      `**Prepared**: ${longDate(agenda.preparedOn)}`,
      `**Customer attendees**: ${agenda.attendees.customer.map(escapeMd).join('; ')}`,
      `**Our attendees**: ${agenda.attendees.ours.map(escapeMd).join('; ')}`,
    ]),
  ];
  const body = agenda.sections.map((s, i) =>
    blocks(
      `## ${i + 1}. ${s.title} (${s.minutes} min)`,
      s.points.length ? bullets(s.points.map(escapeMd)) : undefined,
      '**Discussion questions:**',
      bullets(s.questions.map(escapeMd)),
    ),
  );
  return `${blocks(...head, ...body)}\n`;
}
