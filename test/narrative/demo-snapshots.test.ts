/**
 * The narratives on the bundled demo portfolio, as an account executive reads them: a Tier 1
 * opportunity's talking track, a red account's stabilization plan and a departed champion's plan
 * are pinned as snapshots (review a diff like copy: it is what a CSM will say), and the whole
 * generated playbook passes markdownlint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import { readFilesPortfolio } from '../../src/learning/read-files-portfolio.js';
import { CatalogSchema, type Catalog } from '../../src/model/catalog.js';
import type { AccountSummary, Opportunity } from '../../src/model/output.js';
import type { Portfolio } from '../../src/model/records.js';
import {
  championPlan,
  renderAccountPlaybook,
  renderChampionPlanMarkdown,
  renderPlaybook,
} from '../../src/narrative/index.js';
import { analyze, groupBy } from '../../src/pipeline/analyze.js';
import { ScoringSettingsSchema } from '../../src/scoring/index.js';
import { lintMarkdown } from './markdown-helpers.js';

const AS_OF = '2026-11-24';
let portfolio: Portfolio;
let catalog: Catalog;
let opportunities: Opportunity[];
let accounts: AccountSummary[];

beforeAll(async () => {
  ({ portfolio } = await readFilesPortfolio('examples/demo', 'mappings/files.yaml', 'demo'));
  catalog = loadYamlFile(CatalogSchema, 'config/catalog.yaml');
  const settings = loadYamlFile(ScoringSettingsSchema, 'config/scoring.yaml');
  ({ opportunities, accounts } = analyze(portfolio, AS_OF, { catalog, settings }));
});

const accountOf = (id: string) => portfolio.accounts.find((a) => a.id === id)!;
const contactsOf = (id: string) => portfolio.contacts.filter((c) => c.accountId === id);
const context = (id: string) => ({
  account: accountOf(id),
  summary: accounts.find((s) => s.accountId === id)!,
  contacts: contactsOf(id),
  catalog,
  asOf: AS_OF,
  opportunities: opportunities.filter((o) => o.accountId === id),
});

describe('narratives on the demo portfolio', () => {
  it('the best Tier 1 opportunity: talking track, approach and objections', () => {
    const top = opportunities
      .filter((o) => o.category === 'expansion' && o.tier === 1)
      .sort((a, b) => b.scores.composite - a.scores.composite || a.id.localeCompare(b.id))[0]!;
    expect(top).toBeDefined();
    // It opens with the customer's own numbers, taken from the evidence.
    const firstNumber = top.evidence.find((e) => /\d/.test(e.text))!.text;
    expect(top.pitch).toContain(firstNumber.split(' ')[0]!);
    expect({
      account: top.accountName,
      title: top.title,
      evidence: top.evidence.map((e) => e.text),
      pitch: top.pitch,
      approach: top.approach,
      objections: top.objections,
    }).toMatchSnapshot();
  });

  it('a red account: stabilization, no expansion pitch, and what would unlock it', () => {
    const red = accounts
      .filter((a) => a.health === 'red')
      .sort((a, b) => b.arr - a.arr || a.accountId.localeCompare(b.accountId))[0]!;
    const own = opportunities.filter((o) => o.accountId === red.accountId);
    expect(own.some((o) => o.category === 'expansion')).toBe(false);
    expect(own.some((o) => o.type === 'stabilization')).toBe(true);
    expect(renderAccountPlaybook(context(red.accountId))).toMatchSnapshot();
  });

  it('a departed champion: risk, stabilizing actions, the new company and a new champion in 60 days', () => {
    const left = portfolio.contacts
      .filter((c) => c.status === 'left' && c.movedTo && c.roles.includes('champion'))
      .sort((a, b) => a.id.localeCompare(b.id))[0]!;
    expect(left).toBeDefined();
    const markdown = renderChampionPlanMarkdown(championPlan(left, context(left.accountId)));
    expect(markdown).toContain(left.movedTo!.company);
    // A new champion within 60 days of the as-of date.
    expect(markdown).toContain('## A new champion by Jan 23, 2027');
    expect(markdown).toMatchSnapshot();
  });

  it('the portfolio playbook passes markdownlint', () => {
    const playbook = renderPlaybook({
      opportunities,
      accounts,
      asOf: AS_OF,
      portfolioName: 'demo',
      catalog,
      accountsById: new Map(portfolio.accounts.map((a) => [a.id, a])),
      contactsByAccount: groupBy(portfolio.contacts, (c) => c.accountId),
    });
    expect(lintMarkdown(playbook)).toEqual([]);
  });
});
