/**
 * Outreach drafts of seed 000 Prompt 5: a pre-meeting email that reads as a recommendation, the
 * first minutes of the conversation, the hypothesis framed as evidence, three discovery
 * questions and a follow-up for when the customer needs time.
 */
import type { Opportunity, OpportunityType } from '../model/index.js';
import { describeContact, firstName, ownerName, people } from './context.js';
import { clause, longDate, lowerFirst, money, upperFirst } from './format.js';
import { blocks, bullets, escapeMd, numbered } from './markdown.js';
import { leadEvidence, talkingTrack } from './talking-track.js';
import { copyFor } from './type-copy.js';
import type { NarrativeContext, OutreachDrafts } from './types.js';

/** Questions that let the customer find the need themselves, by type. */
const DISCOVERY: Record<OpportunityType, [string, string, string]> = {
  seat_expansion: [
    'Who on the team is waiting for access today, or sharing a login?',
    'How many people do you expect to join the teams using the product over the next two quarters?',
    'What happens to the work of the people who cannot get a seat?',
  ],
  tier_upgrade: [
    'Which limits has the team run into in the last month?',
    'What are people doing instead when they hit them?',
    'Which of the higher plan\u2019s capabilities would you switch on first?',
  ],
  usage_expansion: [
    'What is driving the growth in usage?',
    'What would happen if you hit the ceiling mid-project?',
    'How do you expect usage to change over the next two quarters?',
  ],
  add_on: [
    'How much time does the team spend on this workflow each week?',
    'Who maintains the workaround, and what happens when they are out?',
    'What would the team do with that time back?',
  ],
  new_department: [
    'How does work pass between your team and the team that is not on the platform?',
    'Where does information get lost between the two teams?',
    'Who leads that team, and what are they measured on?',
  ],
  new_use_case: [
    'What does success look like for the new initiative?',
    'Which tools are you considering for it?',
    'Who on the current team could carry what they know into it?',
  ],
  competitive_displacement: [
    'Which jobs does each tool do today, and where do they overlap?',
    'What does keeping both cost in time, licences and integration?',
    'When does the other contract come up for renewal?',
  ],
  professional_services: [
    'Who owns the rollout on your side, and how much time do they have for it?',
    'What would uneven adoption across teams cost you?',
    'Which teams are next, and by when?',
  ],
  support_upgrade: [
    'Which tickets took longest to resolve, and what did the wait cost?',
    'Who on your side handles support issues today?',
    'What response time would the team need to stop working around issues?',
  ],
  activation: [
    'Which licensed seats or features has the team not started using, and why?',
    'What would make it easier for the rest of the team to get started?',
    'Who are the power users who could show others?',
  ],
  conversion: [
    'What has the team built during the trial that you would not want to lose?',
    'What is left to prove before a decision?',
    'Who else needs to see the results?',
  ],
  stabilization: [
    'Which issue hurts your team most today?',
    'What would we need to fix in the next 30 days to earn back your confidence?',
    'Who should we report progress to, and how often?',
  ],
  champion_followup: [
    'Who has taken over the responsibilities of the person who left?',
    'What is that person measured on this year?',
    'Which teams rely on the product most today?',
  ],
};

export function outreachDrafts(opp: Opportunity, ctx: NarrativeContext): OutreachDrafts {
  const copy = copyFor(opp.type);
  const p = people(opp.stakeholders, ctx.contacts);
  const owner = ownerName(ctx.account);
  const lead = clause(leadEvidence(opp).text);
  const track = talkingTrack(opp, ctx);
  const hello =
    p.pitchTo.startsWith('your ') || p.pitchTo.startsWith('the ')
      ? 'Hi'
      : `Hi ${firstName(p.pitchTo)}`;
  const signOff = owner === 'Account owner' ? 'Your account team' : owner;
  const subject = `${ctx.account.name}: ${lowerFirst(copy.meeting.replace(/^an? /, ''))}`;
  const body = [
    `${hello},`,
    `While preparing for our next conversation I noticed something in your account: ${lowerFirst(lead)}.`,
    `${copy.hook}`,
    `I would like to suggest ${copy.meeting} before ${longDate(opp.deadline)} to look at it together. I will bring the numbers; no slides and no commitment needed.`,
    signOff,
  ].join('\n\n');
  const framing = `Present it as what the data shows, not what we want to sell: "Here is what we see in your account: ${lowerFirst(lead)}. Teams in that position usually look at ${lowerFirst(clause(opp.proposedState))}. Does that match what you see?" Mention the ${money(opp.estimatedArr, ctx.account.currency)} a year only once they agree the need is real.`;
  return {
    opportunityId: opp.id,
    accountName: ctx.account.name,
    to: recipient(p.pitchTo, ctx),
    preMeetingEmail: { subject, body },
    openingTalkingPoints: [
      'Thank them for the time and restate the purpose: a look at their own numbers, not a pitch.',
      `Open with the data: ${track.opening}`,
      `Ask how it looks from their side before offering any view: ${DISCOVERY[opp.type][0]}`,
    ],
    hypothesisFraming: framing,
    discoveryQuestions: DISCOVERY[opp.type],
    followUp: {
      subject: `Following up: ${lowerFirst(clause(opp.title))}`,
      body: [
        `${hello},`,
        'Thank you for the conversation. To make the internal discussion easier, here is what we looked at:',
        ...opp.evidence.map((e) => `- ${clause(e.text)}`),
        `${upperFirst(copy.outcome.replace(/^(so|at) /, ''))}: that is the outcome we discussed. I am happy to join a call with anyone else who should weigh in, or to send a short summary for ${p.decides}.`,
        `I will check back on ${longDate(opp.deadline)} unless you would like to pick it up sooner.`,
        signOff,
      ].join('\n\n'),
    },
  };
}

export function renderOutreachMarkdown(d: OutreachDrafts): string {
  // Email drafts are plain text to copy: every line is escaped, so a `- ` line stays a literal
  // dash (a list inside a blockquote would also trip micromark's development build).
  const quoted = (text: string): string =>
    text
      .split('\n')
      .map((l) => (l === '' ? '>' : `> ${escapeMd(l)}`))
      .join('\n');
  return `${blocks(
    `# Outreach: ${escapeMd(d.accountName)}`,
    `**To**: ${escapeMd(d.to.title ? `${d.to.name} (${d.to.title})` : d.to.name)}`,
    '## Pre-meeting email',
    `**Subject**: ${escapeMd(d.preMeetingEmail.subject)}`,
    quoted(d.preMeetingEmail.body),
    '## Opening talking points',
    bullets(d.openingTalkingPoints.map(escapeMd)),
    '## Presenting the hypothesis',
    escapeMd(d.hypothesisFraming),
    '## Discovery questions',
    numbered(d.discoveryQuestions.map(escapeMd)),
    '## Follow-up',
    `**Subject**: ${escapeMd(d.followUp.subject)}`,
    quoted(d.followUp.body),
  )}\n`;
}

/** The contact behind `Dana Ruiz (VP Operations)`, split into name and title when on record. */
function recipient(pitchTo: string, ctx: NarrativeContext): OutreachDrafts['to'] {
  const c = ctx.contacts.find((x) => x.name === pitchTo || describeContact(x) === pitchTo);
  return c ? { name: c.name, ...(c.title !== undefined && { title: c.title }) } : { name: pitchTo };
}
