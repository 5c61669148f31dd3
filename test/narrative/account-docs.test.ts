import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/model/index.js';
import {
  championPlan,
  outreachDrafts,
  qbrAgenda,
  renderAccountPlaybook,
  renderChampionPlanMarkdown,
  renderOutreachMarkdown,
  renderQbrMarkdown,
  unlockPlan,
  type NarrativeContext,
} from '../../src/narrative/index.js';
import { AS_OF, catalog } from './builders.js';
import { headings, lintMarkdown } from './markdown-helpers.js';
import { portfolio } from './portfolio-fixture.js';

const f = portfolio();
const ctx = (name: string): NarrativeContext & { summary: (typeof f.summaries)[number] } => {
  const account = f.accounts.find((a) => a.name === name);
  const summary = f.summaries.find((s) => s.name === name);
  if (!account || !summary) throw new Error(name);
  return {
    account,
    summary,
    contacts: f.contacts.filter((c) => c.accountId === account.id),
    catalog: catalog(),
    asOf: AS_OF,
    opportunities: f.opportunities.filter((o) => o.accountId === account.id),
  };
};

describe('qbrAgenda', () => {
  it.each([60, 90] as const)(
    'allocates exactly %i minutes, opening with value and ending with next steps',
    (d) => {
      const agenda = qbrAgenda({ ...ctx('Northwind Logistics'), durationMinutes: d });
      expect(agenda.sections.reduce((t, s) => t + s.minutes, 0)).toBe(d);
      expect(agenda.sections[0]?.title).toBe('Value realized to date');
      expect(agenda.sections[0]?.points).toContain(
        'Adoption: 44 of 50 licensed seats in use (88%).',
      );
      expect(agenda.sections.at(-1)?.title).toBe('Next steps');
      for (const s of agenda.sections) expect(s.questions.length).toBeGreaterThan(0);
      expect(agenda.expansionFocus).toBe(true);
      expect(agenda.sections.map((s) => s.points.join(' ')).join(' ')).toContain(
        '62 Professional seats',
      );
    },
  );

  it('gives a red account a fix-first agenda with no expansion recommendation', () => {
    const agenda = qbrAgenda(ctx('Cobalt Retail'));
    expect(agenda.expansionFocus).toBe(false);
    expect(agenda.sections.map((s) => s.title)).toContain('Open issues and the fix plan');
    expect(agenda.sections.reduce((t, s) => t + s.minutes, 0)).toBe(60);
    const md = renderQbrMarkdown(agenda);
    expect(md).not.toMatch(/recommendation/i);
    expect(lintMarkdown(md)).toEqual([]);
  });
});

describe('outreachDrafts', () => {
  const c = ctx('Northwind Logistics');
  const seat = c.opportunities?.find((o) => o.type === 'seat_expansion');
  if (!seat) throw new Error('fixture');
  const d = outreachDrafts(seat, c);

  it('drafts an email, opening points, three discovery questions and a follow-up', () => {
    expect(d.preMeetingEmail.body).toMatch(/^Hi Dana,/);
    expect(d.to).toEqual({ name: 'Dana Ruiz', title: 'Director of Operations' });
    expect(d.preMeetingEmail.body).toContain('88% (44 of 50 seats) for 5 weeks');
    expect(d.preMeetingEmail.body).toMatch(/Priya Shah$/);
    expect(d.openingTalkingPoints.length).toBeGreaterThanOrEqual(3);
    expect(d.discoveryQuestions).toHaveLength(3);
    expect(d.followUp.body).toContain('Headcount grew from 310 to 402');
    expect(d.hypothesisFraming).toContain('$6,480');
  });

  it('renders as lint-clean Markdown with the three questions numbered', () => {
    const md = renderOutreachMarkdown(d);
    expect(headings(md, 2)).toEqual([
      'Pre-meeting email',
      'Opening talking points',
      'Presenting the hypothesis',
      'Discovery questions',
      'Follow-up',
    ]);
    expect(md.match(/^[123]\. /gm)).toHaveLength(3);
    expect(lintMarkdown(md)).toEqual([]);
  });
});

describe('championPlan', () => {
  const c = ctx('Evergreen Bank');
  const lena = c.contacts.find((x) => x.name === 'Lena Fischer') as Contact;
  const plan = championPlan(lena, c);

  it('rates the risk from who is left and how close the renewal is', () => {
    // Raj Patel is only a power user: no sponsor remains, and the renewal is 60 days away.
    expect(plan.risk.level).toBe('high');
    expect(plan.risk.reasons.join(' ')).toContain('May 1, 2026, 60 days away');
  });

  it('covers stabilization, the new company, outreach and a new champion in 60 days', () => {
    expect(plan.stabilize.length).toBeGreaterThanOrEqual(3);
    expect(plan.newCompany?.company).toBe('Harbor Credit Union');
    expect(plan.newCompany?.hypothesis).toContain('COO at Harbor Credit Union');
    expect(plan.outreach.timing).toContain('Mar 2, 2026'); // left Feb 1 + 3 weeks is already past
    expect(plan.newChampion.candidates).toEqual(['Raj Patel (IT Manager)']);
    expect(plan.newChampion.by).toBe('2026-05-01');
    const md = renderChampionPlanMarkdown(plan);
    expect(headings(md, 2).map((h) => h.replace(/:.*/, ''))).toEqual([
      'Risk at the account',
      'Stabilize the account',
      'The opportunity at the new company',
      'Reaching out to the former champion',
      'A new champion by May 1, 2026',
    ]);
    expect(lintMarkdown(md)).toEqual([]);
  });
});

describe('unlockPlan', () => {
  it('names what would unlock a red account, with its own figures', () => {
    const lines = unlockPlan(ctx('Cobalt Retail').summary, ctx('Cobalt Retail'));
    expect(lines).toContain('Bring the health score from 38 back above the green line.');
    expect(lines.join(' ')).toContain('22 tickets in 90 days: rate limits, sync failures');
    expect(lines.join(' ')).toContain('12 of 30 licensed seats in use (40%)');
  });
});

describe('renderAccountPlaybook', () => {
  it('goes deep on one account: snapshot, opportunities, plays, QBR, outreach and champion plan', () => {
    const c = ctx('Evergreen Bank');
    const md = renderAccountPlaybook({
      account: c.account,
      summary: c.summary,
      opportunities: f.opportunities,
      contacts: c.contacts,
      catalog: c.catalog,
      asOf: AS_OF,
    });
    expect(headings(md, 2)).toEqual(
      expect.arrayContaining([
        'Account Snapshot',
        'Expansion Opportunities',
        'Plays Outside Expansion',
        'QBR Agenda: Evergreen Bank',
        'Outreach: Evergreen Bank',
        'Champion Plan: Lena Fischer (Evergreen Bank)',
      ]),
    );
    expect(md).not.toContain('Northwind');
    expect(lintMarkdown(md)).toEqual([]);
  });
});
