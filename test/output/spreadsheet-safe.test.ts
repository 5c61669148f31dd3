/**
 * What Headroom writes that a spreadsheet may open keeps formula-looking text as text (OWASP CSV
 * injection: a leading `'`), while negative numbers stay numbers. The playbook's tables are the
 * writer today: an account named like a formula must not run when the table is pasted into a
 * sheet.
 */
import { describe, expect, it } from 'vitest';
import { mdTableCell, renderPlaybook } from '../../src/narrative/index.js';
import { neutralizeFormula } from '../../src/output/spreadsheet-safe.js';
import { AS_OF, account, catalog, opportunity, summary } from '../narrative/builders.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x";"y")', `'=HYPERLINK("http://x";"y")`],
    ['+cmd|/C calc', `'+cmd|/C calc`],
    ['-2+3+cmd', `'-2+3+cmd`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+2', `'\t=1+2`],
    ['Acme = good', 'Acme = good'],
  ])('keeps %j as text', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  it.each(['-1200', '-1,200.50', '+5', '-12%', '-.5', '-3e2'])(
    'leaves the negative number %j a number',
    (n) => {
      expect(neutralizeFormula(n)).toBe(n);
    },
  );

  it('passes numbers and other values through', () => {
    expect(neutralizeFormula(-5)).toBe(-5);
    expect(neutralizeFormula(undefined)).toBeUndefined();
  });
});

describe('playbook tables', () => {
  it('carry a formula-looking account name as text', () => {
    const a = account({ id: 'files:F', name: '=HYPERLINK("http://evil.test";"click")' });
    const o = opportunity({
      accountId: a.id,
      accountName: a.name,
      type: 'seat_expansion',
      title: 'Add seats',
      estimatedArr: 12000,
      // Composite 5.0: Tier 3, which the playbook lists in a table.
      revenue: 5,
      effort: 5,
      likelihood: 5,
      evidence: [{ signal: 'seat_utilization', text: '95% of seats in use' }],
    });
    const md = renderPlaybook({
      opportunities: [o],
      accounts: [summary(a, [o])],
      asOf: AS_OF,
      portfolioName: 'Formula test book',
      catalog: catalog(),
      accountsById: new Map([[a.id, a]]),
    });
    const cellsWithName = md
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .flatMap((l) => l.split(' | '))
      .filter((c) => c.includes('HYPERLINK'));
    expect(cellsWithName.length).toBeGreaterThan(0);
    for (const c of cellsWithName) expect(c.replace(/^\| /, '')).toMatch(/^'/);
    expect(mdTableCell(a.name).startsWith(`'`)).toBe(true);
  });
});
