import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/records.js';
import { indexCatalog } from '../../src/scoring/catalog-index.js';
import { buildContext } from '../../src/scoring/context.js';
import { addDays } from '../../src/scoring/dates.js';
import type { Candidate } from '../../src/scoring/detectors/candidate.js';
import { buildBenchmarks } from '../../src/scoring/detectors/benchmarks.js';
import { DEFAULT_SETTINGS } from '../../src/scoring/index.js';
import { indexPortfolio } from '../../src/scoring/portfolio-index.js';
import { timeOpportunity } from '../../src/scoring/timing.js';
import { AS_OF, CATALOG, account, deal, portfolio } from './builders.js';

const cx = indexCatalog(CATALOG);
function ctxOf(a: Account, deals = [] as ReturnType<typeof deal>[]) {
  const p = portfolio({ accounts: [a], deals });
  return buildContext(
    a,
    indexPortfolio(p).records(a.id),
    AS_OF,
    DEFAULT_SETTINGS,
    cx,
    buildBenchmarks([], cx, DEFAULT_SETTINGS),
  );
}
const cand = (over: Partial<Candidate> = {}): Candidate => ({
  type: 'add_on',
  category: 'expansion',
  subject: 'x',
  title: 't',
  description: '',
  evidence: [],
  currentState: '',
  proposedState: '',
  estimatedArr: 1000,
  strength: 0.5,
  strongTrigger: false,
  risks: [],
  ...over,
});
// First term ends 2026-12-01: no renewal yet; notice date 2026-09-02, far beyond every deadline.
const fresh = account({
  contract: { start: '2025-12-01', renewal: '2026-12-01', termMonths: 12 },
  health: { score: 85 },
});

describe('timing by tier', () => {
  it.each([
    { tier: 1, timing: 'now', days: 7 },
    { tier: 2, timing: '30d', days: 30 },
    { tier: 3, timing: '90d', days: 90 },
    { tier: 4, timing: 'hold', days: 90 },
    { tier: 5, timing: 'hold', days: 90 },
  ])('Tier $tier → $timing, deadline +$days days', ({ tier, timing, days }) => {
    const t = timeOpportunity(cand(), tier, ctxOf(fresh));
    expect(t).toMatchObject({
      timing,
      deadline: addDays(AS_OF, days),
      tier,
      renewalAligned: false,
    });
  });

  it.each([
    { tier: 2, timing: 'now' },
    { tier: 3, timing: '30d' },
    { tier: 4, timing: 'hold' },
  ])('a strong trigger moves Tier $tier one step forward → $timing', ({ tier, timing }) => {
    expect(timeOpportunity(cand({ strongTrigger: true }), tier, ctxOf(fresh)).timing).toBe(timing);
  });

  it('yellow health slows a Tier 1 expansion to 30d unless the trigger is strong', () => {
    const yellow = ctxOf(account({ ...fresh, id: 'files:Y', health: { score: 60 } }));
    expect(timeOpportunity(cand(), 1, yellow).timing).toBe('30d');
    expect(timeOpportunity(cand({ strongTrigger: true }), 1, yellow).timing).toBe('now');
  });
});

describe('renewal alignment', () => {
  it('near the notice date: now, deadline the notice date, aligned', () => {
    const a = account({
      contract: { start: '2025-06-01', renewal: addDays(AS_OF, 130), termMonths: 12 },
    });
    const t = timeOpportunity(cand(), 3, ctxOf(a));
    expect(t).toMatchObject({ timing: 'now', deadline: addDays(AS_OF, 40), renewalAligned: true });
    expect(t.reason).toContain('renewal');
  });

  it('inside the notice window: now, before the renewal', () => {
    const a = account({
      contract: { start: '2025-06-01', renewal: addDays(AS_OF, 5), termMonths: 12 },
    });
    expect(timeOpportunity(cand(), 2, ctxOf(a))).toMatchObject({
      timing: 'now',
      deadline: addDays(AS_OF, 5),
      renewalAligned: true,
    });
  });

  it('a 90d play whose deadline would pass the notice date is clipped to it', () => {
    const a = account({
      contract: { start: '2025-06-01', renewal: addDays(AS_OF, 165), termMonths: 12 },
    });
    expect(timeOpportunity(cand(), 3, ctxOf(a))).toMatchObject({
      timing: '90d',
      deadline: addDays(AS_OF, 75),
      renewalAligned: true,
    });
  });

  it('hold stays hold', () => {
    const a = account({
      contract: { start: '2025-06-01', renewal: addDays(AS_OF, 30), termMonths: 12 },
    });
    expect(timeOpportunity(cand(), 4, ctxOf(a)).timing).toBe('hold');
  });
});

describe('just renewed: wait for the 2–4 month window unless a strong trigger', () => {
  // Renewed 2026-02-15 (a past renewal date rolls forward by the term); settles 2026-04-15.
  const renewed = account({
    contract: { start: '2024-02-15', renewal: '2026-02-15', termMonths: 12 },
  });

  it('a weak trigger waits for the settle date and is at best Tier 2', () => {
    const t = timeOpportunity(cand(), 1, ctxOf(renewed));
    expect(t).toMatchObject({ timing: '90d', deadline: '2026-04-15', tier: 2 });
    expect(t.reason).toContain('Renewed on 2026-02-15');
  });

  it('a usage ceiling does not wait', () => {
    expect(timeOpportunity(cand({ strongTrigger: true }), 1, ctxOf(renewed))).toMatchObject({
      timing: 'now',
      tier: 1,
    });
  });

  it('a won renewal deal counts as the renewal', () => {
    const a = account({ contract: undefined });
    const won = deal(a.id, {
      kind: 'renewal',
      won: true,
      closed: true,
      closeDate: addDays(AS_OF, -40),
    });
    expect(timeOpportunity(cand(), 2, ctxOf(a, [won])).deadline).toBe(addDays(AS_OF, -40 + 59));
  });

  it('activation is not held back by a renewal', () => {
    expect(
      timeOpportunity(cand({ type: 'activation', category: 'activation' }), 1, ctxOf(renewed))
        .timing,
    ).toBe('now');
  });

  it('2–4 months after the renewal is a natural moment: Tier 2 → now', () => {
    const a = account({ contract: { start: '2024-12-20', renewal: '2025-12-20', termMonths: 12 } });
    const t = timeOpportunity(cand(), 2, ctxOf(a));
    expect(t.timing).toBe('now');
    expect(t.reason).toContain('natural buying moment');
  });
});
