/**
 * Results of one run share the values that repeat (score sets, stakeholder sets, empty lists,
 * flag lists): they must be impossible to change in place, or editing one opportunity would
 * silently edit others.
 */
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/scoring.bench.js';
import { ACCOUNT_FLAGS } from '../../src/model/output.js';
import { DEFAULT_SETTINGS, scorePortfolio } from '../../src/scoring/index.js';
import { AS_OF, CATALOG } from './builders.js';

const { opportunities, accounts } = scorePortfolio({
  portfolio: generatePortfolio(300, CATALOG, 11),
  catalog: CATALOG,
  settings: DEFAULT_SETTINGS,
  asOf: AS_OF,
});

describe('values shared between the results of a run', () => {
  it('shares equal score sets, frozen', () => {
    const byKey = new Map<string, object>();
    let shared = 0;
    for (const o of opportunities) {
      expect(Object.isFrozen(o.scores)).toBe(true);
      const key = JSON.stringify(o.scores);
      const seen = byKey.get(key);
      if (seen) {
        expect(o.scores).toBe(seen);
        shared++;
      } else byKey.set(key, o.scores);
    }
    // The portfolio has repeats to share (else the loop above checked nothing).
    expect(shared).toBeGreaterThan(0);
  });

  it('refuses a change in place to any shared value', () => {
    const o = opportunities[0]!;
    expect(() => {
      (o.scores as { composite: number }).composite = 10;
    }).toThrow(TypeError);
    expect(() => (o.approach as string[]).push('call them')).toThrow(TypeError);
    expect(() => {
      (o.stakeholders as { pitchTo?: string }).pitchTo = 'someone else';
    }).toThrow(TypeError);
    const flagged = accounts.find((a) => a.flags.length > 0)!;
    expect(() => (flagged.flags as string[]).push('at_risk')).toThrow(TypeError);
    const quiet = opportunities.find((x) => x.risks.length === 0)!;
    expect(() => (quiet.risks as string[]).push('x')).toThrow(TypeError);
  });

  it('lists account flags in the contract order', () => {
    for (const a of accounts) {
      const positions = a.flags.map((f) => ACCOUNT_FLAGS.indexOf(f));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      expect(new Set(a.flags).size).toBe(a.flags.length);
    }
  });
});
