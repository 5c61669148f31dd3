import { describe, expect, it } from 'vitest';
import { renderBacktest } from '../../src/learning/index.js';
import type { BacktestResult } from '../../src/learning/index.js';

const result: BacktestResult = {
  cutoff: '2026-06-01',
  windowEnd: '2026-08-30',
  accounts: 2,
  expandedAccounts: 1,
  baseRate: 0.5,
  k: 1,
  hits: 1,
  precisionAtK: 1,
  recall: 1,
  lift: 2,
  arrPrecisionAtK: 0,
  expandedArr: 4080,
  capturedArr: 4080,
  top: [
    {
      accountId: 'a',
      name: '<Blue> Harbor | Studios',
      score: 5.6,
      arrAtCutoff: 5100,
      expanded: true,
      expansionArr: 4080,
    },
  ],
};

describe('renderBacktest', () => {
  it('escapes CRM names in its tables: no raw HTML, no broken columns', () => {
    const md = renderBacktest(result);
    const row = md.split('\n').find((l) => l.includes('Harbor'))!;
    expect(row).not.toMatch(/<Blue>/);
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });
});
