import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import { ConfigError } from '../../src/errors.js';
import { DEFAULT_SETTINGS, ScoringSettingsSchema } from '../../src/scoring/index.js';
import { ROOT } from './builders.js';

const tmp = mkdtempSync(join(tmpdir(), 'headroom-scoring-'));
function load(yaml: string) {
  const file = join(tmp, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  return loadYamlFile(ScoringSettingsSchema, file);
}

describe('scoring settings', () => {
  it('defaults follow the seeds', () => {
    expect(DEFAULT_SETTINGS.weights).toEqual({ revenue: 0.4, effort: 0.3, likelihood: 0.3 });
    expect(DEFAULT_SETTINGS.tiers).toEqual({ tier1: 8, tier2: 6, tier3: 4, tier4: 2 });
    expect(DEFAULT_SETTINGS.usage.seatThreshold).toBe(0.8);
    expect(DEFAULT_SETTINGS.usage.sustainedDays).toBe(14);
    expect(DEFAULT_SETTINGS.usage.metricThreshold).toBe(0.85);
    expect(DEFAULT_SETTINGS.timing.justRenewedMonths).toBe(2);
    expect(DEFAULT_SETTINGS.timing.settledUntilMonths).toBe(4);
  });

  it('config/scoring.yaml spells out exactly the defaults', () => {
    expect(loadYamlFile(ScoringSettingsSchema, join(ROOT, 'config/scoring.yaml'))).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('a partial file overrides only what it names', () => {
    const s = load('usage: { seatThreshold: 0.9 }\neffort: { byType: { add_on: 7 } }\n');
    expect(s.usage.seatThreshold).toBe(0.9);
    expect(s.usage.sustainedDays).toBe(14);
    expect(s.effort.byType.add_on).toBe(7);
    expect(s.effort.byType.seat_expansion).toBe(8);
  });

  it.each([
    ['an unknown key', 'usage: { seatTreshold: 0.9 }\n', 'usage'],
    ['weights that do not sum to 1', 'weights: { revenue: 0.5 }\n', 'weights'],
    ['an out-of-range share', 'usage: { seatThreshold: 1.5 }\n', 'usage.seatThreshold'],
    [
      'bands out of order',
      'revenue: { relativeBands: [{ min: 10, low: 5, high: 6 }, { min: 0, low: 1, high: 2 }] }\n',
      'revenue.relativeBands',
    ],
    ['an unknown opportunity type', 'effort: { byType: { upsell: 5 } }\n', 'effort.byType'],
  ])('refuses %s, naming the key path', (_what, yaml, path) => {
    try {
      load(yaml);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.path)).toContain(path);
    }
  });
});
