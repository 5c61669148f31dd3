/**
 * `expansion-playbook.md`: every section of seed 004's format, in its order, with the plays
 * outside expansion (activation, conversion, stabilization, champion) in their own sections so
 * they never inflate the expansion totals. Linear in the number of opportunities and accounts
 * apart from sorting; long lists degrade to tables past `limits`.
 *
 * Rendered in two steps: the facts of each account and opportunity (`playbook-facts.ts`: what
 * needs that account's records), then the document from the facts alone, except the few
 * opportunities written out in full (Tier 1 and Tier 2 up to the limits), which it asks for
 * (`PlaybookDetails`). A run that analyzed only the accounts that changed renders from the
 * other accounts' facts as the last run left them.
 */
import type { AccountSummary, Opportunity } from '../model/index.js';
import { byCodeUnit } from '../output/id-order.js';
import { accountFromSummary } from './context.js';
import { forecastPortfolio } from './forecast.js';
import { money, plural } from './format.js';
import { blockParts, blocks, bullets, escapeMd } from './markdown.js';
import { confidenceNotes, recommendations } from './leadership.js';
import { blockers, patterns, type InsightInput, type Item } from './insights.js';
import { mergeSorted } from './order.js';
import {
  bySummaryOrder,
  renderAccountSummaries,
  summaryRowOf,
  summaryRows,
  type SummaryRow,
} from './playbook-accounts.js';
import { renderAppendix } from './playbook-appendix.js';
import { renderDistribution } from './playbook-distribution.js';
import {
  accountFigures,
  accountNotes,
  activeCount,
  opportunityFacts,
  type OpportunityFacts,
  type PlaybookFacts,
} from './playbook-facts.js';
import { opportunityTable, playTable, renderTier1, renderTier2 } from './playbook-opportunities.js';
import { renderExecutiveSummary, renderHeader } from './playbook-summary.js';
import type { ForecastSettings, NarrativeContext, PlaybookInput, PlaybookLimits } from './types.js';

const RULE = '---';
const PLAYS = [
  [
    'activation',
    'Activation Opportunities -- Enablement, Not Upsell',
    'These customers are not using what they already pay for. The play is enablement; do not pitch more until adoption holds.',
  ],
  [
    'conversion',
    'Conversion Candidates',
    'Trial and free accounts, scored on the likelihood of converting to paid. Not counted as expansion.',
  ],
  [
    'stabilization',
    'Stabilization -- Fix Before Expanding',
    'At-risk accounts. No expansion pitch: the first priority is the fix plan.',
  ],
  [
    'champion',
    'Champion Follow-up',
    'A champion has left: stabilize the account and follow the champion to their new company.',
  ],
] as const;

/** `localeCompare` without its cost per call: the same collator, made once. */
const collate = new Intl.Collator().compare;

const items = (xs: Item[]): string => bullets(xs.map((x) => `**${x.label}**: ${escapeMd(x.text)}`));

/** What the playbook reads of the run besides the facts. */
export interface PlaybookOptions {
  asOf: string;
  portfolioName: string;
  catalog: PlaybookInput['catalog'];
  extraSections?: { title: string; markdown: string }[] | undefined;
  settings?: ForecastSettings | undefined;
  limits?: PlaybookLimits | undefined;
}

/** The opportunities written out in full, with their accounts' context. */
export interface PlaybookDetails {
  opportunity(id: string): Opportunity;
  context(accountId: string): NarrativeContext;
}

const limitsOf = (limits: PlaybookLimits | undefined): Required<PlaybookLimits> => ({
  tier1Full: 50,
  tier2Brief: 100,
  accountBlocks: 200,
  ...limits,
});

/** Playbook order: by tier, best score first, then by id (collated, then by code unit: a total
 * order, so two sorted lists merge into the sort of both, `mergeSorted`). A cached opportunity
 * decodes its id once, on the first tie that reads it. */
const byPlaybookOrder = (a: OpportunityFacts, b: OpportunityFacts): number =>
  a.tier - b.tier ||
  b.scores.composite - a.scores.composite ||
  collate(a.id, b.id) ||
  byCodeUnit(a.id, b.id);

/** The orders the playbook lists expansion opportunities and accounts in. A run that analyzed
 * only the accounts that changed works out the others' ahead (`playbookOrder` over the last
 * run's facts), drops the changed accounts' (`withoutAccounts`) and merges in theirs
 * (`mergePlaybookOrders`): the same orders as sorting everything, without the sort. */
export interface PlaybookOrder {
  expansion: readonly OpportunityFacts[];
  accounts: readonly SummaryRow[];
}

/** The orders of some accounts, each with its opportunities. */
export function playbookOrder(
  accounts: readonly { summary: AccountSummary; opportunities: readonly OpportunityFacts[] }[],
): PlaybookOrder {
  return {
    expansion: rankExpansion(accounts.flatMap((a) => a.opportunities)),
    accounts: summaryRows(
      accounts.map((a) => a.summary),
      new Map(accounts.map((a) => [a.summary.accountId, a.opportunities])),
    ),
  };
}

/** The orders of some accounts as given (`positions`: their expansion opportunities by where
 * each stands among all the accounts' opportunities, the accounts by where each stands among
 * them), as a run left them (`output/results-cache/order.ts`): no sort. */
export function playbookOrderAt(
  accounts: readonly { summary: AccountSummary; opportunities: readonly OpportunityFacts[] }[],
  positions: { expansion: ArrayLike<number>; accounts: ArrayLike<number> },
): PlaybookOrder {
  const all = accounts.flatMap((a) => a.opportunities);
  const expansion = Array.from(positions.expansion, (k) => all[k]!);
  const rows = Array.from(positions.accounts, (k) => {
    const a = accounts[k]!;
    return summaryRowOf(a.summary, a.opportunities);
  });
  return { expansion, accounts: rows };
}

/** The orders of a playbook's facts, sorted. */
export const factsOrder = (facts: PlaybookFacts): PlaybookOrder => ({
  expansion: rankExpansion(facts.opportunities),
  accounts: accountRows(facts),
});

/** The accounts' rows in the summary's order, worked out from the facts. */
function accountRows(facts: PlaybookFacts): SummaryRow[] {
  const byAccount = new Map<string, OpportunityFacts[]>();
  for (const o of facts.opportunities) {
    const list = byAccount.get(o.accountId);
    if (list) list.push(o);
    else byAccount.set(o.accountId, [o]);
  }
  return summaryRows(facts.accounts, byAccount);
}

function rankExpansion(opportunities: readonly OpportunityFacts[]): OpportunityFacts[] {
  return opportunities.filter((o) => o.category === 'expansion').sort(byPlaybookOrder);
}

/** The orders without the given accounts and their opportunities. */
export function withoutAccounts(order: PlaybookOrder, ids: ReadonlySet<string>): PlaybookOrder {
  return {
    expansion: order.expansion.filter((o) => !ids.has(o.accountId)),
    accounts: order.accounts.filter((r) => !ids.has(r.s.accountId)),
  };
}

/**
 * `withoutAccounts` for orders made by `playbookOrderAt` from these positions, the accounts
 * given by their index among `accounts`: the same orders, worked out from the positions without
 * reading the orders' objects. At 100k accounts those are 300k objects scattered over a heap of
 * gigabytes, and reading each to find its account cost 0.4 s.
 */
export function withoutAccountsAt(
  order: PlaybookOrder,
  positions: { expansion: ArrayLike<number>; accounts: ArrayLike<number> },
  accounts: readonly { opportunities: readonly unknown[] }[],
  drop: Iterable<number>,
): PlaybookOrder {
  const dropped = new Uint8Array(accounts.length);
  for (const i of drop) dropped[i] = 1;
  // The account of each opportunity, by its place among all the accounts' opportunities.
  let all = 0;
  for (const a of accounts) all += a.opportunities.length;
  const owner = new Uint32Array(all);
  let at = 0;
  accounts.forEach((a, i) => {
    owner.fill(i, at, at + a.opportunities.length);
    at += a.opportunities.length;
  });
  return {
    expansion: order.expansion.filter((_, j) => !dropped[owner[positions.expansion[j]!]!]),
    accounts: order.accounts.filter((_, j) => !dropped[positions.accounts[j]!]),
  };
}

/** The orders of two sets of accounts, merged. */
export const mergePlaybookOrders = (a: PlaybookOrder, b: PlaybookOrder): PlaybookOrder => ({
  expansion: mergeSorted(a.expansion, b.expansion, byPlaybookOrder),
  accounts: mergeSorted(a.accounts, b.accounts, bySummaryOrder),
});

/**
 * Expansion opportunities in playbook order; the one given with the facts when there is one.
 * Worked out once per opportunities array (facts are not changed once made): the details and
 * the playbook both ask, and a large portfolio has hundreds of thousands.
 */
const ranked = new WeakMap<readonly OpportunityFacts[], readonly OpportunityFacts[]>();
function expansionOrder(
  facts: Pick<PlaybookFacts, 'opportunities' | 'order'>,
): readonly OpportunityFacts[] {
  const known = ranked.get(facts.opportunities);
  if (known) return known;
  const order = facts.order?.expansion ?? rankExpansion(facts.opportunities);
  ranked.set(facts.opportunities, order);
  return order;
}

/** The opportunities `renderPlaybookFacts` writes out in full, for their details. */
export function detailedOpportunities(
  facts: Pick<PlaybookFacts, 'opportunities' | 'order'>,
  limits?: PlaybookLimits,
): OpportunityFacts[] {
  const l = limitsOf(limits);
  const expansion = expansionOrder(facts);
  return [
    ...expansion.filter((o) => o.tier === 1).slice(0, l.tier1Full),
    ...expansion.filter((o) => o.tier === 2).slice(0, l.tier2Brief),
  ];
}

/** The context an account's narratives read, as the playbook builds it from its input. */
function contextsOf(input: PlaybookInput, byAccount: Map<string, Opportunity[]>) {
  const summaries = new Map(input.accounts.map((s) => [s.accountId, s]));
  const cache = new Map<string, NarrativeContext>();
  return (id: string): NarrativeContext => {
    const known = cache.get(id);
    if (known) return known;
    const summary = summaries.get(id);
    const account =
      input.accountsById?.get(id) ??
      accountFromSummary(
        summary ?? {
          accountId: id,
          name: id,
          arr: 0,
          health: 'green',
          healthReasons: [],
          readiness: 'not_ready',
          bestScore: 0,
          bestTier: 0,
          potentialArr: 0,
          opportunityCount: 0,
          flags: [],
        },
        input.catalog.currency,
      );
    const ctx: NarrativeContext = {
      account,
      contacts: input.contactsByAccount?.get(id) ?? [],
      catalog: input.catalog,
      asOf: input.asOf,
      opportunities: byAccount.get(id) ?? [],
    };
    cache.set(id, ctx);
    return ctx;
  };
}

/** The facts of a whole playbook input, and the details for what it writes out in full. */
export function playbookFacts(input: PlaybookInput): {
  facts: PlaybookFacts;
  details: PlaybookDetails;
} {
  const byAccount = new Map<string, Opportunity[]>();
  const byId = new Map<string, Opportunity>();
  for (const o of input.opportunities) {
    byId.set(o.id, o);
    const list = byAccount.get(o.accountId);
    if (list) list.push(o);
    else byAccount.set(o.accountId, [o]);
  }
  const contextOf = contextsOf(input, byAccount);
  const withRecords = input.accountsById !== undefined;
  const facts: PlaybookFacts = {
    opportunities: input.opportunities.map((o) => opportunityFacts(o, contextOf(o.accountId))),
    accounts: input.accounts,
    ...(input.accountsById
      ? { records: [...input.accountsById].map(([id, a]) => ({ ...accountFigures(a), id })) }
      : {}),
    ...(input.contactsByAccount
      ? {
          activeContacts: new Map(
            [...input.contactsByAccount].map(([id, cs]) => [id, activeCount(cs)]),
          ),
        }
      : {}),
    notes: new Map(
      input.accounts.map((s) => [
        s.accountId,
        accountNotes(s, byAccount.get(s.accountId) ?? [], contextOf(s.accountId), withRecords),
      ]),
    ),
  };
  const details: PlaybookDetails = {
    opportunity: (id) => byId.get(id)!,
    context: contextOf,
  };
  return { facts, details };
}

export function renderPlaybook(input: PlaybookInput): string {
  const { facts, details } = playbookFacts(input);
  return renderPlaybookFacts(facts, input, details);
}

/** The playbook from its facts, and the details of what it writes out in full. */
export function renderPlaybookFacts(
  facts: PlaybookFacts,
  input: PlaybookOptions,
  details: PlaybookDetails,
): string {
  return playbookPieces(facts, input, details).join('');
}

/** The playbook as pieces to write one after the other (its sections and what separates
 * them): a 100k-account playbook is written without one more copy of it all. */
export function playbookPieces(
  facts: PlaybookFacts,
  input: PlaybookOptions,
  details: PlaybookDetails,
): string[] {
  return playbookDraft(facts, input).finish(details);
}

/** The playbook without the opportunities it writes out in full (`detailedOpportunities`),
 * which `finish` adds. */
export interface PlaybookDraft {
  finish(details: PlaybookDetails): string[];
}

export function playbookDraft(facts: PlaybookFacts, input: PlaybookOptions): PlaybookDraft {
  const steps = draftSteps(facts, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, a section at a time with `turn` awaited between them: the patch of the output files
 * (`runtime/playbook-job.ts`) works it out while the run stores its results, so the store's
 * answers get in meanwhile. The details are read from the store after that.
 */
export async function playbookDraftInTurns(
  facts: PlaybookFacts,
  input: PlaybookOptions,
  turn: () => Promise<void>,
): Promise<PlaybookDraft> {
  const steps = draftSteps(facts, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await turn();
  }
}

function* draftSteps(
  facts: PlaybookFacts,
  input: PlaybookOptions,
): Generator<undefined, PlaybookDraft> {
  const limits = limitsOf(input.limits);
  const settings = input.settings ?? {};
  // Each play's opportunities, in the facts' order.
  const byCategory = new Map<string, OpportunityFacts[]>();
  for (const o of facts.opportunities) {
    const list = byCategory.get(o.category);
    if (list) list.push(o);
    else byCategory.set(o.category, [o]);
  }
  const forecast = forecastPortfolio({
    opportunities: facts.opportunities,
    accounts: facts.accounts,
    settings,
    asOf: input.asOf,
  });
  const expansion = expansionOrder(facts);
  yield;
  const t1: OpportunityFacts[] = [];
  const t2: OpportunityFacts[] = [];
  const t3: OpportunityFacts[] = [];
  const low: OpportunityFacts[] = [];
  for (const o of expansion) {
    if (o.tier === 1) t1.push(o);
    else if (o.tier === 2) t2.push(o);
    else if (o.tier === 3) t3.push(o);
    else if (o.tier >= 4) low.push(o);
  }
  const insight: InsightInput = {
    opportunities: facts.opportunities,
    accounts: facts.accounts,
    forecast,
    catalog: input.catalog,
    ...(facts.records && { accountsById: new Map(facts.records.map((a) => [a.id, a])) }),
    ...(facts.activeContacts && { activeContacts: facts.activeContacts }),
  };

  // The sections with tables of a row per opportunity or account are kept as pieces
  // (`blockParts`): at 100k accounts they are most of the 95 MB.
  const overflow = (rest: OpportunityFacts[], what: string): string[] | undefined =>
    rest.length
      ? blockParts(`${rest.length} more ${what} in brief:`, opportunityTable(rest, 'Deadline'))
      : undefined;
  // Each section made in its turn; the two written from the details, made last.
  type Detailed = (details: PlaybookDetails) => string[];
  const steps: (() => string | string[] | Detailed)[] = [
    () => renderHeader(forecast, input.asOf, input.portfolioName),
    () => renderExecutiveSummary({ forecast, accounts: facts.accounts, expansion, settings }),
    () => {
      const more = overflow(t1.slice(limits.tier1Full), 'Tier 1 opportunities');
      return (details) =>
        blockParts(
          '## Tier 1 Opportunities -- Pursue Immediately',
          t1.length
            ? 'Sorted by composite score. Assign and act on these this week.'
            : 'No Tier 1 opportunity in this portfolio.',
          t1
            .slice(0, limits.tier1Full)
            .map((o) => renderTier1(details.opportunity(o.id), details.context(o.accountId)))
            .join(`\n\n${RULE}\n\n`),
          more,
        );
    },
    () => {
      const more = overflow(t2.slice(limits.tier2Brief), 'Tier 2 opportunities');
      return (details) =>
        blockParts(
          '## Tier 2 Opportunities -- Pursue This Quarter',
          t2.length ? undefined : 'No Tier 2 opportunity in this portfolio.',
          ...t2
            .slice(0, limits.tier2Brief)
            .map((o) => renderTier2(details.opportunity(o.id), details.context(o.accountId))),
          more,
        );
    },
    () =>
      blockParts(
        '## Tier 3 Opportunities -- Nurture',
        t3.length ? opportunityTable(t3) : 'No Tier 3 opportunity in this portfolio.',
        low.length
          ? `${plural(low.length, 'further expansion opportunity', 'further expansion opportunities')} worth ${money(low.reduce((s, o) => s + o.estimatedArr, 0))} scored Tier 4 or 5 (monitor, deprioritize); they are listed in opportunities.json.`
          : undefined,
      ),
    ...PLAYS.map(([category, title, intro]) => () => {
      const plays = byCategory.get(category) ?? [];
      return blockParts(
        `## ${title}`,
        intro,
        plays.length ? playTable(plays) : 'None in this portfolio.',
      );
    }),
    () =>
      blockParts(
        '## Account-by-Account Summary',
        renderAccountSummaries(
          facts.order?.accounts ?? accountRows(facts),
          facts.notes,
          limits.accountBlocks,
        ),
      ),
    () => renderDistribution(forecast),
    () =>
      blocks(
        '## Portfolio-Wide Insights',
        '### Patterns',
        items(patterns(insight)),
        '### Blockers to Expansion',
        items(blockers(insight)),
        '### Recommendations for Leadership',
        recommendations(insight, input.asOf)
          .map((x, i) => `${i + 1}. **${x.label}**: ${escapeMd(x.text)}`)
          .join('\n'),
      ),
    ...(input.extraSections ?? []).map((s) => () => blocks(`## ${escapeMd(s.title)}`, s.markdown)),
    () =>
      renderAppendix(
        forecast,
        settings,
        confidenceNotes(insight, facts.notes, settings.lowConfidence ?? 0.5),
      ),
  ];
  const sections: (string | string[] | Detailed)[] = [];
  for (const step of steps) {
    sections.push(step());
    yield;
  }
  return {
    finish(details) {
      const pieces: string[] = [];
      for (const [i, section] of sections.entries()) {
        const s = typeof section === 'function' ? section(details) : section;
        pieces.push(i ? `\n\n${RULE}\n\n` : '');
        if (typeof s === 'string') pieces.push(s);
        else for (const piece of s) pieces.push(piece);
      }
      pieces.push('\n');
      return pieces;
    },
  };
}
