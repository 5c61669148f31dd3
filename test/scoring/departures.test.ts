/**
 * Domains and departures (issue 14): websites and emails compared by registrable domain (`tldts`),
 * never as raw strings; a departure needs real evidence (status, left date, new company, bounce),
 * and an email at another organization alone is a low-confidence check, never `champion_left`.
 */
import { describe, expect, it } from 'vitest';
import { orgDomain, sameOrganization } from '../../src/scoring/domains.js';
import { AS_OF, account, contact, evidence, ofType, only, score, settings } from './builders.js';
import { addDays } from '../../src/scoring/dates.js';

describe('organization domains', () => {
  it.each([
    ['https://www.acme.com/', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['acme.com/en', 'acme.com'],
    ['ACME.com', 'acme.com'],
    ['http://acme.com:8080/about?x=1', 'acme.com'],
    ['eu.acme.com', 'acme.com'],
    ['jo@eu.acme.com', 'acme.com'],
    ['acme.co.uk', 'acme.co.uk'],
    ['jo@mail.acme.co.uk', 'acme.co.uk'],
    ['acme', undefined],
    ['10.0.0.1', undefined],
    ['', undefined],
  ])('%s → %s', (value, domain) => {
    expect(orgDomain(value)?.domain).toBe(domain);
  });

  it.each([
    ['acme.com', 'eu.acme.com', true],
    ['https://www.acme.com/', 'jo@acme.com', true],
    // Regional domains: the same label on another public suffix is the same organization.
    ['acme.com', 'acme.co.uk', true],
    ['acme.co.uk', 'acme.de', true],
    ['acme.com', 'globex.com', false],
    ['acme.com', 'acme-group.com', false],
    ['acme.com', 'notacme.com', false],
  ])('%s and %s: same organization %s', (a, b, same) => {
    expect(sameOrganization(orgDomain(a)!, orgDomain(b)!)).toBe(same);
  });
});

describe('champion departures', () => {
  const run = (website: string | undefined, over: Parameters<typeof contact>[1]) => {
    const a = account({ ...(website !== undefined && { domain: website }), health: { score: 85 } });
    const c = contact(a.id, {
      name: 'Jo Park',
      roles: ['champion'],
      email: 'jo@acme.com',
      ...over,
    });
    return score({ accounts: [a], contacts: [c] });
  };

  // A contact at the account's own organization is no departure, whatever shape the website has.
  it.each([
    { website: 'https://www.acme.com/', email: 'jo@acme.com' },
    { website: 'www.acme.com', email: 'jo@eu.acme.com' },
    { website: 'acme.com/en', email: 'jo@acme.co.uk' },
    { website: 'https://acme.co.uk', email: 'Jo@ACME.COM' },
    { website: 'acme.com', email: 'jo@gmail.com' },
    { website: undefined, email: 'jo@globex.io' },
  ])('website $website, email $email → nothing', ({ website, email }) => {
    const r = run(website, { email });
    expect(ofType(r, 'champion_followup')).toEqual([]);
    expect(r.accounts[0]).toMatchObject({ health: 'green' });
    expect(r.accounts[0]!.flags).not.toContain('champion_left');
  });

  it('an email at another company alone is a low-confidence check, not a departure', () => {
    const r = run('https://www.acme.com/', { email: 'jo@globex.io' });
    const o = only(r, 'champion_followup');
    expect(evidence(o, 'champion_left')).toBeUndefined();
    expect(evidence(o, 'champion_email_domain')).toMatchObject({
      value: 'globex.io',
      field: 'contacts.email',
    });
    expect(o.title).toBe('Check that Jo Park is still the champion: email at globex.io');
    expect(o.tier).toBeGreaterThanOrEqual(3);
    expect(o.timing).not.toBe('now');
    expect(r.accounts[0]!.flags).not.toContain('champion_left');
    expect(r.accounts[0]!.health).toBe('green');
  });

  it('the check stays Tier 3 or lower, however high it scores', () => {
    // Tier bounds low enough that the check's composite alone would make Tier 1.
    const low = settings({ tiers: { tier1: 2.5, tier2: 2, tier3: 1.5, tier4: 1 } });
    const a = account({ domain: 'acme.com', arr: 2_000_000, health: { score: 90 } });
    const c = contact(a.id, { name: 'Jo Park', roles: ['champion'], email: 'jo@globex.io' });
    const o = only(score({ accounts: [a], contacts: [c] }, { settings: low }), 'champion_followup');
    expect(o.scores.composite).toBeGreaterThan(2.5);
    expect(o.tier).toBe(3);
    expect(o.timing).toBe('90d');
  });

  it.each([
    { name: 'status left', over: { status: 'left' as const }, field: 'contacts.status' },
    { name: 'a left date', over: { leftAt: addDays(AS_OF, -20) }, field: 'contacts.leftAt' },
    { name: 'a new company', over: { movedTo: { company: 'Globex' } }, field: 'contacts.movedTo' },
    {
      name: 'a bounce',
      over: { emailBouncedAt: addDays(AS_OF, -3) },
      field: 'contacts.emailBouncedAt',
    },
  ])('an email at another company with $name is a departure', ({ over, field }) => {
    const r = run('acme.com', { email: 'jo@globex.io', ...over });
    const o = only(r, 'champion_followup');
    expect(evidence(o, 'champion_left')).toMatchObject({ field });
    expect(r.accounts[0]!.flags).toContain('champion_left');
    expect(r.accounts[0]!.health).toBe('red');
  });

  it('a bounce past the lookback is no longer followed up', () => {
    const r = run('acme.com', { emailBouncedAt: addDays(AS_OF, -400) });
    expect(ofType(r, 'champion_followup')).toEqual([]);
  });
});
