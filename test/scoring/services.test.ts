import { describe, expect, it } from 'vitest';
import {
  AS_OF,
  account,
  deal,
  department,
  evidence,
  ofType,
  only,
  score,
  signal,
} from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

describe('services and support', () => {
  it.each([
    { tickets: 20, fires: true },
    { tickets: 19, fires: false },
  ])('$tickets tickets in 90 days → support upgrade: $fires', ({ tickets, fires }) => {
    const a = account({ arr: 60000, health: { score: 80, tickets90d: tickets } });
    const r = score({ accounts: [a] });
    expect(ofType(r, 'support_upgrade')).toHaveLength(fires ? 1 : 0);
    if (fires) {
      const o = only(r, 'support_upgrade');
      expect(o.estimatedArr).toBe(9000); // 15% of ARR
      expect(evidence(o, 'ticket_volume')).toMatchObject({
        value: 20,
        threshold: 20,
        field: 'health.tickets90d',
      });
    }
  });

  it('a rollout to new departments of 25+ seats → rollout package; 24 seats → none', () => {
    const a = account({ seats: { licensed: 60, active: 60 } });
    const using = department(a.id, 'Engineering', { usesProduct: true, headcount: 60, seats: 60 });
    const r = score({
      accounts: [a],
      departments: [using, department(a.id, 'Sales', { headcount: 50 })],
    });
    const o = only(r, 'professional_services');
    expect(o.estimatedArr).toBe(12000);
    expect(evidence(o, 'rollout')).toMatchObject({ value: 25, threshold: 25 });
    const below = score({
      accounts: [a],
      departments: [using, department(a.id, 'Sales', { headcount: 48 })],
    });
    expect(below.opportunities.filter((x) => x.type === 'professional_services')).toEqual([]);
  });

  it('an acquisition → rollout package', () => {
    const a = account();
    const o = only(
      score({ accounts: [a], signals: [signal(a.id, 'acquisition', 'Acquired Nimbus Labs')] }),
      'professional_services',
    );
    expect(evidence(o, 'acquisition')).toBeDefined();
  });

  it('low adoption after a recent purchase → enablement workshop', () => {
    const a = account({ seats: { licensed: 50, active: 20 } });
    const bought = deal(a.id, {
      kind: 'expansion',
      won: true,
      closed: true,
      closeDate: addDays(AS_OF, -60),
    });
    const o = ofType(score({ accounts: [a], deals: [bought] }), 'professional_services').find((x) =>
      x.id.includes('enablement'),
    );
    expect(o?.estimatedArr).toBe(6000);
    expect(o && evidence(o, 'low_adoption')).toMatchObject({ value: 40, threshold: 50 });
  });

  it('a service the account already has is not proposed', () => {
    const a = account({ products: ['premium_support'], health: { score: 80, tickets90d: 40 } });
    expect(ofType(score({ accounts: [a] }), 'support_upgrade')).toHaveLength(0);
  });
});
