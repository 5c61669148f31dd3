/**
 * A run that analyzed only the accounts that changed renders the playbook with orders worked out
 * ahead from the last run's facts, the changed accounts dropped and their new facts merged in
 * (`runtime/playbook-job.ts`). The playbook must be the one sorting everything gives, ties and
 * all: names shared by several accounts, equal potentials, equal scores.
 */
import { describe, expect, it } from 'vitest';
import {
  EXPANSION_TYPES,
  OTHER_TYPES,
  type AccountSummary,
  type Opportunity,
} from '../../src/model/index.js';
import {
  mergePlaybookOrders,
  playbookOrder,
  playbookOrderAt,
  renderPlaybookFacts,
  withoutAccounts,
  withoutAccountsAt,
} from '../../src/narrative/playbook.js';
import type {
  AccountNotes,
  OpportunityFacts,
  PlaybookFacts,
} from '../../src/narrative/playbook-facts.js';
import { catalog } from './builders.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Entry {
  summary: AccountSummary;
  opportunities: OpportunityFacts[];
  notes: AccountNotes;
}

const CATEGORY = {
  activation: 'activation',
  conversion: 'conversion',
  stabilization: 'stabilization',
  champion_followup: 'champion',
} as const;

/** Account `i` as run `version` scored it: few names, few scores, so ties abound. */
function entry(i: number, version: number): Entry {
  const r = rng(i * 7919 + version * 104729);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const id = `acct-${String(i).padStart(4, '0')}`;
  const name = pick(['Acme', 'Globex', 'Initech', 'Émile & Co', 'acme']);
  const opportunities: OpportunityFacts[] = [];
  for (let k = Math.floor(r() * 4); k > 0; k--) {
    const type = r() < 0.8 ? pick(EXPANSION_TYPES) : pick(OTHER_TYPES);
    const composite = pick([3.5, 6.5, 8.5, 8.5, 9]);
    const o: OpportunityFacts = {
      id: `${id}:${type}:${k}`,
      accountId: id,
      accountName: name,
      type,
      category: type in CATEGORY ? CATEGORY[type as keyof typeof CATEGORY] : 'expansion',
      title: `${type} ${k}`,
      estimatedArr: pick([0, 5_000, 12_000]),
      scores: { revenue: 7, effort: 7, likelihood: 7, composite },
      tier: composite >= 8 ? 1 : composite >= 6 ? 2 : composite >= 4 ? 3 : 4,
      timing: pick(['now', '30d', '90d', 'hold'] as const),
      deadline: '2026-03-30',
      confidence: pick([0.3, 0.9]),
      row: `| ${name} | ${type} ${k} | ${id} |`,
    };
    if (o.category !== 'expansion') o.playRow = `| ${name} | play ${k} | ${id} |`;
    opportunities.push(o);
  }
  const expansion = opportunities.filter((o) => o.category === 'expansion');
  const summary: AccountSummary = {
    accountId: id,
    name,
    arr: pick([10_000, 50_000]),
    health: pick(['green', 'yellow', 'red'] as const),
    healthReasons: [],
    readiness: 'ready_now',
    bestScore: Math.max(0, ...opportunities.map((o) => o.scores.composite)),
    bestTier: 1,
    potentialArr: expansion.reduce((t, o) => t + o.estimatedArr, 0),
    opportunityCount: opportunities.length,
    flags: r() < 0.1 ? ['low_confidence'] : [],
  };
  const notes: AccountNotes = expansion.length
    ? {}
    : { whyNone: 'Nothing to sell yet', unlock: ['Grow usage.'] };
  return { summary, opportunities, notes };
}

const factsOf = (entries: readonly Entry[], order?: PlaybookFacts['order']): PlaybookFacts => ({
  opportunities: entries.flatMap((e) => e.opportunities),
  accounts: entries.map((e) => e.summary),
  notes: new Map(entries.map((e) => [e.summary.accountId, e.notes])),
  ...(order ? { order } : {}),
});

const options = {
  asOf: '2026-03-02',
  portfolioName: 'Order test',
  catalog: catalog(),
  // Every opportunity in a table: no details needed.
  limits: { tier1Full: 0, tier2Brief: 0, accountBlocks: 50 },
};
const noDetails = {
  opportunity: (id: string): Opportunity => {
    throw new Error(`no details for ${id}`);
  },
  context: (id: string) => {
    throw new Error(`no context for ${id}`);
  },
};

describe('playbook orders merged from the last run', () => {
  it.each([
    ['a few accounts changed', 400, (i: number) => i % 37 === 0],
    ['most accounts changed', 300, (i: number) => i % 3 !== 0],
    ['a block of accounts (summary blocks, not a table)', 40, (i: number) => i < 5],
  ])('renders what sorting everything renders: %s', (_, n, changes) => {
    const before = Array.from({ length: n }, (_, i) => entry(i, 1));
    // Changed accounts come back with new opportunities; a few go and a few are new.
    const after: Entry[] = [];
    const changed = new Set<string>();
    for (let i = 0; i < n + 3; i++) {
      const id = `acct-${String(i).padStart(4, '0')}`;
      const gone = i % 53 === 52; // gone, or never there
      if (i >= n || changes(i) || gone) changed.add(id);
      if (gone) continue;
      after.push(i < n && !changes(i) ? before[i]! : entry(i, 2));
    }
    const expected = renderPlaybookFacts(factsOf(after), options, noDetails);
    const order = mergePlaybookOrders(
      withoutAccounts(playbookOrder(before), changed),
      playbookOrder(after.filter((e) => changed.has(e.summary.accountId))),
    );
    expect(renderPlaybookFacts(factsOf(after, order), options, noDetails)).toBe(expected);
    // The same from the orders as the cache keeps them (positions among the last run's
    // accounts and opportunities), the changed accounts dropped by their place.
    const base = playbookOrder(before);
    const flat = before.flatMap((e) => e.opportunities);
    const positions = {
      expansion: base.expansion.map((o) => flat.indexOf(o as OpportunityFacts)),
      accounts: base.accounts.map((r) =>
        before.findIndex((e) => e.summary.accountId === r.s.accountId),
      ),
    };
    const drop = before.flatMap((e, i) => (changed.has(e.summary.accountId) ? [i] : []));
    const orderAt = mergePlaybookOrders(
      withoutAccountsAt(playbookOrderAt(before, positions), positions, before, drop),
      playbookOrder(after.filter((e) => changed.has(e.summary.accountId))),
    );
    expect(renderPlaybookFacts(factsOf(after, orderAt), options, noDetails)).toBe(expected);
    // The orders before the change are not these: the test would see a stale order (one that
    // lists an account without notes fails to render at all).
    const stale = (): string =>
      renderPlaybookFacts(factsOf(after, playbookOrder(before)), options, noDetails);
    expect(() => expect(stale()).toBe(expected)).toThrow();
  });
});
