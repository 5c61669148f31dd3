/**
 * `expansion-playbook.md`: every section of seed 004's format, in its order, with the plays
 * outside expansion (activation, conversion, stabilization, champion) in their own sections so
 * they never inflate the expansion totals. Linear in the number of opportunities and accounts
 * apart from sorting; long lists degrade to tables past `limits`.
 */
import type { Opportunity } from '../model/index.js';
import { accountFromSummary } from './context.js';
import { forecastPortfolio } from './forecast.js';
import { money, plural } from './format.js';
import { blocks, bullets, escapeMd } from './markdown.js';
import { confidenceNotes, recommendations } from './leadership.js';
import { blockers, patterns, type InsightInput, type Item } from './insights.js';
import { renderAccountSummaries } from './playbook-accounts.js';
import { renderAppendix } from './playbook-appendix.js';
import { renderDistribution } from './playbook-distribution.js';
import {
  opportunityTable,
  playTable,
  renderTier1,
  renderTier2,
  type ContextOf,
} from './playbook-opportunities.js';
import { renderExecutiveSummary, renderHeader } from './playbook-summary.js';
import type { NarrativeContext, PlaybookInput } from './types.js';

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

const items = (xs: Item[]): string => bullets(xs.map((x) => `**${x.label}**: ${escapeMd(x.text)}`));

export function renderPlaybook(input: PlaybookInput): string {
  const limits = { tier1Full: 50, tier2Brief: 100, accountBlocks: 200, ...input.limits };
  const settings = input.settings ?? {};
  const byAccount = new Map<string, Opportunity[]>();
  for (const o of input.opportunities) {
    const list = byAccount.get(o.accountId);
    if (list) list.push(o);
    else byAccount.set(o.accountId, [o]);
  }
  const summaries = new Map(input.accounts.map((s) => [s.accountId, s]));
  const contextOf: ContextOf = (id) => {
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
    return ctx;
  };
  const forecast = forecastPortfolio({
    opportunities: input.opportunities,
    accounts: input.accounts,
    settings,
    asOf: input.asOf,
  });
  const expansion = input.opportunities
    .filter((o) => o.category === 'expansion')
    .sort(
      (a, b) =>
        a.tier - b.tier || b.scores.composite - a.scores.composite || a.id.localeCompare(b.id),
    );
  const tier = (t: number): Opportunity[] => expansion.filter((o) => o.tier === t);
  const [t1, t2, t3] = [tier(1), tier(2), tier(3)];
  const low = expansion.filter((o) => o.tier >= 4);
  const insight: InsightInput = {
    opportunities: input.opportunities,
    accounts: input.accounts,
    forecast,
    catalog: input.catalog,
    ...(input.accountsById && { accountsById: input.accountsById }),
    ...(input.contactsByAccount && { contactsByAccount: input.contactsByAccount }),
  };

  const overflow = (rest: Opportunity[], what: string): string | undefined =>
    rest.length
      ? blocks(`${rest.length} more ${what} in brief:`, opportunityTable(rest, 'Deadline'))
      : undefined;
  const sections = [
    renderHeader(forecast, input.asOf, input.portfolioName),
    renderExecutiveSummary({ forecast, accounts: input.accounts, expansion, contextOf, settings }),
    blocks(
      '## Tier 1 Opportunities -- Pursue Immediately',
      t1.length
        ? 'Sorted by composite score. Assign and act on these this week.'
        : 'No Tier 1 opportunity in this portfolio.',
      t1
        .slice(0, limits.tier1Full)
        .map((o) => renderTier1(o, contextOf(o.accountId)))
        .join(`\n\n${RULE}\n\n`),
      overflow(t1.slice(limits.tier1Full), 'Tier 1 opportunities'),
    ),
    blocks(
      '## Tier 2 Opportunities -- Pursue This Quarter',
      t2.length ? undefined : 'No Tier 2 opportunity in this portfolio.',
      ...t2.slice(0, limits.tier2Brief).map((o) => renderTier2(o, contextOf(o.accountId))),
      overflow(t2.slice(limits.tier2Brief), 'Tier 2 opportunities'),
    ),
    blocks(
      '## Tier 3 Opportunities -- Nurture',
      t3.length ? opportunityTable(t3) : 'No Tier 3 opportunity in this portfolio.',
      low.length
        ? `${plural(low.length, 'further expansion opportunity', 'further expansion opportunities')} worth ${money(low.reduce((s, o) => s + o.estimatedArr, 0))} scored Tier 4 or 5 (monitor, deprioritize); they are listed in opportunities.json.`
        : undefined,
    ),
    ...PLAYS.map(([category, title, intro]) => {
      const plays = input.opportunities.filter((o) => o.category === category);
      return blocks(
        `## ${title}`,
        intro,
        plays.length ? playTable(plays, contextOf) : 'None in this portfolio.',
      );
    }),
    blocks(
      '## Account-by-Account Summary',
      renderAccountSummaries(input.accounts, byAccount, contextOf, limits.accountBlocks),
    ),
    renderDistribution(forecast),
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
    ...(input.extraSections ?? []).map((s) => blocks(`## ${escapeMd(s.title)}`, s.markdown)),
    renderAppendix(forecast, settings, confidenceNotes(insight, settings.lowConfidence ?? 0.5)),
  ];
  return `${sections.join(`\n\n${RULE}\n\n`)}\n`;
}
