import { describe, expect, it } from 'vitest';
import { AS_OF, account, contact, evidence, only, score, weekly } from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

describe('conversion candidates', () => {
  it.each(['trial', 'free'] as const)(
    'a %s account gets conversion, never expansion',
    (lifecycle) => {
      const a = account({
        lifecycle,
        seats: { licensed: 10, active: 10 },
        employees: 200,
        employeesPrior: { count: 100, asOf: '2025-01-01' },
      });
      const r = score({
        accounts: [a],
        usage: weekly(a.id, 'active_seats', [6, 8, 10], { limit: 10 }),
      });
      expect(r.opportunities.map((o) => o.category)).toEqual(['conversion']);
      const o = only(r, 'conversion');
      expect(o.estimatedArr).toBe(10 * 540);
      expect(evidence(o, 'lifecycle')).toMatchObject({ value: lifecycle, field: 'lifecycle' });
      expect(r.accounts[0]!.flags).toContain('conversion_candidate');
    },
  );

  it('activity and engagement raise likelihood', () => {
    const idle = account({ lifecycle: 'trial', seats: { licensed: 10, active: 1 } });
    const busy = account({ lifecycle: 'trial', seats: { licensed: 10, active: 9 } });
    const r = score({
      accounts: [idle, busy],
      usage: weekly(busy.id, 'active_seats', [3, 6, 9], { limit: 10 }),
      contacts: [contact(busy.id, { lastEngagedAt: addDays(AS_OF, -2) })],
    });
    const l = (id: string) => r.opportunities.find((o) => o.accountId === id)!.scores.likelihood;
    expect(l(busy.id)).toBeGreaterThan(l(idle.id));
  });

  it('a trial ending within 30 days is timed now, with the end as the deadline', () => {
    const end = addDays(AS_OF, 12);
    const a = account({
      lifecycle: 'trial',
      contract: { renewal: end },
      seats: { licensed: 5, active: 4 },
    });
    const o = only(score({ accounts: [a] }), 'conversion');
    expect(o).toMatchObject({ timing: 'now', deadline: addDays(AS_OF, 7) });
    expect(o.timingReason).toContain(end);
  });
});
