/**
 * `detectPortfolio` tells what `scorePortfolio` would raise without building the opportunities:
 * for every account, in portfolio order, its candidates with the ids, types, categories and
 * evidence of the opportunities scoring gives, in their order. The retro history reads only
 * that (`retroByAccount`), so its items are the ones the scored expansion opportunities give.
 * On a portfolio generated apart from the demo (the foreign generator, read from its files the
 * way a sync reads them), at its run date and as it stood 90 days before.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/config/catalog.js';
import { precisionItem, truncatePortfolio } from '../../src/learning/index.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { Opportunity } from '../../src/model/output.js';
import type { Portfolio } from '../../src/model/records.js';
import { retroByAccount } from '../../src/runtime/learn.js';
import { addDays } from '../../src/scoring/dates.js';
import { DEFAULT_SETTINGS, scorePortfolio } from '../../src/scoring/index.js';
import { portfolioStats } from '../../src/scoring/portfolio-stats.js';
import { detectPortfolio } from '../../src/scoring/score-portfolio.js';
import { readPortfolio } from '../examples/load-portfolio.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';

const settings = DEFAULT_SETTINGS;

/** What the retro history and signal precision read of an opportunity. */
const shape = (o: Pick<Opportunity, 'id' | 'type' | 'category' | 'evidence'>) => ({
  id: o.id,
  type: o.type,
  category: o.category,
  signals: o.evidence.map((e) => e.signal),
});

describe('detectPortfolio', () => {
  let p: ForeignPortfolio;
  let portfolio: Portfolio;
  let catalog: Catalog;
  beforeAll(async () => {
    p = generateForeign({ seed: 71, accounts: 120 });
    portfolio = (await readPortfolio(p.dir)).portfolio;
    catalog = resolveCatalog('config/catalog.yaml', p.dir).catalog;
  });
  afterAll(() => rmSync(p.dir, { recursive: true, force: true }));

  const compare = (input: Portfolio, asOf: string) => {
    const stats = portfolioStats(input.accounts, catalog, settings);
    const scored = scorePortfolio({ portfolio: input, catalog, settings, asOf, stats });
    const detected: { account: string; candidates: ReturnType<typeof shape>[] }[] = [];
    detectPortfolio({ portfolio: input, catalog, settings, asOf, stats }, (account, ranked) =>
      detected.push({
        account: account.id,
        candidates: ranked.map((r) => shape({ id: r.id, ...r.candidate })),
      }),
    );
    const byAccount = new Map(input.accounts.map((a) => [a.id, [] as ReturnType<typeof shape>[]]));
    for (const o of scored.opportunities) byAccount.get(o.accountId)!.push(shape(o));
    expect(detected).toEqual(
      [...byAccount].map(([account, candidates]) => ({ account, candidates })),
    );
    return scored;
  };

  it("gives every account's opportunities as scoring raises them, in their order", () => {
    const scored = compare(portfolio, p.asOf);
    // Something to compare: accounts with several opportunities to order, of both categories.
    const counts = new Map<string, number>();
    for (const o of scored.opportunities)
      counts.set(o.accountId, (counts.get(o.accountId) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n >= 3).length).toBeGreaterThan(10);
    expect(new Set(scored.opportunities.map((o) => o.category)).size).toBeGreaterThan(1);
  });

  it('does so for the portfolio as it stood 90 days before', () => {
    const cutoff = addDays(p.asOf, -90);
    const scored = compare(truncatePortfolio(portfolio, cutoff, { catalog }), cutoff);
    expect(scored.opportunities.length).toBeGreaterThan(50);
  });

  it('makes the retro history from the expansion opportunities scored at the cutoff', () => {
    const retro = retroByAccount(portfolio, catalog, settings, p.asOf);
    const past = truncatePortfolio(portfolio, retro.cutoff, { catalog });
    const { opportunities } = scorePortfolio({
      portfolio: past,
      catalog,
      settings,
      asOf: retro.cutoff,
      stats: retro.stats,
    });
    const won = new Map<string, number>();
    for (const d of portfolio.deals)
      if (d.kind === 'expansion' && d.closed && d.won && d.closeDate! > retro.cutoff)
        if (d.closeDate! <= p.asOf) won.set(d.accountId, (won.get(d.accountId) ?? 0) + d.amount);
    const expected = new Map(past.accounts.map((a) => [a.id, [] as unknown[]]));
    for (const o of opportunities) {
      if (o.category !== 'expansion') continue;
      const amount = won.get(o.accountId);
      const outcome =
        amount === undefined
          ? { outcome: 'lost' as const, amount: 0 }
          : { outcome: 'won' as const, amount };
      expected.get(o.accountId)!.push(precisionItem({ opportunity: o, outcome }));
    }
    expect(new Map([...retro.accounts].map(([id, a]) => [id, a.items]))).toEqual(expected);
    expect([...expected.values()].flat().length).toBeGreaterThan(20);
  });
});
