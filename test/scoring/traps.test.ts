/**
 * The seeds' traps (seeds/004 rules): expansion for an account at risk, upselling a trial,
 * selling what the customer already owns, pitching the week after a renewal.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/scoring/dates.js';
import { AS_OF, account, contact, ofType, only, score, signal, weekly } from './builders.js';

/** Strong expansion signals: a sustained seat ceiling, headcount growth and a module need. */
function hotAccount(over: Parameters<typeof account>[0] = {}) {
  const a = account({
    seats: { licensed: 50, active: 48 },
    employees: 300,
    employeesPrior: { count: 200, asOf: '2025-03-01' },
    ...over,
  });
  return {
    accounts: [a],
    usage: weekly(a.id, 'active_seats', [44, 46, 47, 48], { limit: 50 }),
    signals: [signal(a.id, 'workaround', 'weekly spreadsheets for reporting')],
    contacts: [contact(a.id, { roles: ['champion'], lastEngagedAt: addDays(AS_OF, -3) })],
  };
}

describe('trap cases', () => {
  it('a red account gets stabilization, not expansion, whatever its usage', () => {
    const r = score(hotAccount({ health: { score: 30, nps: -40 } }));
    expect(r.opportunities.filter((o) => o.category === 'expansion')).toEqual([]);
    expect(only(r, 'stabilization').evidence.some((e) => e.signal === 'withheld_expansion')).toBe(
      true,
    );
    expect(r.accounts[0]!.health).toBe('red');
  });

  it('the same account in green health does get the expansion', () => {
    const r = score(hotAccount({ health: { score: 90 } }));
    expect(ofType(r, 'seat_expansion')).toHaveLength(1);
    expect(ofType(r, 'stabilization')).toHaveLength(0);
  });

  it('a trial gets conversion, not expansion', () => {
    const r = score(hotAccount({ lifecycle: 'trial' }));
    expect(r.opportunities.map((o) => o.type)).toEqual(['conversion']);
  });

  it('unused paid entitlements get activation, not an upsell of what they own', () => {
    const a = account({
      seats: { licensed: 100, active: 30 },
      products: ['insight_studio'],
      employees: 300,
      employeesPrior: { count: 200, asOf: '2025-03-01' },
    });
    const r = score({
      accounts: [a],
      signals: [signal(a.id, 'workaround', 'exports to Excel')],
      usage: weekly(a.id, 'insight_studio', [0, 0]),
    });
    expect(ofType(r, 'seat_expansion')).toEqual([]);
    expect(ofType(r, 'add_on').filter((o) => o.id.includes('insight_studio'))).toEqual([]);
    const activation = ofType(r, 'activation');
    expect(activation.map((o) => o.id)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('seats'),
        expect.stringContaining('insight_studio'),
      ]),
    );
    expect(activation.every((o) => o.estimatedArr === 0)).toBe(true);
    expect(r.accounts[0]!.flags).toContain('activation');
  });

  it('just renewed without a strong trigger: not now, and no better than Tier 2', () => {
    const renewed = {
      contract: { start: '2024-02-20', renewal: '2026-02-20', termMonths: 12 },
      health: { score: 95 },
    };
    const a = account({ ...renewed, seats: { licensed: 50, active: 30 } });
    const r = score({
      accounts: [a],
      signals: [signal(a.id, 'initiative', 'SOC 2 audit this year')],
      contacts: [contact(a.id, { roles: ['champion'], lastEngagedAt: AS_OF })],
    });
    const o = only(r, 'add_on');
    expect(o.timing).not.toBe('now');
    expect(o.tier).toBeGreaterThanOrEqual(2);
    expect(o.deadline).toBe('2026-04-20');
    expect(r.accounts[0]!.flags).toContain('just_renewed');
  });

  it('just renewed with a usage ceiling: now', () => {
    const r = score(
      hotAccount({
        contract: { start: '2024-02-20', renewal: '2026-02-20', termMonths: 12 },
        health: { score: 95 },
      }),
    );
    expect(only(r, 'seat_expansion').timing).toBe('now');
  });

  it('every account gets a summary, with zeros when nothing is found', () => {
    const quiet = account({ featuresUsed: [] });
    const r = score({ accounts: [quiet] });
    expect(r.accounts).toEqual([
      expect.objectContaining({
        accountId: quiet.id,
        bestScore: 0,
        bestTier: 0,
        potentialArr: 0,
        opportunityCount: 0,
        readiness: 'not_ready',
      }),
    ]);
  });
});
