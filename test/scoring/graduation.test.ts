import { describe, expect, it } from 'vitest';
import { CATALOG, account, evidence, ofType, only, score, signal } from './builders.js';

const professional = CATALOG.tiers.find((t) => t.key === 'professional')!;

describe('graduation to a higher tier', () => {
  it.each([
    { used: 10, fires: true }, // 10 of 12 = 83%
    { used: 9, fires: false }, // 75%, under 80%
  ])('uses $used of 12 Professional features → upgrade: $fires', ({ used, fires }) => {
    const a = account({
      featuresUsed: professional.features.slice(0, used),
      seats: { licensed: 30, active: 20 },
    });
    const r = score({ accounts: [a] });
    expect(ofType(r, 'tier_upgrade')).toHaveLength(fires ? 1 : 0);
    if (fires) {
      const o = only(r, 'tier_upgrade');
      expect(evidence(o, 'feature_adoption')).toMatchObject({
        value: 83,
        threshold: 80,
        field: 'featuresUsed',
      });
      expect(o.estimatedArr).toBe(30 * (840 - 540));
    }
  });

  it('a ticket theme asking for a higher-tier feature is a request, and a strong trigger', () => {
    const a = account({
      featuresUsed: ['dashboards'],
      health: { score: 85, ticketThemes: ['Need an audit log export'] },
    });
    const o = only(score({ accounts: [a] }), 'tier_upgrade');
    expect(evidence(o, 'feature_request')).toMatchObject({
      value: 'audit_log',
      threshold: 'enterprise',
      field: 'health.ticketThemes',
    });
  });

  it('asks for a feature the current tier has → no upgrade', () => {
    const a = account({
      featuresUsed: ['dashboards'],
      health: { score: 85, ticketThemes: ['how do workflows work'] },
    });
    expect(ofType(score({ accounts: [a] }), 'tier_upgrade')).toHaveLength(0);
  });

  it('a Starter account asking for SSO upgrades one step, to Professional', () => {
    const a = account({ plan: 'starter', featuresUsed: ['dashboards'] });
    const o = only(
      score({
        accounts: [a],
        signals: [signal(a.id, 'initiative', 'Rolling out SSO company-wide')],
      }),
      'tier_upgrade',
    );
    expect(o.proposedState).toBe('Professional');
  });

  it('the top tier has nowhere to graduate', () => {
    const top = CATALOG.tiers.at(-1)!;
    const a = account({ plan: top.key, featuresUsed: top.features });
    expect(ofType(score({ accounts: [a] }), 'tier_upgrade')).toHaveLength(0);
  });
});
