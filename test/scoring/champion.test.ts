import { describe, expect, it } from 'vitest';
import { AS_OF, account, contact, evidence, ofType, only, score } from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

describe('champion movement', () => {
  const a = account({ domain: 'acme.com', health: { score: 85 } });

  it.each([
    { name: 'marked left', over: { status: 'left' as const }, field: 'contacts.status' },
    { name: 'a left date', over: { leftAt: addDays(AS_OF, -10) }, field: 'contacts.leftAt' },
    {
      name: 'moved to another company',
      over: { movedTo: { company: 'Globex', title: 'VP Ops' } },
      field: 'contacts.movedTo',
    },
    // An email at another company alone is only a hint, not a departure (issue 14): see
    // departures.test.ts. A bounce is evidence.
    {
      name: 'a bounced email',
      over: { emailBouncedAt: addDays(AS_OF, -5) },
      field: 'contacts.emailBouncedAt',
    },
  ])('inferred from $name', ({ over, field }) => {
    const c = contact(a.id, {
      name: 'Jo Park',
      roles: ['champion'],
      email: 'jo@acme.com',
      ...over,
    });
    const o = only(score({ accounts: [a], contacts: [c] }), 'champion_followup');
    expect(o.category).toBe('champion');
    expect(evidence(o, 'champion_left')).toMatchObject({ field });
  });

  it.each([
    { name: 'a free-mail address', over: { email: 'jo@gmail.com' } },
    { name: 'a subdomain of the account', over: { email: 'jo@eu.acme.com' } },
    {
      name: 'a departure past the lookback',
      over: { status: 'left' as const, leftAt: '2024-01-01' },
    },
    {
      name: 'a contact who is no champion',
      over: { status: 'left' as const, roles: ['power_user' as const] },
    },
  ])('not from $name', ({ over }) => {
    const c = contact(a.id, { roles: ['champion'], email: 'jo@acme.com', ...over });
    expect(ofType(score({ accounts: [a], contacts: [c] }), 'champion_followup')).toHaveLength(0);
  });

  it('is a new-logo lead where they went, and a risk when nobody remains', () => {
    const c = contact(a.id, {
      name: 'Jo Park',
      roles: ['champion'],
      status: 'left',
      movedTo: { company: 'Globex', title: 'VP Ops' },
    });
    const r = score({ accounts: [a], contacts: [c] });
    const o = only(r, 'champion_followup');
    expect(evidence(o, 'champion_moved')).toMatchObject({
      value: 'Globex',
      field: 'contacts.movedTo.company',
    });
    expect(evidence(o, 'champions_remaining')).toMatchObject({ value: 0, threshold: 1 });
    expect(o.risks[0]).toMatch(/No champion remains/);
    expect(o.timing).toBe('now');
    expect(r.accounts[0]!.flags).toContain('champion_left');
  });
});
