import { describe, expect, it } from 'vitest';
import type { Contact, Opportunity } from '../../src/model/index.js';
import { renderPlaybook } from '../../src/narrative/index.js';
import { AS_OF, catalog } from './builders.js';
import {
  dollars,
  headerValue,
  headings,
  lintMarkdown,
  tableAfter,
  tableShapes,
} from './markdown-helpers.js';
import { portfolio } from './portfolio-fixture.js';

function render(
  f = portfolio(),
  extra: Partial<Parameters<typeof renderPlaybook>[0]> = {},
): string {
  const contactsByAccount = new Map<string, Contact[]>();
  for (const c of f.contacts)
    contactsByAccount.set(c.accountId, [...(contactsByAccount.get(c.accountId) ?? []), c]);
  return renderPlaybook({
    opportunities: f.opportunities,
    accounts: f.summaries,
    asOf: AS_OF,
    portfolioName: 'Mid-market book, Q1',
    catalog: catalog(),
    contactsByAccount,
    accountsById: new Map(f.accounts.map((a) => [a.id, a])),
    ...extra,
  });
}

// Independent restatements of the documented rules, so the test does not reuse the code under test.
const sum = (os: Opportunity[]): number => os.reduce((t, o) => t + o.estimatedArr, 0);
const band = (n: number): string =>
  n >= 100_000
    ? '$100K+'
    : n >= 50_000
      ? '$50K-$99K'
      : n >= 25_000
        ? '$25K-$49K'
        : n >= 10_000
          ? '$10K-$24K'
          : 'Under $10K';
function timeline(o: Opportunity): string {
  const days = (Date.parse(o.deadline) - Date.parse(AS_OF)) / 86_400_000;
  const byDate = days <= 30 ? 0 : days <= 90 ? 1 : days <= 180 ? 2 : 3;
  const floor = { now: 0, '30d': 0, '90d': 1, hold: 2 }[o.timing];
  return ['This Month', 'This Quarter', 'Next Quarter', '6+ Months'][
    Math.max(byDate, floor)
  ] as string;
}

describe('renderPlaybook figures', () => {
  const f = portfolio();
  const md = render(f);
  const expansion = f.opportunities.filter((o) => o.category === 'expansion');

  it('header totals agree with the inputs and count expansion only', () => {
    expect(Number(headerValue(md, 'Accounts Analyzed'))).toBe(f.summaries.length);
    expect(dollars(headerValue(md, 'Current Portfolio ARR'))).toBe(
      f.summaries.reduce((t, a) => t + a.arr, 0),
    );
    expect(dollars(headerValue(md, 'Total Expansion Revenue Identified'))).toBe(sum(expansion));
    expect(sum(expansion)).toBeLessThan(sum(f.opportunities)); // the conversion play is not counted
    for (const t of [1, 2]) {
      const tier = expansion.filter((o) => o.tier === t);
      expect(headerValue(md, `Tier ${t} Opportunities`)).toBe(
        `${tier.length} worth $${sum(tier).toLocaleString('en-US')}`,
      );
    }
  });

  it('distribution tables by type, band, timeline and tier agree with the opportunities', () => {
    const byType = tableAfter(md, '### By Type');
    expect(byType).toHaveLength(9);
    expect(byType.reduce((t, r) => t + Number(r[1]), 0)).toBe(expansion.length);
    expect(byType.find((r) => r[0] === 'Seat Expansion')?.slice(1, 3)).toEqual(['1', '$6,480']);
    for (const [rows, key] of [
      [tableAfter(md, '### By Revenue Band'), (o: Opportunity) => band(o.estimatedArr)],
      [tableAfter(md, '### By Timeline'), timeline],
    ] as const)
      for (const r of rows) {
        const mine = expansion.filter((o) => key(o) === r[0]);
        expect([r[0], Number(r[1]), dollars(r[2] as string)]).toEqual([
          r[0],
          mine.length,
          sum(mine),
        ]);
      }
    const byTier = tableAfter(md, '### By Tier');
    byTier.forEach((r, i) => {
      const mine = expansion.filter((o) => o.tier === i + 1);
      const ev = mine.reduce((t, o) => t + (o.estimatedArr * o.scores.likelihood) / 10, 0);
      expect([Number(r[1]), dollars(r[2] as string), dollars(r[3] as string)]).toEqual([
        mine.length,
        sum(mine),
        Math.round(ev),
      ]);
    });
  });

  it('NRR and GRR follow from starting ARR, expected expansion and red-account churn', () => {
    const rows = new Map(
      tableAfter(md, '### Revenue Retention Projection').map((r) => [r[0], r[1] as string]),
    );
    const start = f.summaries.reduce((t, a) => t + a.arr, 0);
    const red = new Set(f.summaries.filter((a) => a.health === 'red').map((a) => a.accountId));
    const exp = expansion
      .filter((o) => !red.has(o.accountId))
      .reduce((t, o) => t + (o.estimatedArr * o.scores.likelihood) / 10, 0);
    const exposure = f.summaries.filter((a) => red.has(a.accountId)).reduce((t, a) => t + a.arr, 0);
    expect(exposure).toBe(9000);
    expect(dollars(rows.get('Expected Expansion') as string)).toBe(Math.round(exp));
    expect(dollars(rows.get('Churn Exposure (red accounts)') as string)).toBe(exposure);
    expect(rows.get('Projected NRR')).toBe(
      `${Math.round(((start - exposure * 0.5 + exp) / start) * 100)}%`,
    );
    expect(rows.get('Projected GRR')).toBe(
      `${Math.round(((start - exposure * 0.5) / start) * 100)}%`,
    );
  });

  it('keeps the sections of the format in order, with plays outside expansion apart', () => {
    const h2 = headings(md, 2);
    const required = [
      'Executive Summary',
      'Tier 1 Opportunities -- Pursue Immediately',
      'Tier 2 Opportunities -- Pursue This Quarter',
      'Tier 3 Opportunities -- Nurture',
      'Account-by-Account Summary',
      'Opportunity Distribution Analysis',
      'Portfolio-Wide Insights',
      'Appendix: Scoring Methodology',
    ];
    expect(required.map((r) => h2.indexOf(r))).toEqual(
      [...required.map((r) => h2.indexOf(r))].sort((a, b) => a - b),
    );
    expect(required.every((r) => h2.includes(r))).toBe(true);
    expect(h2).toContain('Conversion Candidates');
    expect(h2).toContain('Activation Opportunities -- Enablement, Not Upsell');
    expect(headings(md, 3)).toEqual(
      expect.arrayContaining([
        'Patterns',
        'Blockers to Expansion',
        'Recommendations for Leadership',
        'Data Confidence Notes',
      ]),
    );
    expect(md).toContain('Driftwood Labs: scored on partial data');
    const tier1 = md.slice(md.indexOf('## Tier 1'), md.indexOf('## Tier 2'));
    expect(tier1).not.toContain('Convert the trial');
  });

  it('summarises every account, explaining those without opportunities', () => {
    const section = md.slice(
      md.indexOf('## Account-by-Account Summary'),
      md.indexOf('## Opportunity Distribution'),
    );
    for (const s of f.summaries) expect(section).toContain(`### ${s.name}`);
    const fjord = section.slice(section.indexOf('### Fjord Media'));
    expect(fjord).toMatch(/\*\*Why No Opportunities\*\*: .+/);
    expect(fjord).toMatch(/\*\*What Would Unlock Expansion\*\*: .+/);
    const cobalt = section.slice(section.indexOf('### Cobalt Retail'));
    expect(cobalt).toContain('Health issues must be resolved first');
  });

  it('passes markdownlint with the documented configuration', () => {
    expect(lintMarkdown(md)).toEqual([]);
    for (const t of tableShapes(md)) for (const r of t.rows) expect(r).toBe(t.header);
  });
});

describe('renderPlaybook from the output files alone', () => {
  it('renders opportunities.json and accounts.json without the neutral records, still lint-clean', () => {
    const f = portfolio();
    const md = renderPlaybook({
      opportunities: f.opportunities,
      accounts: f.summaries,
      asOf: AS_OF,
      portfolioName: 'Files only',
      catalog: catalog(),
    });
    expect(lintMarkdown(md)).toEqual([]);
    expect(dollars(headerValue(md, 'Total Expansion Revenue Identified'))).toBe(
      sum(f.opportunities.filter((o) => o.category === 'expansion')),
    );
    expect(md).toContain('Not measurable: the playbook was rendered without account records.');
  });
});
