import { emptyPortfolio } from '../../src/model/records.js';
import { describe, expect, it } from 'vitest';
import { lookAlike, type LookAlikeScore } from '../../src/learning/look-alike.js';
import { lookAlikeEvidence } from '../../src/learning/look-alike-evidence.js';
import type { Account, Portfolio } from '../../src/model/index.js';
import { catalog, dealOf, makeAccount, rng } from './gen.js';

const asOf = '2025-06-30';
const ADOPTERS = [
  'Arbor Labs',
  'Fjord Health',
  'Cedar Clinics',
  'Delta Care',
  'Elm Medical',
  'Harbor Health',
  'Iris Bio',
];
const PLANTED = ['Juniper Health', 'Kestrel Care', 'Linden Medical'];

/** A healthcare mid-market profile: ~800 employees, 200 seats at ~95%, ~$120K ARR. */
function clinic(id: string, name: string, r: () => number, over: Partial<Account> = {}): Account {
  return makeAccount(id, {
    name,
    industry: 'Healthcare',
    segment: 'mid-market',
    employees: Math.round(780 + 40 * r()),
    arr: 118_000 + 4000 * r(),
    seats: { licensed: 200, active: Math.round(188 + 6 * r()) },
    featuresUsed: ['dashboards', 'reports', 'exports'],
    ...over,
  });
}

function world(): Portfolio {
  const r = rng(99);
  const p: Portfolio = emptyPortfolio();
  const industries = ['Retail', 'Fintech', 'Logistics', 'Media'];
  const segments = ['smb', 'mid-market', 'enterprise'] as const;
  for (let i = 0; i < 300; i++) {
    const licensed = 10 + Math.floor(r() * 2000);
    p.accounts.push(
      makeAccount(`files:bg${i}`, {
        name: `Background ${i}`,
        industry: industries[i % 4]!,
        segment: segments[i % 3]!,
        employees: Math.round(50 * Math.exp(r() * 5)),
        arr: licensed * 500 * (0.5 + r()),
        seats: { licensed, active: Math.round(licensed * (0.3 + 0.7 * r())) },
        featuresUsed: ['dashboards'].slice(0, Math.floor(r() * 2)),
        // Connect Hub has only three owners, all mid-market: too few for look-alikes.
        products: i < 9 && i % 3 === 1 ? ['connect_hub'] : [],
      }),
    );
  }
  ADOPTERS.forEach((name, i) => {
    const id = `files:ad${i}`;
    p.accounts.push(clinic(id, name, r, { products: ['insight_studio'] }));
    p.deals.push(
      dealOf(`is${i}`, id, `2025-0${1 + (i % 5)}-15`, 24_000, { products: ['insight_studio'] }),
    );
  });
  // Looked like the clinics when it bought Insight Studio; has grown tenfold since.
  const giant = 'files:giant';
  p.accounts.push(
    clinic(giant, 'Grown Giant Health', r, {
      products: ['insight_studio'],
      employees: 20_000,
      employeesPrior: { count: 800, asOf: '2024-12-01' },
      arr: 2_000_000,
      seats: { licensed: 5000, active: 4900 },
    }),
  );
  p.deals.push(
    dealOf('giant-is', giant, '2025-02-01', 24_000, { products: ['insight_studio'] }),
    dealOf('giant-seats', giant, '2025-05-01', 1_880_000),
  );
  p.usage.push(
    { accountId: giant, date: '2025-01-15', metric: 'active_seats', value: 191, limit: 200 },
    { accountId: giant, date: '2025-04-15', metric: 'active_seats', value: 4900, limit: 5000 },
  );
  PLANTED.forEach((name, i) => p.accounts.push(clinic(`files:pl${i}`, name, r)));
  return p;
}

describe('lookAlike', () => {
  const scores = lookAlike({ portfolio: world(), catalog, asOf });
  const forModule = (m: string) => scores.filter((s) => s.module === m);

  it('ranks the accounts planted next to the adopters first, naming those adopters', () => {
    const insight = forModule('insight_studio').sort((a, b) => b.probability - a.probability);
    expect(
      insight
        .slice(0, 3)
        .map((s) => s.accountName)
        .sort(),
    ).toEqual([...PLANTED].sort());
    expect(insight[3]!.probability).toBeLessThan(insight[2]!.probability / 2);
    for (const s of insight.slice(0, 3)) {
      expect(s.basis).toBe('knn');
      expect(s.neighbours.length).toBeGreaterThanOrEqual(2);
      for (const n of s.neighbours) expect([...ADOPTERS, 'Grown Giant Health']).toContain(n.name);
      expect(s.evidenceText).toMatch(
        /^Looks like [A-Z][\w ]+ and [A-Z][\w ]+, which added Insight Studio in the last (five|six) months \(\w+ of the five most similar accounts own it\)\.$/,
      );
    }
  });

  it('matches adopters on their profile at adoption time, not on what they look like now', () => {
    const named = forModule('insight_studio').flatMap((s) => s.neighbours.map((n) => n.accountId));
    expect(named).toContain('files:giant');
    const giant = forModule('insight_studio')
      .flatMap((s) => s.neighbours)
      .find((n) => n.accountId === 'files:giant');
    expect(giant?.adoptedAt).toBe('2025-02-01');
    // Without its history, today's profile (20,000 employees, $2M) is nobody's look-alike.
    const noHistory = world();
    noHistory.deals = noHistory.deals.filter((d) => d.accountId !== 'files:giant');
    noHistory.usage = [];
    const today = lookAlike({ portfolio: noHistory, catalog, asOf }).flatMap((s) =>
      s.neighbours.map((n) => n.accountId),
    );
    expect(today).not.toContain('files:giant');
  });

  it('scores only accounts that do not own the module', () => {
    expect(forModule('insight_studio').some((s) => s.accountId.startsWith('files:ad'))).toBe(false);
    expect(forModule('insight_studio')).toHaveLength(303);
  });

  it('falls back to the segment adoption rate when a module has too few adopters', () => {
    const hub = forModule('connect_hub');
    expect(hub.every((s) => s.basis === 'segment_rate' && s.neighbours.length === 0)).toBe(true);
    // Mid-market: 100 background + 8 clinics + 3 planted = 111 accounts, 3 of which own it.
    const planted = hub.find((s) => s.accountId === 'files:pl0')!;
    expect(planted.probability).toBeCloseTo(3 / 111, 12);
    expect(planted.evidenceText).toBe(
      '3 of 111 mid-market accounts own Connect Hub (too few adopters to match on look-alikes).',
    );
    expect(hub.find((s) => s.accountId === 'files:bg0')!.probability).toBe(0);
  });

  it('turns high probabilities into look_alike evidence for add-on opportunities', () => {
    const items = lookAlikeEvidence(scores, { minProbability: 0.3 });
    expect(items.map((i) => i.accountId).sort()).toEqual(['files:pl0', 'files:pl1', 'files:pl2']);
    const first = items[0]!;
    expect(first.module).toBe('insight_studio');
    expect(first.evidence).toMatchObject({
      signal: 'look_alike',
      threshold: 0.3,
      field: 'products',
    });
    expect(first.evidence.text).toMatch(/^Looks like /);
    expect(
      lookAlikeEvidence(
        scores.filter((s: LookAlikeScore) => s.basis === 'segment_rate'),
        { minProbability: 0 },
      ),
    ).toEqual([]);
  });
});
