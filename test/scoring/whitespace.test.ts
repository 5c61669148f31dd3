import { describe, expect, it } from 'vitest';
import {
  AS_OF,
  account,
  contact,
  department,
  evidence,
  ofType,
  only,
  score,
  signal,
} from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

describe('whitespace: departments not using the product', () => {
  it('a department without the product → new_department sized on its headcount', () => {
    const a = account({ seats: { licensed: 25, active: 25 } });
    const o = only(
      score({
        accounts: [a],
        departments: [
          department(a.id, 'Engineering', { usesProduct: true }),
          department(a.id, 'Marketing', { headcount: 30 }),
        ],
      }),
      'new_department',
    );
    expect(o.estimatedArr).toBe(15 * 540);
    expect(o.stakeholders.benefits).toBe('Marketing');
    expect(evidence(o, 'department_whitespace')).toMatchObject({
      value: 30,
      field: 'departments.usesProduct',
    });
  });

  it('sizes a department the way the teams already on the product adopted it, not at 50% regardless', () => {
    // 40 seats for a 100-person engineering team: 40% adoption, so 40% of a 100-person Sales.
    const a = account({ seats: { licensed: 40, active: 40 } });
    const o = only(
      score({
        accounts: [a],
        departments: [
          department(a.id, 'Engineering', { usesProduct: true, headcount: 100, seats: 40 }),
          department(a.id, 'Sales', { headcount: 100 }),
        ],
      }),
      'new_department',
    );
    expect(o.estimatedArr).toBe(40 * 540);
    expect(evidence(o, 'sizing')?.text).toContain('40% of 100 people');
  });

  it('all new departments together land at most at 1.5x today’s seats, engaged teams first', () => {
    const a = account({ seats: { licensed: 10, active: 10 } });
    const r = score({
      accounts: [a],
      departments: [
        department(a.id, 'Engineering', { usesProduct: true, headcount: 10, seats: 10 }),
        department(a.id, 'Finance', { headcount: 400 }),
        department(a.id, 'Legal', { headcount: 300 }),
        department(a.id, 'Sales', { headcount: 20 }),
      ],
      contacts: [
        contact(a.id, { name: 'Sam Lee', department: 'Sales', lastEngagedAt: addDays(AS_OF, -5) }),
      ],
    });
    const depts = ofType(r, 'new_department');
    const seats = (o: (typeof depts)[number]) => o.estimatedArr / 540;
    expect(depts.reduce((n, o) => n + seats(o), 0)).toBe(15);
    // Sales has someone engaging: it is sized first and in full (50% of 20).
    expect(seats(depts.find((o) => o.stakeholders.benefits === 'Sales')!)).toBe(10);
    expect(depts.find((o) => o.stakeholders.benefits === 'Legal')).toBeUndefined();
  });

  it('idle paid seats are used first; a team that fits on them is a rollout (activation)', () => {
    const a = account({ seats: { licensed: 40, active: 30 } });
    const r = score({
      accounts: [a],
      departments: [
        department(a.id, 'Sales', { headcount: 16 }),
        department(a.id, 'Legal', { headcount: 10 }),
      ],
    });
    // Sales: 8 seats, all from the 10 idle ones; Legal: 5 seats, 2 idle left, so 3 to buy.
    expect(ofType(r, 'activation').some((o) => o.title.includes('Sales'))).toBe(true);
    expect(only(r, 'new_department').estimatedArr).toBe(3 * 540);
  });

  it("contacts' departments and new contacts engaging reveal a team; engagement is a strong trigger", () => {
    const a = account({ seats: { licensed: 20, active: 20 } });
    const newcomer = contact(a.id, {
      name: 'Ana Ruiz',
      title: 'Head of Finance Ops',
      department: 'Finance',
      createdAt: addDays(AS_OF, -30),
      lastEngagedAt: addDays(AS_OF, -5),
    });
    const champion = contact(a.id, {
      department: 'Operations',
      roles: ['champion'],
      lastEngagedAt: addDays(AS_OF, -3),
    });
    const o = only(score({ accounts: [a], contacts: [newcomer, champion] }), 'new_department');
    expect(o.title).toContain('Finance');
    expect(evidence(o, 'new_contact_engaging')).toMatchObject({
      field: 'contacts.createdAt / contacts.lastEngagedAt',
    });
    expect(o.stakeholders.pitchTo).toBe('Ana Ruiz (Head of Finance Ops)');
  });

  it('a signal naming the team is evidence', () => {
    const a = account({ seats: { licensed: 20, active: 20 } });
    const o = only(
      score({
        accounts: [a],
        departments: [department(a.id, 'Marketing', { headcount: 20 })],
        signals: [signal(a.id, 'hiring', 'Marketing hired 12 people', { value: 12 })],
      }),
      'new_department',
    );
    expect(evidence(o, 'department_mention')).toBeDefined();
  });
});

describe('company growth → seats in proportion', () => {
  it.each([
    { prior: 100, now: 110, fires: true }, // +10%: at the threshold
    { prior: 100, now: 109, fires: false },
  ])(
    'headcount $prior → $now with a full licence → seat expansion: $fires',
    ({ prior, now, fires }) => {
      const a = account({
        seats: { licensed: 50, active: 39 },
        employees: now,
        employeesPrior: { count: prior, asOf: '2025-03-01' },
      });
      expect(ofType(score({ accounts: [a] }), 'seat_expansion')).toHaveLength(fires ? 1 : 0);
    },
  );

  it('sizes to growth: 39 active × 1.3 = 50.7 users need 64 seats to stay under 80%', () => {
    const a = account({
      seats: { licensed: 50, active: 39 },
      employees: 130,
      employeesPrior: { count: 100, asOf: '2025-03-01' },
    });
    const o = only(score({ accounts: [a] }), 'seat_expansion');
    expect(o.estimatedArr).toBe(14 * 540);
    expect(evidence(o, 'employee_growth')).toMatchObject({ value: 30, threshold: 10 });
  });

  it('growth with plenty of idle seats needs no seats', () => {
    const a = account({
      seats: { licensed: 50, active: 20 },
      employees: 130,
      employeesPrior: { count: 100, asOf: '2025-03-01' },
    });
    expect(ofType(score({ accounts: [a] }), 'seat_expansion')).toHaveLength(0);
  });

  it('a hiring signal with a number measures growth', () => {
    const a = account({ seats: { licensed: 50, active: 39 }, employees: 200 });
    const o = only(
      score({
        accounts: [a],
        signals: [signal(a.id, 'hiring', 'Hiring 40 engineers', { value: 40 })],
      }),
      'seat_expansion',
    );
    expect(evidence(o, 'hiring')).toMatchObject({ value: 40, field: 'signals[hiring]' });
  });
});
