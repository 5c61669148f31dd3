/**
 * `statsInputs` is what a run that analyzes only the changed accounts compares instead of
 * working the portfolio's statistics out again: two portfolios whose accounts give the same
 * inputs must have the same statistics, and a change the statistics read must change the inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { DEFAULT_SETTINGS } from '../../src/scoring/index.js';
import { portfolioStats, statsInputs } from '../../src/scoring/portfolio-stats.js';
import { portfolioArb } from './arbitraries.js';
import { CATALOG } from './builders.js';

const stats = (accounts: Account[]) =>
  JSON.stringify(portfolioStats(accounts, CATALOG, DEFAULT_SETTINGS));
const inputs = (a: Account) => statsInputs(a, DEFAULT_SETTINGS);

/** Edits of an account; `read` says whether the statistics may read what it changes. */
const EDITS: { name: string; read: boolean; edit: (a: Account) => Account }[] = [
  { name: 'name', read: false, edit: (a) => ({ ...a, name: `${a.name} (renamed)` }) },
  {
    name: 'active seats',
    read: false,
    edit: (a) => (a.seats ? { ...a, seats: { ...a.seats, active: a.seats.active + 7 } } : a),
  },
  {
    name: 'tickets',
    read: false,
    edit: (a) =>
      a.health ? { ...a, health: { ...a.health, tickets90d: (a.health.tickets90d ?? 0) + 3 } } : a,
  },
  { name: 'owner', read: false, edit: (a) => ({ ...a, owner: { id: 'someone-else' } }) },
  {
    name: 'renewal',
    read: false,
    edit: (a) => ({ ...a, contract: { ...a.contract, renewal: '2031-01-01' } }),
  },
  {
    name: 'licensed seats',
    read: true,
    edit: (a) => ({ ...a, seats: { active: 1, licensed: (a.seats?.licensed ?? 0) + 13 } }),
  },
  { name: 'employees', read: true, edit: (a) => ({ ...a, employees: (a.employees ?? 0) + 41 }) },
  { name: 'products', read: true, edit: (a) => ({ ...a, products: [...a.products, 'x_module'] }) },
  { name: 'industry', read: true, edit: (a) => ({ ...a, industry: `${a.industry ?? ''}Z` }) },
  {
    name: 'nps',
    read: true,
    edit: (a) => ({ ...a, health: { ticketThemes: [], ...a.health, nps: -60 } }),
  },
];

/** The generated accounts a dozen times over: cohorts large enough to have benchmarks. */
const cohorts = (accounts: Account[]): Account[] =>
  Array.from({ length: 12 }, (_, k) => accounts.map((a) => ({ ...a, id: `${a.id}-${k}` }))).flat();

describe('statsInputs', () => {
  it('the same inputs give the same statistics, whatever else an account says', () => {
    fc.assert(
      fc.property(portfolioArb, fc.nat(), (p, pick) => {
        const accounts = cohorts(p.accounts);
        if (!accounts.length) return;
        const i = pick % accounts.length;
        for (const { edit, read } of EDITS) {
          const edited = [...accounts];
          edited[i] = edit(accounts[i]!);
          const same = inputs(edited[i]!) === inputs(accounts[i]!);
          if (same) expect(stats(edited)).toBe(stats(accounts));
          if (!read) expect(same).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a change the statistics read changes the inputs', () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        for (const a of p.accounts)
          for (const { edit, read, name } of EDITS)
            if (read) expect(inputs(edit(a)), name).not.toBe(inputs(a));
      }),
      { numRuns: 50 },
    );
  });
});
