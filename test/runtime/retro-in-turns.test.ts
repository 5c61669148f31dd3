/**
 * The retro history a run's output files need (`retroByAccount`: the portfolio scored as it
 * stood 90 days ago, and which accounts expanded since), worked out a share of the accounts at a
 * time while the run stores its results (`retroInTurns`), is the one a single pass gives: on a
 * portfolio generated apart from the demo (the foreign generator, read from its files the way
 * a sync reads them), for shares that split the accounts unevenly. It can be called off.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/config/catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { Portfolio } from '../../src/model/records.js';
import { retroByAccount, retroInTurns, type Retro } from '../../src/runtime/learn.js';
import { addDays } from '../../src/scoring/dates.js';
import { DEFAULT_SETTINGS } from '../../src/scoring/index.js';
import { readPortfolio } from '../examples/load-portfolio.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';

const settings = DEFAULT_SETTINGS;
/** What the output files and the cache read of a retro history, as plain data. */
const plain = (r: Retro) => ({
  cutoff: r.cutoff,
  stats: JSON.stringify(r.stats),
  accounts: [...r.accounts],
});

describe('retroInTurns', () => {
  let p: ForeignPortfolio;
  let portfolio: Portfolio;
  let catalog: Catalog;
  let once: Retro;
  beforeAll(async () => {
    p = generateForeign({ seed: 43, accounts: 90 });
    const read = (await readPortfolio(p.dir)).portfolio;
    catalog = resolveCatalog('config/catalog.yaml', p.dir).catalog;
    // The generator dates its expansion deals outside the last 90 days: one in five accounts
    // that would have raised an expansion then wins one 20 days ago, so both outcomes occur.
    const raised = [...retroByAccount(read, catalog, settings, p.asOf).accounts]
      .filter(([, a]) => a.items.length)
      .map(([id]) => id);
    const template = read.deals.find((d) => d.kind === 'expansion' && d.closed && d.won)!;
    const recent = raised
      .filter((_, i) => i % 5 === 0)
      .map((accountId, i) => ({
        ...template,
        id: `${template.id}-recent-${i}`,
        accountId,
        closeDate: addDays(p.asOf, -20),
      }));
    portfolio = { ...read, deals: [...read.deals, ...recent] };
    once = retroByAccount(portfolio, catalog, settings, p.asOf);
  });
  afterAll(() => rmSync(p.dir, { recursive: true, force: true }));

  it('gives what one pass gives, whatever the share of accounts a turn', async () => {
    // Something to compare: accounts that were customers at the cutoff, and items both won
    // and lost.
    const items = [...once.accounts.values()].flatMap((a) => a.items);
    expect(once.accounts.size).toBeGreaterThan(40);
    expect(new Set(items.map((i) => i.outcome?.outcome))).toEqual(new Set(['won', 'lost']));
    for (const turn of [1, 7, 89, 2000]) {
      const inTurns = await retroInTurns(portfolio, catalog, settings, p.asOf, { turn });
      expect(plain(inTurns)).toEqual(plain(once));
    }
  });

  it('stops at the next turn once called off', async () => {
    const stop = new AbortController();
    const running = retroInTurns(portfolio, catalog, settings, p.asOf, {
      turn: 5,
      signal: stop.signal,
    });
    stop.abort();
    await expect(running).rejects.toThrow(/abort/i);
  });
});
