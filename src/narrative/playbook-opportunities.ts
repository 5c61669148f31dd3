/**
 * Opportunity blocks of the playbook: Tier 1 in seed 004's full format, Tier 2 brief, tables
 * for Tier 3, for overflow and for the plays outside expansion. Untrusted text is escaped here.
 */
import type { Opportunity } from '../model/index.js';
import { ownerName, people, TYPE_LABELS } from './context.js';
import { clause, longDate, money } from './format.js';
import { timelineOf } from './forecast.js';
import { blocks, bullets, escapeMd, mdTableCell, numbered, table, tableParts } from './markdown.js';
import { narrateOpportunity } from './narrate.js';
import { leadEvidence } from './talking-track.js';
import type { OpportunityFacts } from './playbook-facts.js';
import type { Narrative, NarrativeContext } from './types.js';

export type ContextOf = (accountId: string) => NarrativeContext;

const score = (n: number): string => `${Number(n.toFixed(1))}/10`;
const heading = (o: Opportunity): string =>
  `### ${escapeMd(o.id)}: ${escapeMd(o.accountName)} -- ${escapeMd(clause(o.title))}`;

/** The stored narrative when the opportunity already has one, otherwise a fresh one. */
export function narrativeOf(o: Opportunity, ctx: NarrativeContext): Narrative {
  if (o.pitch !== '' && o.approach.length > 0)
    return { pitch: o.pitch, approach: o.approach, objections: o.objections };
  return narrateOpportunity(o, ctx);
}

/** A plain-text pitch as Markdown: each line escaped, numbered lines kept as a list. */
export function renderPitchMarkdown(pitch: string): string {
  const out: string[] = [];
  let inList = false;
  for (const line of pitch.split('\n')) {
    const item = /^(\d+)\.\s+(.*)$/.exec(line);
    if (item) {
      if (!inList) out.push('');
      out.push(`${item[1]}. ${escapeMd(item[2] ?? '')}`);
      inList = true;
    } else {
      if (inList || line.trim() === '') out.push('');
      if (line.trim() !== '') out.push(escapeMd(line));
      inList = false;
    }
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function renderTier1(o: Opportunity, ctx: NarrativeContext): string {
  const n = narrativeOf(o, ctx);
  const cur = ctx.account.currency;
  const p = people(o.stakeholders, ctx.contacts);
  const rows: [string, string][] = [
    ['Account', mdTableCell(o.accountName)],
    ['Current ARR', money(ctx.account.arr, cur)],
    ['Opportunity Type', TYPE_LABELS[o.type]],
    ['Estimated Expansion ARR', money(o.estimatedArr, cur)],
    ['Best Timing', mdTableCell(`${timelineOf(o, ctx.asOf)}: ${o.timingReason}`)],
    ['Owner', mdTableCell(ownerName(ctx.account))],
    ['Deadline to Act', longDate(o.deadline)],
  ];
  return blocks(
    heading(o),
    `**Score: ${score(o.scores.composite)}** | Revenue: ${score(o.scores.revenue)} | Effort: ${score(o.scores.effort)} | Likelihood: ${score(o.scores.likelihood)}`,
    table(['Field', 'Detail'], rows),
    '**The Opportunity:**',
    escapeMd(`${o.description} ${o.timingReason}`),
    '**Evidence:**',
    bullets(o.evidence.map((e) => escapeMd(e.text))),
    '**Stakeholders:**',
    bullets([
      `Who to pitch: ${escapeMd(p.pitchTo)}`,
      `Who decides: ${escapeMd(p.decides)}`,
      `Who benefits: ${escapeMd(p.benefits)}`,
    ]),
    '**Recommended Pitch:**',
    renderPitchMarkdown(n.pitch),
    '**Approach:**',
    numbered(n.approach.map(escapeMd)),
    '**Objections to Expect:**',
    bullets(n.objections.map((x) => `"${escapeMd(x.objection)}" -> ${escapeMd(x.response)}`)),
    '**Risk:**',
    bullets(
      (o.risks.length ? o.risks : ['No specific risk recorded beyond the objections above.']).map(
        escapeMd,
      ),
    ),
  );
}

export function renderTier2(o: Opportunity, ctx: NarrativeContext): string {
  const step = narrativeOf(o, ctx).approach[0] ?? 'Schedule the first conversation';
  return blocks(
    heading(o),
    bullets([
      `**Score**: ${score(o.scores.composite)}`,
      `**Expansion ARR**: ${money(o.estimatedArr, ctx.account.currency)}`,
      `**Type**: ${TYPE_LABELS[o.type]}`,
      `**Timing**: ${escapeMd(`${timelineOf(o, ctx.asOf)}: ${o.timingReason}`)}`,
      `**Key Signal**: ${escapeMd(leadEvidence(o).text)}`,
      `**Next Step**: ${escapeMd(step)}`,
    ]),
  );
}

/** One row per opportunity: the readable form for Tier 3 and for anything past the limits. */
export function opportunityTable(
  opps: readonly Pick<OpportunityFacts, 'row'>[],
  dateHeader = 'Revisit Date',
): string[] {
  return tableParts(
    ['Account', 'Opportunity', 'Type', 'Est. ARR', 'Score', 'Key Signal', dateHeader],
    opps.map((o) => o.row),
  );
}

/** Plays outside expansion: what to do, not what to sell. */
export function playTable(opps: readonly Pick<OpportunityFacts, 'id' | 'playRow'>[]): string[] {
  return tableParts(
    ['Account', 'Play', 'Key Signal', 'Owner', 'Next Step', 'Deadline'],
    opps.map((o) => {
      if (o.playRow === undefined) throw new RangeError(`no play row for ${o.id}`);
      return o.playRow;
    }),
  );
}
