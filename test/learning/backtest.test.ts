import { describe, expect, it } from 'vitest';
import { backtest, type ScoreFn } from '../../src/learning/backtest.js';
import { catalog, generatePortfolio, makeOpportunity } from './gen.js';

const cutoff = '2025-03-31';
const windowDays = 90;

/**
 * A stand-in scorer that reads one signal the way scoring's seat detector does: seat utilization
 * at the as-of date. The lift then measures whether that signal carries information.
 */
const seatScore: ScoreFn<null> = ({ portfolio }) => ({
  opportunities: portfolio.accounts.map((a) =>
    makeOpportunity(`${a.id}:seat_expansion`, {
      accountId: a.id,
      scores: {
        revenue: 5,
        effort: 5,
        likelihood: 5,
        composite: 1 + 9 * (a.seats ? a.seats.active / a.seats.licensed : 0),
      },
    }),
  ),
});

const run = (seed: number, informative: boolean, k?: number) =>
  backtest({
    portfolio: generatePortfolio({ accounts: 1000, seed, cutoff, windowDays, informative }),
    catalog,
    settings: null,
    cutoff,
    windowDays,
    score: seatScore,
    ...(k !== undefined ? { k } : {}),
  });

describe('backtest', () => {
  it('finds lift above 1, and above the ARR ranking, where the signal predicts expansion', () => {
    const r = run(1, true);
    expect(r).toMatchObject({ accounts: 1000, k: 100, cutoff, windowEnd: '2025-06-29' });
    expect(r.expandedAccounts).toBeGreaterThan(150);
    expect(r.lift!).toBeGreaterThan(1.8);
    expect(r.liftVsArr!).toBeGreaterThan(1.5);
    expect(r.recall).toBeCloseTo(r.hits / r.expandedAccounts, 12);
    expect(r.capturedArr).toBeGreaterThan(0);
    expect(r.top).toHaveLength(100);
    expect(r.top[0]!.score).toBeGreaterThanOrEqual(r.top[99]!.score);
  });

  it('finds lift ≈ 1 where the signal carries no information', () => {
    // 1000 accounts, base rate ≈ 20%, k = 250: one seed's precision@k has a hypergeometric sd of
    // √(0.2·0.8/250 · 750/999) ≈ 0.022, i.e. ≈ 0.11 in lift; the mean of six seeds ≈ 0.045.
    // ±0.15 is more than three of those, so a failure means the ranking, not the dice.
    const seeds = [11, 12, 13, 14, 15, 16];
    const results = seeds.map((s) => run(s, false, 250));
    const meanLift = results.reduce((s, r) => s + r.lift!, 0) / seeds.length;
    const meanVsArr = results.reduce((s, r) => s + r.liftVsArr!, 0) / seeds.length;
    expect(Math.abs(meanLift - 1)).toBeLessThan(0.15);
    expect(Math.abs(meanVsArr - 1)).toBeLessThan(0.15);
    for (const r of results) expect(r.baseRate).toBeGreaterThan(0.15);
  });

  it('counts only won expansions inside (cutoff, cutoff + window]', () => {
    const portfolio = generatePortfolio({
      accounts: 50,
      seed: 3,
      cutoff,
      windowDays,
      informative: true,
    });
    const short = backtest({
      portfolio,
      catalog,
      settings: null,
      cutoff,
      windowDays: 10,
      score: seatScore,
    });
    const full = backtest({
      portfolio,
      catalog,
      settings: null,
      cutoff,
      windowDays,
      score: seatScore,
    });
    const closes = portfolio.deals.map((d) => d.closeDate!);
    expect(full.expandedAccounts).toBe(new Set(portfolio.deals.map((d) => d.accountId)).size);
    expect(short.expandedAccounts).toBe(closes.filter((d) => d <= '2025-04-10').length);
    expect(short.expandedAccounts).toBeLessThan(full.expandedAccounts);
  });

  it('refuses a bad cutoff or window', () => {
    const portfolio = generatePortfolio({
      accounts: 5,
      seed: 1,
      cutoff,
      windowDays,
      informative: true,
    });
    expect(() =>
      backtest({
        portfolio,
        catalog,
        settings: null,
        cutoff: '2025-13-01',
        windowDays,
        score: seatScore,
      }),
    ).toThrow(/cutoff/);
    expect(() =>
      backtest({ portfolio, catalog, settings: null, cutoff, windowDays: 0, score: seatScore }),
    ).toThrow(/windowDays/);
  });
});
