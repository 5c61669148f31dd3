/**
 * The departed-champion plan of seed 000 Prompt 4: risk at the account, stabilizing actions,
 * the lead at the champion's new company, how to reach out to them, and a new champion within
 * 60 days. Built from the contact records; no company facts are assumed about the new employer.
 */
import type { AccountSummary, Contact, ContactRole } from '../model/index.js';
import { activeContacts, describeContact, ownerName, seatLine } from './context.js';
import { addDays, daysBetween, joinAnd, longDate, money, parseDate } from './format.js';
import { blocks, bullets, escapeMd, numbered } from './markdown.js';
import type { ChampionPlan, NarrativeContext, RiskLevel } from './types.js';

const SPONSOR_ROLES: readonly ContactRole[] = [
  'champion',
  'exec_sponsor',
  'economic_buyer',
  'decision_maker',
];
const ROLE_NAMES: Record<ContactRole, string> = {
  champion: 'champion',
  economic_buyer: 'economic buyer',
  exec_sponsor: 'executive sponsor',
  power_user: 'power user',
  decision_maker: 'decision maker',
};

export function championPlan(
  contact: Contact,
  ctx: NarrativeContext & { summary: AccountSummary },
): ChampionPlan {
  const { account, asOf } = ctx;
  const owner = ownerName(account);
  const others = activeContacts(ctx.contacts).filter((c) => c.id !== contact.id);
  const sponsors = others.filter((c) => c.roles.some((r) => SPONSOR_ROLES.includes(r)));
  const roles = contact.roles.length
    ? joinAnd(contact.roles.map((r) => ROLE_NAMES[r]))
    : 'main contact';
  const renewal = account.contract?.renewal;
  const daysToRenewal = renewal ? daysBetween(asOf, renewal) : undefined;

  const reasons = [
    `${describeContact(contact)} was the ${roles}${contact.leftAt ? ` and left on ${longDate(contact.leftAt)}` : ' and has left'}.`,
    sponsors.length
      ? `Remaining contacts with a buying role: ${sponsors.map(describeContact).join('; ')}.`
      : 'No other active champion, sponsor or buyer is on record.',
  ];
  if (daysToRenewal !== undefined && daysToRenewal >= 0)
    reasons.push(
      `Renewal on ${longDate(renewal as string)}, ${daysToRenewal} days away: a new owner may re-evaluate vendors before then.`,
    );
  if (ctx.summary.health !== 'green')
    reasons.push(
      `Account health is ${ctx.summary.health}${ctx.summary.healthReasons.length ? ` (${ctx.summary.healthReasons.join('; ')})` : ''}.`,
    );
  const level: RiskLevel =
    sponsors.length === 0 ||
    ctx.summary.health === 'red' ||
    (daysToRenewal !== undefined && daysToRenewal <= 120 && sponsors.length < 2)
      ? 'high'
      : sponsors.length >= 2 && ctx.summary.health === 'green' && others.length >= 3
        ? 'low'
        : 'medium';

  const successor = sponsors[0] ? describeContact(sponsors[0]) : 'whoever took over the role';
  const seats = seatLine(account);
  const stabilize = [
    `${owner}: meet ${successor} by ${longDate(addDays(asOf, 7))} and ask what they need from the product this year.`,
    `${owner}: send a one-page value recap (${seats ?? `${money(account.arr, account.currency)} a year of investment`}) to ${successor} by ${longDate(addDays(asOf, 10))}.`,
    `${owner}: arrange an executive-to-executive call by ${longDate(addDays(asOf, 21))} so the relationship does not rest on one person again.`,
    renewal && daysToRenewal !== undefined && daysToRenewal >= 0
      ? `${owner}: confirm the renewal plan for ${longDate(renewal)} with the new owner well before the notice window.`
      : `${owner}: confirm who now signs off on the contract.`,
  ];

  const startDate = contact.leftAt ? addDays(contact.leftAt, 21) : asOf;
  const reachOut = parseDate(startDate) > parseDate(asOf) ? startDate : asOf;
  const moved = contact.movedTo;
  const where = moved
    ? `${moved.title ? `${moved.title} at ` : ''}${moved.company}`
    : 'their new company';
  const candidates = [...others]
    .filter((c) => c.roles.length > 0)
    .sort((a, b) => (b.lastEngagedAt ?? '').localeCompare(a.lastEngagedAt ?? ''))
    .map(describeContact);
  const by = addDays(asOf, 60);
  return {
    contactId: contact.id,
    contactName: contact.name,
    accountName: account.name,
    risk: { level, reasons },
    stabilize,
    ...(moved && {
      newCompany: {
        company: moved.company,
        ...(moved.title !== undefined && { title: moved.title }),
        hypothesis: `${contact.name} saw first-hand what the product did at ${account.name}${seats ? ` (${seats})` : ''}; as ${where} they can tell quickly whether ${moved.company} has the same need, and they know how to run the rollout.`,
        steps: [
          `Check that ${moved.company} fits the ideal customer profile (size, industry, tooling) before investing time.`,
          `Hand the lead to the new-business team with the context of ${contact.name}'s results at ${account.name}.`,
          'Let the first conversation be about their priorities in the new role, not a demo.',
        ],
      },
    }),
    outreach: {
      timing: `Around ${longDate(reachOut)}: a few weeks into the new role, once they have settled in.`,
      message: `Congratulate ${contact.name} on the move to ${where} and thank them for what they built at ${account.name}; no ask in the first note.`,
      ask: `A 20-minute call to hear about their priorities at ${moved?.company ?? 'the new company'}, and a word on who at ${account.name} should carry their work forward.`,
    },
    newChampion: {
      candidates: candidates.length
        ? candidates
        : ['No other engaged contact on record: start from the most active users in the product.'],
      by,
      steps: [
        `By ${longDate(addDays(asOf, 7))}: pick the candidate with the most engagement and a stake in the results.`,
        `By ${longDate(addDays(asOf, 14))}: one-on-one value review built on their team's own numbers.`,
        `By ${longDate(addDays(asOf, 30))}: give them a visible win (an enablement session, a report their leadership sees).`,
        `By ${longDate(addDays(asOf, 45))}: involve them in the next business review and the roadmap discussion.`,
        `By ${longDate(by)}: record them as champion in the CRM and pair them with an executive sponsor.`,
      ],
    },
  };
}

export function renderChampionPlanMarkdown(plan: ChampionPlan): string {
  const e = (items: string[]): string => bullets(items.map(escapeMd));
  return `${blocks(
    `# Champion Plan: ${escapeMd(plan.contactName)} (${escapeMd(plan.accountName)})`,
    `## Risk at the account: ${plan.risk.level}`,
    e(plan.risk.reasons),
    '## Stabilize the account',
    numbered(plan.stabilize.map(escapeMd)),
    '## The opportunity at the new company',
    plan.newCompany
      ? blocks(
          `**${escapeMd(plan.newCompany.company)}**: ${escapeMd(plan.newCompany.hypothesis)}`,
          e(plan.newCompany.steps),
        )
      : 'The new company is not known yet: record it on the contact when it is.',
    '## Reaching out to the former champion',
    e([
      `Timing: ${plan.outreach.timing}`,
      `Message: ${plan.outreach.message}`,
      `Ask: ${plan.outreach.ask}`,
    ]),
    `## A new champion by ${longDate(plan.newChampion.by)}`,
    `Candidates: ${plan.newChampion.candidates.map(escapeMd).join('; ')}`,
    numbered(plan.newChampion.steps.map(escapeMd)),
  )}\n`;
}
