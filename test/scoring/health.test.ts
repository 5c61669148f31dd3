import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { AS_OF, account, contact, evidence, score, weekly } from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

const light = (a: Account, extra: Parameters<typeof score>[0] = {}) =>
  score({ accounts: [a], ...extra }).accounts[0]!;

describe('health light and its reasons', () => {
  it.each([
    { health: { score: 70 }, light: 'green' },
    { health: { score: 69 }, light: 'yellow' },
    { health: { score: 50 }, light: 'yellow' },
    { health: { score: 49 }, light: 'red' },
    { health: { nps: 10 }, light: 'green' },
    { health: { nps: 9 }, light: 'yellow' },
    { health: { nps: -21 }, light: 'red' },
    { health: { tickets90d: 15 }, light: 'yellow' },
    { health: { tickets90d: 14 }, light: 'green' },
    {
      health: { lastQbr: { date: addDays(AS_OF, -30), outcome: 'negative' as const } },
      light: 'yellow',
    },
    {
      health: { lastQbr: { date: addDays(AS_OF, -400), outcome: 'negative' as const } },
      light: 'green',
    },
    // Two yellow reasons together make red.
    { health: { score: 60, nps: 0 }, light: 'red' },
  ])('$health → $light', ({ health, light: expected }) => {
    expect(light(account({ health })).health).toBe(expected);
  });

  it('usage decline: -10% yellow, -25% red', () => {
    const a = account({ health: { score: 80 }, seats: { licensed: 100, active: 90 } });
    expect(
      light(a, { usage: weekly(a.id, 'active_seats', [100, 95, 90], { limit: 100 }) }).health,
    ).toBe('yellow');
    const b = account({ health: { score: 80 }, seats: { licensed: 100, active: 75 } });
    const s = light(b, { usage: weekly(b.id, 'active_seats', [100, 90, 75], { limit: 100 }) });
    expect(s.health).toBe('red');
    expect(s.healthReasons.join(' ')).toMatch(/usage -25%/);
  });

  it('a churned account is red', () => {
    expect(light(account({ lifecycle: 'churned' })).health).toBe('red');
  });

  it('champion loss is a reason', () => {
    const a = account({ health: { score: 85 } });
    const s = light(a, { contacts: [contact(a.id, { roles: ['champion'], status: 'left' })] });
    expect(s.health).toBe('yellow');
    expect(s.healthReasons).toContain('champion lost and no champion remains');
  });

  it('green reasons say why', () => {
    expect(light(account({ health: { score: 88 } })).healthReasons).toEqual([
      'health score 88/100',
    ]);
  });
});

describe('stabilization for red accounts', () => {
  it('names the problems and what unlocks expansion, holding expansion back', () => {
    const a = account({
      health: { score: 35, ticketThemes: ['spreadsheets'] },
      seats: { licensed: 50, active: 48 },
    });
    const r = score({
      accounts: [a],
      usage: weekly(a.id, 'active_seats', [46, 47, 48], { limit: 50 }),
    });
    expect(r.opportunities.filter((o) => o.category === 'expansion')).toEqual([]);
    const o = r.opportunities.find((x) => x.type === 'stabilization')!;
    expect(evidence(o, 'health_reason')).toMatchObject({
      value: 35,
      threshold: 50,
      field: 'health.score',
    });
    expect(
      o.evidence.filter((e) => e.signal === 'withheld_expansion').length,
    ).toBeGreaterThanOrEqual(2);
    expect(o.description).toContain('health score back to 70+');
    expect(o.timing).toBe('now');
    expect(r.accounts[0]).toMatchObject({
      readiness: 'not_ready',
      flags: expect.arrayContaining(['at_risk']),
    });
  });
});
