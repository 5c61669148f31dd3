import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import {
  renderSignalPrecision,
  signalPrecision,
  type HistoryItem,
} from '../../src/learning/signal-precision.js';
import type { Outcome } from '../../src/learning/outcomes.js';
import { makeOpportunity } from './gen.js';

const outcome = (kind: Outcome['outcome'], amount = 0): Outcome => ({
  accountId: 'files:a',
  outcome: kind,
  amount,
  closedAt: '2025-03-01',
  source: 'deal',
});

function history(): HistoryItem[] {
  const util = { signal: 'seat_utilization', text: 'seats full' };
  const fund = { signal: 'funding', text: 'raised' };
  return [
    {
      opportunity: makeOpportunity('1', { evidence: [util, util] }),
      outcome: outcome('won', 10_000),
    },
    {
      opportunity: makeOpportunity('2', { evidence: [util, fund] }),
      outcome: outcome('won', 5_000),
    },
    { opportunity: makeOpportunity('3', { evidence: [util] }), outcome: outcome('lost') },
    {
      opportunity: makeOpportunity('4', { evidence: [fund], type: 'add_on' }),
      outcome: outcome('dismissed'),
    },
    { opportunity: makeOpportunity('5', { evidence: [fund], type: 'add_on' }) },
  ];
}

describe('signalPrecision', () => {
  it('counts each signal once per opportunity, overall and per type, leaving open ones out', () => {
    const rows = signalPrecision(history());
    const row = (key: string, type: string) => rows.find((r) => r.key === key && r.type === type);
    expect(row('seat_utilization', 'all')).toMatchObject({
      raised: 3,
      won: 2,
      lost: 1,
      dismissed: 0,
      open: 0,
      wonArr: 15_000,
    });
    expect(row('seat_utilization', 'all')!.precision).toBeCloseTo(2 / 3, 12);
    expect(row('funding', 'all')).toMatchObject({
      raised: 3,
      won: 1,
      dismissed: 1,
      open: 1,
      precision: 0.5,
    });
    expect(row('funding', 'add_on')).toMatchObject({
      raised: 2,
      won: 0,
      dismissed: 1,
      open: 1,
      precision: 0,
    });
    expect(row('funding', 'seat_expansion')).toMatchObject({ raised: 1, won: 1, precision: 1 });
  });

  it('puts the most precise signal first, its overall row before its per-type rows', () => {
    const rows = signalPrecision(history());
    expect(rows.map((r) => `${r.key}/${r.type}`)).toEqual([
      'seat_utilization/all',
      'seat_utilization/seat_expansion',
      'funding/all',
      'funding/add_on',
      'funding/seat_expansion',
    ]);
    const first = rows[0]!;
    expect(first.low).toBeLessThan(first.precision!);
    expect(first.high).toBeGreaterThan(first.precision!);
  });
});

describe('renderSignalPrecision', () => {
  it('renders a lint-clean Markdown table for the playbook', () => {
    const section = renderSignalPrecision(signalPrecision(history()));
    expect(section.title).toBe('Signal Precision');
    expect(section.markdown).toContain(
      '| seat_utilization | **all types** | 3 | 2 | 1 | 0 | 0 | 67% | 21%–94% | $15,000 |',
    );
    const doc = `# Playbook\n\n## ${section.title}\n\n${section.markdown}`;
    const result = lint({ strings: { doc }, config: { default: true, MD013: false } });
    expect(result.doc).toEqual([]);
  });

  it('says so when nothing has been resolved yet', () => {
    expect(renderSignalPrecision([]).markdown).toMatch(/No opportunity has been resolved yet/);
  });
});
