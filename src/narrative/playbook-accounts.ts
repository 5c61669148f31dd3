/**
 * The Account-by-Account Summary: every account, whether or not it has opportunities. Small
 * portfolios get seed 004's block per account; above `limit` accounts every account is one table
 * row, so a 100k-account portfolio stays linear in size and time.
 */
import type { AccountSummary, Health, Readiness } from '../model/index.js';
import { clause, money } from './format.js';
import { blocks, bullets, escapeMd, mdTableCell, tableParts, uniqueHeadings } from './markdown.js';
import type { AccountNotes, OpportunityFacts } from './playbook-facts.js';
import { byCodeUnit } from '../output/id-order.js';
import { expansionOf } from './unlock.js';

/** `localeCompare` without its cost per call: the same collator, made once. */
const collate = new Intl.Collator().compare;

export const HEALTH_LABEL: Record<Health, string> = {
  green: 'Healthy',
  yellow: 'Needs Attention',
  red: 'At Risk',
};
export const READINESS_LABEL: Record<Readiness, string> = {
  ready_now: 'Ready Now',
  needs_nurturing: 'Needs Nurturing',
  not_ready: 'Not Ready',
};

/** What a row reads of an account's opportunities. */
type Listed = Pick<OpportunityFacts, 'category' | 'scores' | 'estimatedArr' | 'title' | 'tier'>;

/** An account's place in the summary: its potential, and its opportunities for its block or
 * line (`rowOf`, worked out when written). */
export interface SummaryRow {
  s: AccountSummary;
  all: readonly Listed[];
  potential: number;
}

/** An account's place in the summary (`bySummaryOrder` sorts them). */
export function summaryRowOf(s: AccountSummary, all: readonly Listed[]): SummaryRow {
  // Whole dollars: the sum does not depend on the order.
  let potential = 0;
  for (const o of all) if (o.category === 'expansion') potential += o.estimatedArr;
  return { s, all, potential };
}

/** What an account's block or line reads. */
interface Row {
  s: AccountSummary;
  expansion: Listed[];
  others: number;
  potential: number;
}

const rowOf = (s: AccountSummary, all: readonly Listed[]): Row => {
  const expansion = expansionOf(all);
  return {
    s,
    expansion,
    others: all.length - expansion.length,
    potential: expansion.reduce((t, o) => t + o.estimatedArr, 0),
  };
};

/** The summary's order: largest expansion potential first, then by name, then by id (a total
 * order, so two sorted lists merge into the sort of both, `mergeSorted`). */
export const bySummaryOrder = (a: SummaryRow, b: SummaryRow): number =>
  b.potential - a.potential ||
  collate(a.s.name, b.s.name) ||
  byCodeUnit(a.s.accountId, b.s.accountId);

/** The accounts' rows in the summary's order. */
export function summaryRows(
  accounts: readonly AccountSummary[],
  oppsByAccount: ReadonlyMap<string, readonly Listed[]>,
): SummaryRow[] {
  const rows = accounts.map((s) => summaryRowOf(s, oppsByAccount.get(s.accountId) ?? []));
  return rows.sort(bySummaryOrder);
}

/** A block per account by expansion potential (`rows`, in order: `summaryRows`); past `limit`
 * accounts, one table of a line each (its pieces, `tableParts`). */
export function renderAccountSummaries(
  rows: readonly SummaryRow[],
  notes: ReadonlyMap<string, AccountNotes>,
  limit: number,
): string | string[] {
  if (rows.length > limit) return summaryTable(rows, notes);
  const unique = uniqueHeadings();
  return blocks(...rows.map((r) => accountBlock(rowOf(r.s, r.all), notes, unique)));
}

/** An account's line in the summary table (worked out with its facts, `AccountNotes.row`). */
export const summaryRow = (
  s: AccountSummary,
  opportunities: readonly Listed[],
  notes: AccountNotes,
): string => summaryLine(rowOf(s, opportunities), notes);

const found = (r: Row): string =>
  `${r.expansion.length}${r.others ? ` (plus ${r.others} ${r.others === 1 ? 'play' : 'plays'} outside expansion)` : ''}`;

const health = (s: AccountSummary): string =>
  `${HEALTH_LABEL[s.health]}${s.healthReasons.length ? ` (${s.healthReasons.map(clause).join('; ')})` : ''}`;

/** Why an account has no expansion opportunity and what would unlock one (its notes). */
function unlocking(n: AccountNotes | undefined, s: AccountSummary) {
  if (n?.whyNone === undefined || n.unlock === undefined)
    throw new RangeError(`no notes on why ${s.accountId} has no expansion opportunity`);
  return { why: n.whyNone, unlock: n.unlock };
}

function accountBlock(
  r: Row,
  notes: ReadonlyMap<string, AccountNotes>,
  unique: (t: string) => string,
): string {
  const { s } = r;
  const top = r.expansion[0];
  const items = [
    `**Current ARR**: ${money(s.arr)}`,
    `**Total Expansion Potential**: ${money(r.potential)}`,
    `**Opportunities Found**: ${found(r)}`,
    `**Top Opportunity**: ${top ? `${escapeMd(clause(top.title))} (Tier ${top.tier})` : 'None'}`,
    `**Account Health**: ${escapeMd(health(s))}`,
    `**Expansion Readiness**: ${READINESS_LABEL[s.readiness]}`,
  ];
  if (r.expansion.length === 0) {
    const { why, unlock } = unlocking(notes.get(s.accountId), s);
    items.push(`**Why No Opportunities**: ${escapeMd(why)}`);
    items.push(`**What Would Unlock Expansion**: ${escapeMd(unlock.join(' '))}`);
  }
  return blocks(`### ${unique(escapeMd(s.name))}`, bullets(items));
}

function summaryLine(r: Row, notes: AccountNotes): string {
  const none = r.expansion.length === 0 ? unlocking(notes, r.s) : undefined;
  const cells = [
    mdTableCell(r.s.name),
    money(r.s.arr),
    money(r.potential),
    mdTableCell(found(r)),
    mdTableCell(
      r.expansion[0] ? `${clause(r.expansion[0].title)} (Tier ${r.expansion[0].tier})` : 'None',
    ),
    HEALTH_LABEL[r.s.health],
    READINESS_LABEL[r.s.readiness],
    none ? mdTableCell(`${none.why}: ${none.unlock.join(' ')}`) : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

function summaryTable(
  rows: readonly SummaryRow[],
  notes: ReadonlyMap<string, AccountNotes>,
): string[] {
  return tableParts(
    [
      'Account',
      'Current ARR',
      'Expansion Potential',
      'Opportunities',
      'Top Opportunity',
      'Health',
      'Readiness',
      'Why None / What Would Unlock',
    ],
    rows.map((r) => {
      const n = notes.get(r.s.accountId) ?? {};
      return n.row ?? summaryLine(rowOf(r.s, r.all), n);
    }),
  );
}
