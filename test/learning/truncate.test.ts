/**
 * No leakage: what a backtest scores at a cutoff must be identical whether or not the world went
 * on to produce post-cutoff events, including the ones that rewrite today's account snapshot.
 */
import { describe, expect, it } from 'vitest';
import { backtest, type ScoreFn } from '../../src/learning/backtest.js';
import { truncatePortfolio } from '../../src/learning/truncate.js';
import type { Contact, Portfolio } from '../../src/model/index.js';
import { DEFAULT_SETTINGS, scorePortfolio, type ScoringSettings } from '../../src/scoring/index.js';
import { catalog, dealOf, makeAccount, makeOpportunity } from './gen.js';

const cutoff = '2025-03-31';
const ID = 'files:acme';

/** Acme's history up to the cutoff, seen from a "now" in which nothing more happened. */
function quietWorld(): Portfolio {
  const contact: Contact = {
    id: 'files:c1',
    accountId: ID,
    name: 'Ana Ruiz',
    roles: ['champion'],
    status: 'active',
    createdAt: '2024-01-05',
    lastEngagedAt: '2025-03-01',
  };
  return {
    accounts: [
      makeAccount(ID, {
        name: 'Acme',
        plan: 'starter',
        products: ['connect_hub'],
        arr: 60_000,
        seats: { licensed: 100, active: 92 },
        employees: 400,
        employeesPrior: { count: 400, asOf: '2025-01-01' },
        contract: { start: '2024-06-01', renewal: '2025-06-01', termMonths: 12 },
        health: {
          score: 80,
          ticketThemes: ['exports'],
          lastQbr: { date: '2025-02-10', outcome: 'positive' },
        },
        featuresUsed: ['dashboards', 'reports'],
      }),
    ],
    contacts: [contact],
    deals: [dealOf('hub', ID, '2024-09-01', 9000, { products: ['connect_hub'] })],
    usage: [
      { accountId: ID, date: '2025-02-28', metric: 'active_seats', value: 90, limit: 100 },
      { accountId: ID, date: '2025-03-30', metric: 'active_seats', value: 92, limit: 100 },
      { accountId: ID, date: '2025-03-30', metric: 'health_score', value: 80 },
      { accountId: ID, date: '2025-03-30', metric: 'feature:dashboards', value: 1 },
      { accountId: ID, date: '2025-03-30', metric: 'feature:reports', value: 3 },
    ],
    departments: [],
    signals: [{ accountId: ID, date: '2025-03-01', kind: 'hiring', detail: 'hiring 20 analysts' }],
  };
}

/** The same history, then a busy quarter after the cutoff, and today's snapshot showing it. */
function busyWorld(): Portfolio {
  const p = quietWorld();
  const a = p.accounts[0]!;
  p.accounts[0] = {
    ...a,
    plan: 'professional',
    products: ['connect_hub', 'insight_studio'],
    arr: 60_000 + 24_000 + 30_000,
    seats: { licensed: 150, active: 149 },
    employees: 650,
    contract: { start: '2025-06-01', renewal: '2026-06-01', termMonths: 12 },
    health: {
      score: 95,
      nps: 70,
      tickets90d: 2,
      ticketThemes: ['sso'],
      lastQbr: { date: '2025-05-20', outcome: 'positive' },
    },
    featuresUsed: ['dashboards', 'reports', 'workflows'],
  };
  p.deals.push(
    dealOf('up', ID, '2025-04-20', 24_000, { products: ['professional'] }),
    dealOf('is', ID, '2025-05-02', 30_000, {
      products: ['insight_studio'],
      expansionKey: `${ID}:add_on:insight_studio`,
    }),
    dealOf('pipe', ID, '2025-08-01', 5_000, { closed: false, won: false }),
  );
  p.usage.push(
    { accountId: ID, date: '2025-04-15', metric: 'active_seats', value: 149, limit: 150 },
    { accountId: ID, date: '2025-04-15', metric: 'health_score', value: 95 },
    { accountId: ID, date: '2025-04-15', metric: 'feature:workflows', value: 12 },
    { accountId: ID, date: '2025-04-15', metric: 'api_calls', value: 9_000_000 },
  );
  p.signals.push({
    accountId: ID,
    date: '2025-04-02',
    kind: 'funding',
    detail: 'Series C, $80M',
    value: 80_000_000,
  });
  p.contacts[0] = {
    ...p.contacts[0]!,
    status: 'left',
    leftAt: '2025-05-01',
    movedTo: { company: 'Globex' },
    emailBouncedAt: '2025-05-03',
    lastEngagedAt: '2025-04-28',
  };
  p.contacts.push({
    id: 'files:c2',
    accountId: ID,
    name: 'New VP',
    roles: ['economic_buyer'],
    status: 'active',
    createdAt: '2025-04-10',
  });
  p.accounts.push(makeAccount('files:newco', { name: 'NewCo', arr: 20_000 }));
  p.deals.push(dealOf('newco', 'files:newco', '2025-05-01', 20_000, { kind: 'new' }));
  return p;
}

describe('truncatePortfolio', () => {
  it('gives the same portfolio whatever happened after the cutoff', () => {
    expect(truncatePortfolio(busyWorld(), cutoff, { catalog })).toEqual(
      truncatePortfolio(quietWorld(), cutoff, { catalog }),
    );
  });

  it('lets nothing dated after the cutoff through, and rebuilds the snapshot from history', () => {
    const past = truncatePortfolio(busyWorld(), cutoff, { catalog });
    const dated = [
      ...past.usage.map((u) => u.date),
      ...past.signals.map((s) => s.date),
      ...past.deals.map((d) => d.closeDate!),
    ];
    expect(dated.every((d) => d <= cutoff)).toBe(true);
    expect(past.deals.every((d) => d.closed)).toBe(true);
    expect(past.accounts.map((a) => a.id)).toEqual([ID]);
    const acme = past.accounts[0]!;
    expect(acme).toMatchObject({
      plan: 'starter',
      products: ['connect_hub'],
      arr: 60_000,
      seats: { licensed: 100, active: 92 },
      employees: 400,
      contract: { start: '2024-06-01', renewal: '2025-06-01', termMonths: 12 },
      health: { score: 80, ticketThemes: [] },
      featuresUsed: ['dashboards', 'reports'],
    });
    expect(acme.employeesPrior).toBeUndefined();
    // Latest-only fields cannot be rolled back, so they never pass (their absence would leak).
    expect(acme.health).not.toHaveProperty('lastQbr');
    expect(past.contacts).toEqual([expect.objectContaining({ id: 'files:c1', status: 'active' })]);
    expect(past.contacts[0]).not.toHaveProperty('leftAt');
    expect(past.contacts[0]).not.toHaveProperty('emailBouncedAt');
    expect(past.contacts[0]).not.toHaveProperty('lastEngagedAt');
  });
});

describe('backtest scoring input', () => {
  it('never shows the scorer a post-cutoff signal or usage spike, and the result is unchanged', () => {
    const seen: Portfolio[] = [];
    const score: ScoreFn<null> = ({ portfolio, asOf }) => {
      seen.push(portfolio);
      expect(asOf).toBe(cutoff);
      return {
        opportunities: portfolio.accounts.map((a) =>
          makeOpportunity(`${a.id}:seat`, {
            accountId: a.id,
            scores: {
              revenue: 5,
              effort: 5,
              likelihood: 5,
              composite: 1 + 9 * (a.seats ? a.seats.active / a.seats.licensed : 0),
            },
          }),
        ),
      };
    };
    const run = (p: Portfolio) =>
      backtest({ portfolio: p, catalog, settings: null, cutoff, windowDays: 90, score, k: 1 });
    const busy = run(busyWorld());
    const quiet = run(quietWorld());
    expect(seen[0]).toEqual(seen[1]);
    expect(JSON.stringify(seen[0])).not.toMatch(/Series C|9000000|2025-04-/);
    expect(busy.top[0]!.score).toBe(quiet.top[0]!.score);
    // Only the outcome side differs: Acme expanded in the busy world's window.
    expect(busy).toMatchObject({ expandedAccounts: 1, hits: 1, recall: 1, expandedArr: 54_000 });
    expect(quiet).toMatchObject({ expandedAccounts: 0, hits: 0 });
  });
});

describe('backtest with the REAL scorePortfolio (src/scoring)', () => {
  it('scores the busy and the quiet world identically at the cutoff', () => {
    const seen: ReturnType<typeof scorePortfolio>[] = [];
    const score: ScoreFn<ScoringSettings> = (input) => {
      const out = scorePortfolio(input);
      seen.push(out);
      return out;
    };
    for (const p of [busyWorld(), quietWorld()]) {
      backtest({
        portfolio: p,
        catalog,
        settings: DEFAULT_SETTINGS,
        cutoff,
        windowDays: 90,
        score,
      });
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual(seen[1]);
    // Not vacuous: the 92-of-100 seat ceiling before the cutoff is an opportunity in both.
    expect(seen[0]!.opportunities.map((o) => o.type)).toContain('seat_expansion');
    // Not vacuous: the 92-of-100 seat ceiling before the cutoff is an opportunity in both.
    expect(seen[0]!.opportunities.map((o) => o.type)).toContain('seat_expansion');
    expect(JSON.stringify(seen[0])).not.toMatch(/Series C|150 licensed|insight_studio/);
  });
});
