import { describe, expect, it } from 'vitest';
import { account, department, evidence, ofType, only, score, weekly } from './builders.js';

describe('power-user concentration', () => {
  it.each([
    { share: 70, fires: true },
    { share: 0.75, fires: true }, // a 0..1 fraction reads the same
    { share: 69, fires: false },
  ])('share $share → wider adoption: $fires', ({ share, fires }) => {
    const a = account({ seats: { licensed: 40, active: 38 } });
    const r = score({
      accounts: [a],
      usage: weekly(a.id, 'power_user_share', [share]),
      departments: [department(a.id, 'Engineering', { usesProduct: true, headcount: 80 })],
    });
    const hit = ofType(r, 'seat_expansion').filter((o) => evidence(o, 'power_user_concentration'));
    expect(hit).toHaveLength(fires ? 1 : 0);
  });

  it('with a full licence, proposes seats for the rest of the using team', () => {
    const a = account({ seats: { licensed: 40, active: 38 } });
    const o = only(
      score({
        accounts: [a],
        usage: weekly(a.id, 'power_user_share', [82]),
        departments: [department(a.id, 'Engineering', { usesProduct: true, headcount: 80 })],
      }),
      'seat_expansion',
    );
    // (80 people − 40 seats) × 50% adoption = 20 seats.
    expect(o.estimatedArr).toBe(20 * 540);
    expect(evidence(o, 'power_user_concentration')).toMatchObject({
      value: 82,
      threshold: 70,
      field: 'usage[power_user_share]',
    });
    expect(o.stakeholders.benefits).toBe('Engineering');
  });

  it('with idle paid seats it is activation, not a seat sale', () => {
    const a = account({ seats: { licensed: 40, active: 20 } });
    const r = score({ accounts: [a], usage: weekly(a.id, 'power_user_share', [85]) });
    expect(ofType(r, 'seat_expansion')).toHaveLength(0);
    const o = ofType(r, 'activation').find((x) => evidence(x, 'power_user_concentration'));
    expect(o?.estimatedArr).toBe(0);
  });
});
