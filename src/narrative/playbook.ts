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
import type { Opportunity } from '../model/index.js';
import { accountFromSummary } from './context.js';
import { forecastPortfolio } from './forecast.js';
import { money, plural } from './format.js';
import { blockParts, blocks, bullets, escapeMd } from './markdown.js';
import { confidenceNotes, recommendations } from './leadership.js';
import { blockers, patterns, type InsightInput, type Item } from './insights.js';
import { renderAccountSummaries } from './playbook-accounts.js';
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

/**
 * Expansion opportunities in playbook order: by tier, best score first, then by id. Each one's
 * keys are read once before sorting (a cached opportunity's id is decoded text), and the
 * ranking is worked out once per opportunities array (facts are not changed once made): the
 * details and the playbook both ask, and a large portfolio has hundreds of thousands.
 */
const ranked = new WeakMap<readonly OpportunityFacts[], OpportunityFacts[]>();
function expansionOrder(opportunities: readonly OpportunityFacts[]): OpportunityFacts[] {
  const known = ranked.get(opportunities);
  if (known) return known;
  const keyed = opportunities
    .filter((o) => o.category === 'expansion')
    .map((o) => ({ o, tier: o.tier, composite: o.scores.composite, id: o.id }));
  keyed.sort((a, b) => a.tier - b.tier || b.composite - a.composite || collate(a.id, b.id));
  const order = keyed.map((k) => k.o);
  ranked.set(opportunities, order);
  return order;
}

/** The opportunities `renderPlaybookFacts` writes out in full: their ids, for the details. */
export function detailedOpportunities(
  facts: Pick<PlaybookFacts, 'opportunities'>,
  limits?: PlaybookLimits,
): string[] {
  const l = limitsOf(limits);
  const expansion = expansionOrder(facts.opportunities);
  return [
    ...expansion.filter((o) => o.tier === 1).slice(0, l.tier1Full),
    ...expansion.filter((o) => o.tier === 2).slice(0, l.tier2Brief),
  ].map((o) => o.id);
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
  const byAccount = new Map<string, OpportunityFacts[]>();
  for (const o of facts.opportunities) {
    const list = byAccount.get(o.accountId);
    if (list) list.push(o);
    else byAccount.set(o.accountId, [o]);
  }
  const forecast = forecastPortfolio({
    opportunities: facts.opportunities,
    accounts: facts.accounts,
    settings,
    asOf: input.asOf,
  });
  const expansion = expansionOrder(facts.opportunities);
  yield;
  const tier = (t: number): OpportunityFacts[] => expansion.filter((o) => o.tier === t);
  const [t1, t2, t3] = [tier(1), tier(2), tier(3)];
  const low = expansion.filter((o) => o.tier >= 4);
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
      const plays = facts.opportunities.filter((o) => o.category === category);
      return blockParts(
        `## ${title}`,
        intro,
        plays.length ? playTable(plays) : 'None in this portfolio.',
      );
    }),
    () =>
      blockParts(
        '## Account-by-Account Summary',
        renderAccountSummaries(facts.accounts, byAccount, facts.notes, limits.accountBlocks),
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
