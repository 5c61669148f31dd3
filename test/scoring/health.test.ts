import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { AS_OF, account, contact, evidence, score, settings, weekly } from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

// One-account portfolios cannot show which scale their NPS and health score are on: these cases
// declare the demo's (NPS index, 0–100). Detection and the other scales: scales.test.ts.
const INDEX = settings({ scales: { nps: 'index', healthScore: '0-100' } });
const light = (a: Account, extra: Parameters<typeof score>[0] = {}) =>
  score({ accounts: [a], ...extra }, { settings: INDEX }).accounts[0]!;

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
    // A negative QBR is a real retention risk on its own (issue 14).
    {
      health: { lastQbr: { date: addDays(AS_OF, -30), outcome: 'negative' as const } },
      light: 'red',
    },
    {
      health: { lastQbr: { date: addDays(AS_OF, -400), outcome: 'negative' as const } },
      light: 'green',
    },
    // Two yellow reasons stay yellow: red needs a real risk (issue 14; red-means-risk.test.ts).
    { health: { score: 60, nps: 0 }, light: 'yellow' },
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

  it('champion loss: red when no champion remains, yellow when one does', () => {
    const a = account({ health: { score: 85 } });
    const s = light(a, { contacts: [contact(a.id, { roles: ['champion'], status: 'left' })] });
    expect(s.health).toBe('red');
    expect(s.healthReasons).toContain('champion lost and no champion remains');
    const b = account({ health: { score: 85 } });
    const kept = light(b, {
      contacts: [
        contact(b.id, { roles: ['champion'], status: 'left' }),
        contact(b.id, { roles: ['exec_sponsor'] }),
      ],
    });
    expect(kept.health).toBe('yellow');
    expect(kept.healthReasons).toContain('1 champion(s) left; 1 remain');
  });

  it('green reasons say why, and on which scale', () => {
    expect(light(account({ health: { score: 88 } })).healthReasons).toEqual([
      'health score 88 (0–100 scale declared)',
    ]);
  });
});

describe('stabilization for red accounts', () => {
  it('names the problems and what unlocks expansion, holding expansion back', () => {
    const a = account({
      health: { score: 35, ticketThemes: ['spreadsheets'] },
      seats: { licensed: 50, active: 48 },
    });
    const r = score(
      { accounts: [a], usage: weekly(a.id, 'active_seats', [46, 47, 48], { limit: 50 }) },
      { settings: INDEX },
    );
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
