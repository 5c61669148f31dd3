import { describe, expect, it } from 'vitest';
import { account, evidence, ofType, only, score, signal } from './builders.js';

describe('module gaps from workarounds, initiatives, ticket themes and competitors', () => {
  it.each([
    {
      kind: 'workaround',
      detail: 'Finance exports to Excel every Monday',
      module: 'insight_studio',
      keyword: 'excel',
    },
    {
      kind: 'initiative',
      detail: 'SOC 2 certification this year',
      module: 'compliance_suite',
      keyword: 'soc 2',
    },
    { kind: 'regulatory', detail: 'GDPR audit in Q3', module: 'compliance_suite', keyword: 'gdpr' },
    {
      kind: 'workaround',
      detail: 'sign-offs chased by copy-paste',
      module: 'workflow_automation',
      keyword: 'copy-paste',
    },
  ] as const)('$kind "$detail" → add-on $module', ({ kind, detail, module, keyword }) => {
    const a = account({ seats: { licensed: 50, active: 30 } });
    const o = only(score({ accounts: [a], signals: [signal(a.id, kind, detail)] }), 'add_on');
    expect(o.id).toContain(module);
    expect(evidence(o, 'module_need')).toMatchObject({
      value: keyword,
      threshold: module,
      field: `signals[${kind}].detail`,
    });
  });

  it('matches on word boundaries only ("bi" is not in "mobile")', () => {
    const a = account();
    expect(
      ofType(
        score({ accounts: [a], signals: [signal(a.id, 'workaround', 'mobile app crashes')] }),
        'add_on',
      ),
    ).toHaveLength(0);
  });

  it('prices from the catalog: per seat, flat and % of ARR', () => {
    const a = account({ arr: 100000, seats: { licensed: 50, active: 30 } });
    const r = score({
      accounts: [a],
      signals: [
        signal(a.id, 'workaround', 'tracking in spreadsheets'),
        signal(a.id, 'initiative', 'HIPAA readiness'),
        signal(a.id, 'initiative', 'security questionnaire backlog'),
      ],
    });
    const price = (m: string) => ofType(r, 'add_on').find((o) => o.id.includes(m))?.estimatedArr;
    expect(price('insight_studio')).toBe(50 * 120);
    expect(price('compliance_suite')).toBe(15000);
    expect(price('advanced_security')).toBe(12000);
  });

  it('a ticket theme is matched like a signal', () => {
    const a = account({ health: { score: 80, ticketThemes: ['webhooks failing'] } });
    const o = only(score({ accounts: [a] }), 'add_on');
    expect(evidence(o, 'module_need')).toMatchObject({
      value: 'webhooks',
      field: 'health.ticketThemes',
    });
  });

  it('a competitor used alongside is competitive displacement', () => {
    const a = account();
    const r = score({
      accounts: [a],
      signals: [signal(a.id, 'competitor', 'Marketing runs Tableau for reporting')],
    });
    expect(ofType(r, 'add_on')).toHaveLength(0);
    const o = only(r, 'competitive_displacement');
    expect(evidence(o, 'competitor')).toMatchObject({
      value: 'tableau',
      threshold: 'insight_studio',
    });
    expect(o.risks.join(' ')).toMatch(/Competitor/);
  });

  it('flags a module that needs a higher tier', () => {
    const a = account({ plan: 'starter' });
    const o = only(
      score({ accounts: [a], signals: [signal(a.id, 'initiative', 'SOC2 audit')] }),
      'add_on',
    );
    expect(o.risks).toContain('Requires the Professional tier (account is on Starter)');
  });

  it('ignores signals older than the lookback', () => {
    const a = account();
    const old = signal(a.id, 'workaround', 'spreadsheets', { date: '2025-06-01' });
    expect(ofType(score({ accounts: [a], signals: [old] }), 'add_on')).toHaveLength(0);
  });
});
