/**
 * What `expansion-playbook.md` needs of each account and opportunity, worked out from that
 * account's own records: the fields its totals, rankings and insights read, and the table rows
 * and sentences that need the account's records to write. Rendering the playbook is then a pass
 * over these facts (`playbook.ts`), which are plain JSON: a run that analyzed only the accounts
 * that changed keeps the others' facts from the last run (`src/output/results-cache.ts`) and
 * renders the same playbook a run over everything renders.
 */
import type { Account, AccountSummary, Contact, Opportunity } from '../model/index.js';
import { activeContacts, ownerName } from './context.js';
import { money } from './format.js';
import { mdTableCell } from './markdown.js';
import { narrativeOf } from './playbook-opportunities.js';
import { leadEvidence } from './talking-track.js';
import type { PlaybookOrder } from './playbook.js';
import type { NarrativeContext } from './types.js';
import { expansionOf, missingData, unlockPlan, whyNoOpportunities } from './unlock.js';
import { TYPE_LABELS } from './context.js';
import { summaryRow } from './playbook-accounts.js';

/** The fields of an opportunity the playbook's totals and rankings read. */
export type OpportunityFigures = Pick<
  Opportunity,
  | 'id'
  | 'accountId'
  | 'accountName'
  | 'type'
  | 'category'
  | 'title'
  | 'estimatedArr'
  | 'scores'
  | 'tier'
  | 'timing'
  | 'deadline'
  | 'confidence'
>;

export interface OpportunityFacts extends OpportunityFigures {
  /** Its line in opportunity tables (Tier 3, and Tier 1–2 past the limits). */
  row: string;
  /** Its line in the table of its play, outside expansion. */
  playRow?: string | undefined;
  /** The first step of its approach. */
  firstStep?: string | undefined;
}

/** What the insights read of an account's record. */
export type AccountFigures = Pick<
  Account,
  'id' | 'plan' | 'featuresUsed' | 'segment' | 'industry'
> & {
  ticketThemes: string[];
};

/** What the playbook needs of one account besides its summary and opportunities. */
export interface AccountNotes {
  /** No expansion opportunity: why, and what would unlock one. */
  whyNone?: string | undefined;
  unlock?: string[] | undefined;
  /** Flagged low-confidence, with the account's records at hand: the data it lacks. */
  missing?: string[] | undefined;
  /** Its line in the Account-by-Account summary table. */
  row?: string | undefined;
}

/** Everything the playbook is rendered from, in the order of its input. */
export interface PlaybookFacts {
  opportunities: OpportunityFacts[];
  accounts: AccountSummary[];
  /** The accounts' records (`PlaybookInput.accountsById`), in their order; absent without. */
  records?: AccountFigures[];
  /** Active contacts per account; absent when rendered without contacts. */
  activeContacts?: Map<string, number>;
  notes: Map<string, AccountNotes>;
  /** The orders its sections list them in, when worked out ahead (`playbookOrder`); they must
   * be the orders of exactly these opportunities and accounts. */
  order?: PlaybookOrder;
}

/** An opportunity's line in an opportunity table. */
export function opportunityRow(o: Opportunity): string {
  const cells = [
    mdTableCell(o.accountName),
    mdTableCell(o.title),
    TYPE_LABELS[o.type],
    money(o.estimatedArr),
    o.scores.composite.toFixed(1),
    mdTableCell(leadEvidence(o).text),
    o.deadline,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A play's line in its table: what to do, not what to sell. */
export function playRow(o: Opportunity, ctx: NarrativeContext): string {
  const cells = [
    mdTableCell(o.accountName),
    mdTableCell(o.title),
    mdTableCell(leadEvidence(o).text),
    mdTableCell(ownerName(ctx.account)),
    mdTableCell(narrativeOf(o, ctx).approach[0] ?? ''),
    o.deadline,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The facts of one opportunity. */
export function opportunityFacts(o: Opportunity, ctx: NarrativeContext): OpportunityFacts {
  const expansion = o.category === 'expansion';
  const firstStep = expansion && o.tier <= 2 ? narrativeOf(o, ctx).approach[0] : undefined;
  return {
    id: o.id,
    accountId: o.accountId,
    accountName: o.accountName,
    type: o.type,
    category: o.category,
    title: o.title,
    estimatedArr: o.estimatedArr,
    scores: o.scores,
    tier: o.tier,
    timing: o.timing,
    deadline: o.deadline,
    confidence: o.confidence,
    row: opportunityRow(o),
    ...(expansion ? {} : { playRow: playRow(o, ctx) }),
    ...(firstStep !== undefined ? { firstStep } : {}),
  };
}

/** What the insights read of an account record. */
export const accountFigures = (a: Account): AccountFigures => ({
  id: a.id,
  ...(a.plan !== undefined ? { plan: a.plan } : {}),
  featuresUsed: a.featuresUsed,
  ...(a.segment !== undefined ? { segment: a.segment } : {}),
  ...(a.industry !== undefined ? { industry: a.industry } : {}),
  ticketThemes: a.health?.ticketThemes ?? [],
});

/** The notes of one account (`ctx` as the playbook builds it for that account). */
export function accountNotes(
  s: AccountSummary,
  opportunities: readonly Opportunity[],
  ctx: NarrativeContext,
  withRecords: boolean,
): AccountNotes {
  const notes: AccountNotes = {};
  if (expansionOf(opportunities).length === 0) {
    notes.whyNone = whyNoOpportunities(s, ctx);
    notes.unlock = unlockPlan(s, ctx);
  }
  if (withRecords && s.flags.includes('low_confidence'))
    notes.missing = missingData({ ...ctx, asOf: '1970-01-01' });
  notes.row = summaryRow(s, opportunities, notes);
  return notes;
}

/** The number of a contact list's active contacts. */
export const activeCount = (contacts: readonly Contact[]): number =>
  activeContacts(contacts).length;
