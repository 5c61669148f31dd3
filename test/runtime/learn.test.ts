/**
 * Learning wired into a run: outcomes come from deals carrying an opportunity's key, from people's
 * dismissals, and from expansions nobody predicted; they land in the outcomes table once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPortfolio, type Deal, type Portfolio } from '../../src/model/records.js';
import { learnFromStore, recordOutcomes } from '../../src/runtime/learn.js';
import type { Store } from '../../src/store/db.js';
import { saveOpportunities, setOpportunityStatus } from '../../src/store/opportunities.js';
import { listOutcomes } from '../../src/store/outcomes.js';
import { openStore } from '../../src/store/open.js';
import { opportunity } from '../narrative/builders.js';

const AS_OF = '2026-11-24';
let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
});
afterAll(() => store.close());

const seats = (id: string) => ({
  ...opportunity({
    accountId: 'c:A1',
    accountName: 'Arbor Labs',
    type: 'seat_expansion',
    title: 'Add 10 seats',
    estimatedArr: 5400,
    evidence: [{ signal: 'seat_utilization', text: '47 of 50 seats active' }],
  }),
  id,
});
const deal = (over: Partial<Deal>): Deal => ({
  id: 'c:D1',
  accountId: 'c:A1',
  name: 'Expansion',
  kind: 'expansion',
  stage: 'Closed Won',
  amount: 5400,
  currency: 'USD',
  closeDate: '2026-11-01',
  closed: true,
  won: true,
  products: [],
  ...over,
});
const withDeals = (deals: Deal[]): Portfolio => ({ ...emptyPortfolio(), deals });

describe('learnFromStore', () => {
  it('an expansion won with no opportunity behind it is a missed one', async () => {
    const learned = await learnFromStore(store, 'c', withDeals([deal({})]), AS_OF);
    expect(learned.outcomes).toEqual([
      expect.objectContaining({ outcome: 'missed', amount: 5400 }),
    ]);
    expect(learned.history).toEqual([]);
  });

  it('ties a won deal to the opportunity whose key it carries, and a dismissal to its reason', async () => {
    const write = (id: string) => ({
      opportunity: seats(id),
      contentHash: id,
      dataHash: id,
      settingsVersion: 'v1',
    });
    await saveOpportunities(store, 'c', '2026-09-01', [write('opp-won'), write('opp-no')]);
    await setOpportunityStatus(store, 'c', 'opp-no', {
      status: 'dismissed',
      by: 'ae@vendor',
      reason: 'budget frozen',
    });
    const learned = await learnFromStore(
      store,
      'c',
      withDeals([deal({ expansionKey: 'opp-won' })]),
      AS_OF,
    );
    expect(learned.outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          opportunityId: 'opp-won',
          outcome: 'won',
          type: 'seat_expansion',
        }),
        expect.objectContaining({
          opportunityId: 'opp-no',
          outcome: 'dismissed',
          reason: 'budget frozen',
        }),
      ]),
    );
    expect(
      learned.history
        .filter((h) => h.outcome)
        .map((h) => h.opportunity.id)
        .sort(),
    ).toEqual(['opp-no', 'opp-won']);
    // 2 outcomes are far from the 30 a type needs: the rules keep scoring.
    expect(learned.modelVersions).toEqual([]);

    expect(await recordOutcomes(store, 'c', learned.outcomes)).toBe(2);
    expect(await recordOutcomes(store, 'c', learned.outcomes)).toBe(0);
    expect((await listOutcomes(store, { connection: 'c' })).map((o) => o.outcome).sort()).toEqual([
      'dismissed',
      'won',
    ]);
  });
});
