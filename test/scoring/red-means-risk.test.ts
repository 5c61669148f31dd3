/**
 * Red means a real retention risk (issue 14): each risk makes red on its own; mild signals make
 * yellow and do not add up to red; a portfolio of ordinary healthy customers, generated here
 * independently of the demo, comes out mostly green and yellow, and every red in it has a cause.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { addDays } from '../../src/scoring/dates.js';
import { AS_OF, account, contact, score, settings, signal, weekly } from './builders.js';

const INDEX = { scales: { nps: 'index', healthScore: '0-100', csat: '0-100' } };
type Over = NonNullable<Parameters<typeof account>[0]>;

function lightOf(over: Over, s: Record<string, unknown> = INDEX) {
  return score({ accounts: [account(over)] }, { settings: settings(s) }).accounts[0]!;
}

describe('each real risk is red on its own', () => {
  const recent = addDays(AS_OF, -30);
  it.each([
    { name: 'a health score under the red line', over: { health: { score: 45 } } },
    {
      name: 'a detractor',
      over: { health: { score: 80, nps: 4 } },
      s: { scales: { nps: 'response' } },
    },
    { name: 'an NPS index under the red line', over: { health: { score: 80, nps: -35 } } },
    {
      name: 'a negative QBR',
      over: { health: { score: 80, lastQbr: { date: recent, outcome: 'negative' as const } } },
    },
    {
      name: 'outage tickets',
      over: { health: { score: 80, tickets90d: 20, ticketThemes: ['outage'] } },
    },
    { name: 'a churned account', over: { lifecycle: 'churned' as const } },
  ])('$name', ({ over, s }) => {
    const r = lightOf(over, { ...INDEX, ...s });
    expect(r.health).toBe('red');
    expect(r.healthReasons).toHaveLength(1);
  });

  it('a usage collapse', () => {
    const a = account({ health: { score: 85 }, seats: { licensed: 100, active: 70 } });
    const usage = weekly(a.id, 'active_seats', [100, 85, 70], { limit: 100 });
    expect(score({ accounts: [a], usage }).accounts[0]!.health).toBe('red');
  });

  it.each([
    { detail: 'Evaluating Asana as a replacement at renewal', red: true },
    { detail: 'Unhappy with support, trialling Monday.com', red: true },
    { detail: 'Considering switching to a cheaper tool', red: true },
    // A tool used alongside is a displacement opportunity, not a retention risk.
    { detail: 'Uses Tableau alongside for dashboards', red: false },
    { detail: 'Evaluating Looker for self-serve reporting', red: false },
  ])('competitor "$detail" → red $red', ({ detail, red }) => {
    const a = account({ health: { score: 85 } });
    const r = score({ accounts: [a], signals: [signal(a.id, 'competitor', detail)] });
    expect(r.accounts[0]!.health).toBe(red ? 'red' : 'green');
  });

  it('a competitor evaluation past the window is no longer red', () => {
    const a = account({ health: { score: 85 } });
    const old = signal(a.id, 'competitor', 'Evaluating Asana as a replacement', {
      date: addDays(AS_OF, -200),
    });
    expect(score({ accounts: [a], signals: [old] }).accounts[0]!.health).toBe('green');
  });

  it('a champion lost with no successor is red; with a successor, yellow', () => {
    const a = account({ health: { score: 85 } });
    const gone = contact(a.id, { roles: ['champion'], status: 'left' });
    expect(score({ accounts: [a], contacts: [gone] }).accounts[0]!.health).toBe('red');
    const successor = contact(a.id, { roles: ['champion'] });
    expect(score({ accounts: [a], contacts: [gone, successor] }).accounts[0]!.health).toBe(
      'yellow',
    );
  });
});

describe('mild signals do not compound into red', () => {
  const recent = addDays(AS_OF, -30);
  it.each([
    {
      name: 'a health score of 67 and a passive NPS',
      over: { health: { score: 67, nps: 8 } },
      s: { scales: { nps: 'response' } },
    },
    { name: 'score 60, NPS index 0, CSAT 50', over: { health: { score: 60, nps: 0, csat: 50 } } },
    { name: 'score 55 and 30 unthemed tickets', over: { health: { score: 55, tickets90d: 30 } } },
    {
      name: 'a neutral QBR, 16 tickets, NPS 5',
      over: {
        health: {
          score: 65,
          nps: 5,
          tickets90d: 16,
          lastQbr: { date: recent, outcome: 'neutral' as const },
        },
      },
    },
  ])('$name → yellow', ({ over, s }) => {
    const r = lightOf(over, { ...INDEX, ...s });
    expect(r.health).toBe('yellow');
    expect(r.healthReasons.length).toBeGreaterThanOrEqual(2);
  });

  it('compounding comes back when the settings ask for it', () => {
    const r = lightOf(
      { health: { score: 60, nps: 0 } },
      { ...INDEX, health: { yellowReasonsForRed: 2 } },
    );
    expect(r.health).toBe('red');
  });
});

/** mulberry32: a small seeded generator, so the portfolio below is the same on every run. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ordinary healthy customers as a CRM holds them: health scores 55–95, NPS as the latest 0–10
 * survey response (about 55% promoters, 35% passives, 10% detractors: healthy portfolios still
 * have some), a few support tickets mostly about how-to and onboarding, now and then a bug, QBRs
 * for most (60% positive, 35% neutral, 5% negative). */
function healthyPortfolio(n: number, seed: number): Account[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Account[] = [];
  for (let i = 0; i < n; i++) {
    const u = r();
    const nps =
      u < 0.55 ? 9 + Math.round(r()) : u < 0.9 ? 7 + Math.round(r()) : Math.floor(r() * 7);
    const tickets = Math.floor(r() ** 2 * 28);
    const themes =
      tickets === 0
        ? []
        : [pick(['how-to', 'onboarding', 'permissions', 'integrations', 'reporting', 'bug'])];
    const q = r();
    const outcome: 'positive' | 'neutral' | 'negative' =
      q < 0.6 ? 'positive' : q < 0.95 ? 'neutral' : 'negative';
    const qbr = r() < 0.7 ? { date: addDays(AS_OF, -Math.floor(r() * 150)), outcome } : undefined;
    out.push(
      account({
        id: `files:H${i}`,
        health: {
          score: 55 + Math.floor(r() * 41),
          nps,
          tickets90d: tickets,
          ticketThemes: themes,
          csat: 70 + Math.floor(r() * 30),
          ...(qbr && { lastQbr: qbr }),
        },
      }),
    );
  }
  return out;
}

/** The real risks a reader can see in the data, computed here without the scoring core. */
function hasRealRisk(a: Account): boolean {
  const h = a.health!;
  return (
    (h.score ?? 100) < 50 ||
    (h.nps ?? 10) < 7 ||
    h.lastQbr?.outcome === 'negative' ||
    ((h.tickets90d ?? 0) >= 15 && h.ticketThemes.includes('bug'))
  );
}

describe('calibration on ordinary healthy customers', () => {
  const accounts = healthyPortfolio(400, 20261203);
  const lights = score({ accounts }).accounts;

  it('is mostly green and yellow, and red exactly where a real risk is', () => {
    const red = lights.filter((s) => s.health === 'red').length;
    const green = lights.filter((s) => s.health === 'green').length;
    expect(red / lights.length).toBeLessThan(0.25);
    expect(green / lights.length).toBeGreaterThan(0.2);
    lights.forEach((s, i) => expect(s.health === 'red').toBe(hasRealRisk(accounts[i]!)));
  });

  it('would be far redder if yellow reasons compounded (the old rule)', () => {
    const old = score({ accounts }, { settings: settings({ health: { yellowReasonsForRed: 2 } }) });
    const red = (xs: typeof lights) => xs.filter((s) => s.health === 'red').length;
    expect(red(old.accounts)).toBeGreaterThan(red(lights) * 1.3);
  });
});
