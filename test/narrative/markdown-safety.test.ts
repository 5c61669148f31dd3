import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../src/model/index.js';
import {
  escapeMd,
  mdTableCell,
  renderAccountPlaybook,
  renderPlaybook,
} from '../../src/narrative/index.js';
import { AS_OF, account, catalog, contact, opportunity, summary } from './builders.js';
import { cells, headerValue, lintMarkdown, tableAfter, tableShapes } from './markdown-helpers.js';

const NASTY =
  'Acme | Co <script>alert(1)</script>\n*bold* _x_ [link](http://evil.test) `code` # 1. ~~s~~';

describe('escapeMd / mdTableCell', () => {
  it('keeps a value on one line and inert', () => {
    const e = escapeMd(NASTY);
    expect(e).not.toContain('\n');
    expect(e).not.toMatch(/(?<!\\)[<>|*_`[\]]/);
    expect(e).not.toContain('http://');
  });

  it('defuses block starts and fills empty cells', () => {
    expect(escapeMd('- item')).toBe('\\- item');
    expect(escapeMd('1. first')).toBe('1\\. first');
    expect(escapeMd('# title')).toBe('\\# title');
    expect(mdTableCell('  ')).toBe('—');
  });

  it('the lint helper does report broken Markdown (so a clean result means something)', () => {
    expect(lintMarkdown('#No space\n\n| a | b |\n| --- | --- |\n| 1 |\n')).not.toEqual([]);
  });
});

describe('CRM values with Markdown and HTML metacharacters', () => {
  const a = account({
    id: 'files:X|1',
    name: NASTY,
    arr: 50000,
    plan: 'professional',
    seats: { licensed: 100, active: 95 },
    owner: { id: 'u', name: 'Jo *Star* <b>Lee</b>' },
    health: { score: 40, tickets90d: 9, ticketThemes: ['<img src=x>'] },
  });
  const c = contact({
    id: 'c|1',
    accountId: a.id,
    name: 'Ann [admin] |x|',
    title: 'VP\nOps',
    roles: ['champion'],
    status: 'left',
    movedTo: { company: 'Evil <Corp>', title: 'CEO' },
  });
  const opps: Opportunity[] = [1, 2, 3].map((n) =>
    opportunity({
      accountId: a.id,
      accountName: NASTY,
      type: n === 3 ? 'champion_followup' : 'seat_expansion',
      title: `Seats | round ${n} <b>now</b>\nnext line`,
      evidence: [
        {
          signal: 'seat_utilization',
          text: '95% | of seats <script>x</script> for 3 weeks\n- not a list',
        },
      ],
      estimatedArr: 10000 * n,
      revenue: 9,
      effort: 9 - n * 2,
      likelihood: 9,
      risks: ['Risk | with <tags>'],
    }),
  );
  const s = summary(a, opps, { health: 'yellow', healthReasons: ['Tickets | up'] });
  const quiet = account({ id: 'files:Q', name: '_Quiet_ `Ltd`', arr: 1000 });
  const md = renderPlaybook({
    opportunities: opps,
    accounts: [s, summary(quiet, [])],
    asOf: AS_OF,
    portfolioName: 'Book | <i>x</i>',
    catalog: catalog(),
    contactsByAccount: new Map([[a.id, [c]]]),
    accountsById: new Map([
      [a.id, a],
      [quiet.id, quiet],
    ]),
  });

  it('keeps every table rectangular and carries no raw HTML', () => {
    for (const t of tableShapes(md)) for (const r of t.rows) expect(r).toBe(t.header);
    expect(md).not.toMatch(/(?<!\\)<\/?(script|b|img|i)\b/i);
    expect(lintMarkdown(md)).toEqual([]);
  });

  it('round-trips the values through the tables', () => {
    const row = tableAfter(md, '## Champion Follow-up')[0];
    expect(row?.length).toBe(6);
    expect(row?.[0]).toBe(mdTableCell(NASTY));
    expect(row?.[1]).toBe(mdTableCell('Seats | round 3 <b>now</b>\nnext line'));
    const fields = new Map(
      tableAfter(md, '**Score: 8.4/10** | Revenue: 9/10 | Effort: 7/10 | Likelihood: 9/10').map(
        (r) => [r[0], r[1]],
      ),
    );
    expect(fields.get('Account')).toBe(mdTableCell(NASTY));
    expect(fields.get('Owner')).toBe(mdTableCell('Jo *Star* <b>Lee</b>'));
    expect(cells('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
    expect(headerValue(md, 'Portfolio')).toBe(escapeMd('Book | <i>x</i>'));
  });

  it('keeps the single-account playbook well-formed too', () => {
    const deep = renderAccountPlaybook({
      account: a,
      summary: s,
      opportunities: opps,
      contacts: [c],
      catalog: catalog(),
      asOf: AS_OF,
    });
    for (const t of tableShapes(deep)) for (const r of t.rows) expect(r).toBe(t.header);
    expect(deep).not.toMatch(/(?<!\\)<\/?(script|b|img|corp)\b/i);
    expect(lintMarkdown(deep)).toEqual([]);
  });
});

describe('a large portfolio', () => {
  it('renders every account as one table row past the block limit and stays fast', () => {
    const accounts = Array.from({ length: 3000 }, (_, i) =>
      account({
        id: `files:A${i}`,
        name: `Account ${i}`,
        arr: 10000 + i,
        seats: { licensed: 10, active: 9 },
      }),
    );
    const opps = accounts.slice(0, 1500).map((a, i) =>
      opportunity({
        accountId: a.id,
        accountName: a.name,
        type: 'seat_expansion',
        title: 'Add seats',
        evidence: [{ signal: 'seat_utilization', text: '90% of seats in use' }],
        estimatedArr: 1000 + i,
        revenue: 5 + (i % 5),
        effort: 8,
        likelihood: 7,
      }),
    );
    const byAccount = new Map<string, Opportunity[]>(opps.map((o) => [o.accountId, [o]]));
    const started = performance.now();
    const md = renderPlaybook({
      opportunities: opps,
      accounts: accounts.map((a) => summary(a, byAccount.get(a.id) ?? [])),
      asOf: AS_OF,
      portfolioName: 'Big',
      catalog: catalog(),
      accountsById: new Map(accounts.map((a) => [a.id, a])),
      limits: { tier1Full: 5, tier2Brief: 10, accountBlocks: 200 },
    });
    expect(performance.now() - started).toBeLessThan(5000);
    const section = md.slice(
      md.indexOf('## Account-by-Account Summary'),
      md.indexOf('## Opportunity Distribution'),
    );
    expect(section.split('\n').filter((l) => /^\| Account \d/.test(l)).length).toBe(3000);
    expect(md.match(/^### files:/gm)?.length).toBe(15); // 5 full Tier 1 + 10 brief Tier 2, the rest in tables
    expect(Number(headerValue(md, 'Accounts Analyzed'))).toBe(3000);
  });
});
