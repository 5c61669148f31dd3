import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../src/model/index.js';
import {
  narrateAll,
  narrateOpportunity,
  talkingTrack,
  type NarrativeContext,
} from '../../src/narrative/index.js';
import { AS_OF, account, catalog } from './builders.js';
import { portfolio } from './portfolio-fixture.js';

const f = portfolio();
const ctxFor = (o: Opportunity): NarrativeContext => {
  const acc = f.accounts.find((a) => a.id === o.accountId);
  if (!acc) throw new Error(o.accountId);
  return {
    account: acc,
    contacts: f.contacts.filter((c) => c.accountId === acc.id),
    catalog: catalog(),
    asOf: AS_OF,
    opportunities: f.opportunities,
  };
};
const seat = f.opportunities.find((o) => o.type === 'seat_expansion') as Opportunity;

/** Every number written in a text: `88`, `6,480`, `2026`. */
const numbers = (text: string): string[] => text.match(/\d[\d,]*(\.\d+)?/g) ?? [];

describe('narrateOpportunity', () => {
  it('opens with the customer\u2019s own numbers from the evidence', () => {
    const { pitch } = narrateOpportunity(seat, ctxFor(seat));
    const opening = pitch.split('\n')[0] ?? '';
    expect(opening).toMatch(/^"(Your own numbers|Looking at how your team)/);
    expect(opening).toContain('88% (44 of 50 seats) for 5 weeks');
  });

  it('has three key points: usage, the quantified value against today\u2019s ARR, proof from their data', () => {
    const t = talkingTrack(seat, ctxFor(seat));
    expect(t.keyPoints).toHaveLength(3);
    expect(t.keyPoints[0]).toContain('310 to 402');
    expect(t.keyPoints[1]).toContain("$6,480 a year (24% on top of today's $27,000)");
    expect(t.keyPoints[2]).toMatch(/NPS of 45|Dec 10, 2025/);
    expect(t.keyPoints.join(' ')).not.toMatch(/quota/i);
  });

  it('writes no figure that is not in the opportunity or the account', () => {
    const ctx = ctxFor(seat);
    const { pitch } = narrateOpportunity(seat, ctx);
    const sources = [JSON.stringify(seat), JSON.stringify(ctx.account), '24', '88', '2025'].join(
      ' ',
    );
    for (const n of numbers(pitch))
      expect(sources, `figure ${n}`).toContain(n.replace(/,/g, '').replace(/^(\d+)\.\d+$/, '$1'));
  });

  it('gives at least three dated approach steps owned by the account owner, ending on the deadline', () => {
    const { approach } = narrateOpportunity(seat, ctxFor(seat));
    expect(approach.length).toBeGreaterThanOrEqual(3);
    for (const s of approach)
      expect(s).toMatch(/^Priya Shah\b.*\(by [A-Z][a-z]{2} \d{1,2}, \d{4}\)$/);
    expect(approach.at(-1)).toContain('(by Mar 16, 2026)');
  });

  it('uses a role, never an invented person, when the account has no owner', () => {
    const trial = f.opportunities.find((o) => o.type === 'conversion') as Opportunity;
    const { approach } = narrateOpportunity(trial, ctxFor(trial));
    expect(approach[0]).toMatch(/^Account owner: /);
  });

  it('answers objections specific to the type and the evidence', () => {
    const { objections } = narrateOpportunity(seat, ctxFor(seat));
    expect(objections.length).toBeGreaterThanOrEqual(2);
    expect(objections[0]?.response).toContain('44 of 50 licensed seats in use (88%)');
    const upgrade = f.opportunities.find((o) => o.type === 'tier_upgrade') as Opportunity;
    const up = narrateOpportunity(upgrade, ctxFor(upgrade)).objections.map((o) => o.objection);
    expect(up).toContain('Let us talk about it at renewal.'); // renewal-aligned
    expect(up).toContain('We have open issues with you first.'); // yellow health
  });

  it('keeps activation an enablement conversation, never an upsell', () => {
    const act = f.opportunities.find((o) => o.type === 'activation') as Opportunity;
    const n = narrateOpportunity(act, ctxFor(act));
    expect(n.pitch).toContain('26 of your 40 licensed seats are unused');
    expect(n.approach.join(' ')).not.toMatch(/proposal/i);
  });

  it('varies the wording between opportunities of one type and is deterministic', () => {
    const leads = new Set(
      Array.from({ length: 12 }, (_, i) =>
        narrateOpportunity({ ...seat, id: `${seat.id}-${i}` }, ctxFor(seat)).pitch.slice(0, 20),
      ),
    );
    expect(leads.size).toBeGreaterThan(1);
    expect(narrateOpportunity(seat, ctxFor(seat))).toEqual(narrateOpportunity(seat, ctxFor(seat)));
  });

  it('refuses an opportunity of another account', () => {
    const other = { ...ctxFor(seat), account: account({ id: 'files:Z', name: 'Zed' }) };
    expect(() => narrateOpportunity(seat, other)).toThrow(/belongs to files:ACC-1/);
  });
});

describe('narrateAll', () => {
  it('fills pitch, approach and objections for every opportunity of a known account', () => {
    const out = narrateAll({
      opportunities: f.opportunities,
      accountsById: new Map(f.accounts.map((a) => [a.id, a])),
      contactsByAccount: new Map(),
      catalog: catalog(),
      asOf: AS_OF,
    });
    expect(out).toHaveLength(f.opportunities.length);
    for (const o of out) {
      expect(o.pitch).toMatch(/Key points to hit:\n1\. .+\n2\. .+\n3\. .+/);
      expect(o.approach.length).toBeGreaterThanOrEqual(3);
      expect(o.objections.length).toBeGreaterThanOrEqual(2);
    }
  });
});
