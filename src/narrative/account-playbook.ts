/**
 * The deep single-account playbook (`headroom playbook --account ID`): seed 004's advice for
 * very small portfolios, "go deeper on each account … include alternative expansion paths",
 * plus the account's QBR agenda, outreach for its top opportunity and any champion plans.
 */
import type { Account, AccountSummary, Catalog, Contact, Opportunity } from '../model/index.js';
import { championPlan, renderChampionPlanMarkdown } from './champion.js';
import { ownerName, seatLine } from './context.js';
import { longDate, money } from './format.js';
import { blocks, bullets, escapeMd, mdTableCell, table } from './markdown.js';
import { outreachDrafts, renderOutreachMarkdown } from './outreach.js';
import { HEALTH_LABEL, READINESS_LABEL } from './playbook-accounts.js';
import { narrativeOf, renderPitchMarkdown, renderTier1 } from './playbook-opportunities.js';
import { qbrAgenda, renderQbrMarkdown } from './qbr.js';
import { leadEvidence } from './talking-track.js';
import type { NarrativeContext } from './types.js';
import { expansionOf, unlockPlan, whyNoOpportunities } from './unlock.js';

/** Pushes every heading of a rendered document `levels` deeper, to nest it in this one. */
function nest(markdown: string, levels: number): string {
  return markdown
    .trim()
    .replace(/^(#+) /gm, (_m, h: string) => `${'#'.repeat(Math.min(6, h.length + levels))} `);
}

export function renderAccountPlaybook(input: {
  account: Account;
  summary: AccountSummary;
  opportunities: Opportunity[];
  contacts: Contact[];
  catalog: Catalog;
  asOf: string;
}): string {
  const { account, summary } = input;
  const own = input.opportunities.filter((o) => o.accountId === account.id);
  const ctx: NarrativeContext = {
    account,
    contacts: input.contacts,
    catalog: input.catalog,
    asOf: input.asOf,
    opportunities: own,
  };
  const expansion = expansionOf(own);
  const plays = own
    .filter((o) => o.category !== 'expansion')
    .sort((a, b) => b.scores.composite - a.scores.composite);
  const cur = account.currency;
  const h = account.health;
  const snapshot: [string, string][] = [
    ['Owner', mdTableCell(ownerName(account))],
    ['Plan', mdTableCell(account.plan ?? 'unknown')],
    ['Seats', mdTableCell(seatLine(account) ?? 'not recorded')],
    ['Renewal', account.contract?.renewal ? longDate(account.contract.renewal) : 'not recorded'],
    ['Health Score', h?.score !== undefined ? String(h.score) : 'not recorded'],
    ['NPS', h?.nps !== undefined ? String(h.nps) : 'not recorded'],
    ['Support Tickets (90d)', h?.tickets90d !== undefined ? String(h.tickets90d) : 'not recorded'],
    ['Contacts', String(input.contacts.filter((c) => c.status === 'active').length)],
  ];
  const top = expansion[0] ?? plays[0];
  const departed = input.contacts.filter(
    (c) => c.status === 'left' && (c.roles.includes('champion') || c.movedTo),
  );
  const sections = [
    blocks(
      `# Account Expansion Playbook: ${escapeMd(account.name)}`,
      [
        `Generated: ${input.asOf}`,
        `Current ARR: ${money(summary.arr, cur)}`,
        `Total Expansion Potential: ${money(
          expansion.reduce((t, o) => t + o.estimatedArr, 0),
          cur,
        )}`,
        `Account Health: ${HEALTH_LABEL[summary.health]}`,
        `Expansion Readiness: ${READINESS_LABEL[summary.readiness]}`,
      ].join('  \n'),
    ),
    blocks(
      '## Account Snapshot',
      table(['Field', 'Value'], snapshot),
      summary.healthReasons.length ? bullets(summary.healthReasons.map(escapeMd)) : undefined,
    ),
    blocks(
      '## Expansion Opportunities',
      expansion.length
        ? expansion.map((o) => renderTier1(o, ctx)).join('\n\n---\n\n')
        : `No expansion opportunity. Why: ${escapeMd(whyNoOpportunities(summary, ctx))}.`,
    ),
    expansion.length > 1
      ? blocks(
          '## Alternative Expansion Paths',
          'If the primary opportunity does not convert:',
          bullets(
            expansion
              .slice(1)
              .map(
                (o) =>
                  `${escapeMd(o.title)} (Tier ${o.tier}, ${money(o.estimatedArr, cur)}): ${escapeMd(leadEvidence(o).text)}`,
              ),
          ),
        )
      : undefined,
    plays.length
      ? blocks('## Plays Outside Expansion', ...plays.map((o) => renderPlay(o, ctx)))
      : undefined,
    summary.health === 'red' || expansion.length === 0
      ? blocks('## What Would Unlock Expansion', bullets(unlockPlan(summary, ctx).map(escapeMd)))
      : undefined,
    nest(renderQbrMarkdown(qbrAgenda({ ...ctx, summary })), 1),
    top ? nest(renderOutreachMarkdown(outreachDrafts(top, ctx)), 1) : undefined,
    ...departed.map((c) =>
      nest(renderChampionPlanMarkdown(championPlan(c, { ...ctx, summary })), 1),
    ),
  ];
  return `${sections.filter((s): s is string => s !== undefined).join('\n\n---\n\n')}\n`;
}

function renderPlay(o: Opportunity, ctx: NarrativeContext): string {
  const n = narrativeOf(o, ctx);
  return blocks(
    `### ${escapeMd(o.title)}`,
    `**Key Signal**: ${escapeMd(leadEvidence(o).text)}`,
    '**Talking Track:**',
    renderPitchMarkdown(n.pitch),
    '**Approach:**',
    n.approach.map((s, i) => `${i + 1}. ${escapeMd(s)}`).join('\n'),
  );
}
