import { describe, expect, it } from 'vitest';
import { CATALOG, account, evidence, ofType, only, score, signal, weekly } from './builders.js';

describe('activation: paid-for, unused', () => {
  it.each([
    { active: 29, fires: true }, // 58%
    { active: 30, fires: false }, // 60%: at the threshold, in use
  ])('$active of 50 seats active → activation: $fires', ({ active, fires }) => {
    const a = account({ seats: { licensed: 50, active } });
    const found = ofType(score({ accounts: [a] }), 'activation').filter((o) =>
      evidence(o, 'seat_utilization'),
    );
    expect(found).toHaveLength(fires ? 1 : 0);
  });

  it('sizes the idle value, sells nothing', () => {
    const a = account({ seats: { licensed: 50, active: 20 } });
    const o = ofType(score({ accounts: [a] }), 'activation').find((x) =>
      evidence(x, 'idle_value'),
    )!;
    expect(o.estimatedArr).toBe(0);
    expect(evidence(o, 'idle_value')).toMatchObject({ value: 30 * 540 });
  });

  it('features of their own tier mostly unused → activation', () => {
    const pro = CATALOG.tiers.find((t) => t.key === 'professional')!;
    const a = account({ featuresUsed: pro.features.slice(0, 5) }); // 42%
    const o = ofType(score({ accounts: [a] }), 'activation').find((x) =>
      evidence(x, 'feature_adoption'),
    )!;
    expect(evidence(o, 'feature_adoption')).toMatchObject({ value: 42, threshold: 50 });
  });

  it('an owned module with zero usage → activation of that module', () => {
    const a = account({ products: ['insight_studio'] });
    const r = score({ accounts: [a], usage: weekly(a.id, 'insight_studio', [3, 0, 0]) });
    const o = ofType(r, 'activation').find((x) => evidence(x, 'module_unused'))!;
    expect(o.title).toContain('Insight Studio');
  });

  it('an owned module whose need is worked around → activation, never an add-on', () => {
    const a = account({ products: ['insight_studio'] });
    const r = score({
      accounts: [a],
      signals: [signal(a.id, 'workaround', 'weekly Excel exports')],
    });
    expect(ofType(r, 'add_on')).toHaveLength(0);
    expect(only(r, 'activation').estimatedArr).toBe(0);
  });
});
