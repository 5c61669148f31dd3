/**
 * A mapping's declared `scales` reach the settings its run scores with: each scale it names wins
 * over the settings' own; what it does not name is left as the settings have it.
 */
import { describe, expect, it } from 'vitest';
import { withDeclaredScales } from '../../src/runtime/scoring-config.js';
import { DEFAULT_SETTINGS } from '../../src/scoring/index.js';
import type { DeclaredScales, Scales } from '../../src/model/scales.js';

// Settings with the given scales, or with none at all (the scoring settings now default them).
const { scales: _defaults, ...unscaled } = DEFAULT_SETTINGS;
const settings = (scales?: Scales) => ({ ...unscaled, ...(scales ? { scales } : {}) });
const auto: Scales = { nps: 'auto', csat: 'auto', healthScore: 'auto' };

describe('withDeclaredScales', () => {
  it.each<[string, Scales | undefined, DeclaredScales | undefined, Partial<Scales> | undefined]>([
    ['nothing declared: the settings as they are', auto, undefined, auto],
    [
      'an empty declaration changes nothing',
      { ...auto, csat: '1-5' },
      {},
      { ...auto, csat: '1-5' },
    ],
    ['a declared scale wins', auto, { nps: 'response' }, { ...auto, nps: 'response' }],
    [
      'only the named scales change',
      { nps: 'index', csat: '0-100', healthScore: '0-10' },
      { csat: 'fraction' },
      { nps: 'index', csat: 'fraction', healthScore: '0-10' },
    ],
    [
      'settings without scales take the declaration',
      undefined,
      { healthScore: '0-100' },
      { healthScore: '0-100' },
    ],
  ])('%s', (_what, own, declared, expected) => {
    const out = withDeclaredScales(settings(own), declared) as { scales?: Partial<Scales> };
    expect(out.scales).toEqual(expected);
  });

  it('leaves every other setting untouched and does not change its input', () => {
    const input = settings(auto);
    const out = withDeclaredScales(input, { nps: 'response' });
    expect({ ...out, scales: undefined }).toEqual({ ...input, scales: undefined });
    expect(input.scales).toEqual(auto);
  });
});
