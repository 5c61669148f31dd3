/**
 * A small seeded generator of portfolios and outcome histories with a KNOWN signal → outcome
 * relation, for the learning tests. Everything is derived from a mulberry32 stream, so a seed
 * reproduces a case exactly.
 */
import { emptyPortfolio } from '../../src/model/records.js';
import {
  CatalogSchema,
  type Account,
  type Catalog,
  type Deal,
  type Opportunity,
  type OpportunityType,
  type Portfolio,
  type UsagePoint,
} from '../../src/model/index.js';
import { addDays } from '../../src/dates.js';
import { mulberry32 } from '../../examples/generate/random.js';
import type { HistoryItem } from '../../src/learning/signal-precision.js';

/** The seeded stream every learning test and bench draws from. */
export const rng = mulberry32;

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export const catalog: Catalog = CatalogSchema.parse({
  tiers: [
    { key: 'starter', name: 'Starter', seatPrice: 300 },
    { key: 'professional', name: 'Professional', seatPrice: 540 },
  ],
  modules: [
    { key: 'insight_studio', name: 'Insight Studio', price: { perSeat: 120 } },
    { key: 'connect_hub', name: 'Connect Hub', price: { flat: 9000 } },
  ],
});

export function makeAccount(id: string, over: Partial<Account> = {}): Account {
  return {
    id,
    source: 'files',
    crmId: id.replace(/^files:/, ''),
    name: `Account ${id}`,
    lifecycle: 'customer',
    products: [],
    arr: 50_000,
    currency: 'USD',
    featuresUsed: [],
    customFields: {},
    ...over,
  };
}

export function makeOpportunity(id: string, over: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    accountId: `files:${id}`,
    accountName: `Account ${id}`,
    type: 'seat_expansion',
    category: 'expansion',
    title: 'More seats',
    description: '',
    evidence: [{ signal: 'seat_utilization', text: 'seats are full' }],
    currentState: '',
    proposedState: '',
    estimatedArr: 10_000,
    scores: { revenue: 5, effort: 5, likelihood: 5, composite: 5 },
    tier: 3,
    health: 'green',
    timing: 'now',
    timingReason: '',
    deadline: '2025-01-01',
    renewalAligned: false,
    stakeholders: {},
    pitch: '',
    approach: [],
    objections: [],
    risks: [],
    confidence: 0.8,
    ...over,
  };
}

export interface HistoryOptions {
  n: number;
  seed: number;
  type?: OpportunityType;
  /** Outcomes follow the evidence (P(won) = σ(−1 + 2.5·z(utilization) + 1.5·workaround)); otherwise
   * a hidden propensity (10–90%) the evidence does not show. */
  evidenceDrivesOutcome: boolean;
  /** The rule likelihood is the true win probability ×10; otherwise random noise. */
  ruleInformative: boolean;
}

/** Resolved opportunities over two years, oldest first, with the relation above. */
export function generateHistory(o: HistoryOptions): HistoryItem[] {
  const r = rng(o.seed);
  const out: HistoryItem[] = [];
  for (let i = 0; i < o.n; i++) {
    const utilization = 0.5 + 0.5 * r();
    const workaround = r() < 0.5 ? 1 : 0;
    const funding = r() < 0.3;
    // The true win probability: from the evidence, or from something the evidence does not show.
    const truth = o.evidenceDrivesOutcome
      ? sigmoid(-1 + 2.5 * ((utilization - 0.75) / 0.144) + 1.5 * workaround)
      : 0.1 + 0.8 * r();
    const won = r() < truth;
    const ruleTruth = o.ruleInformative ? truth : r();
    const raisedAt = addDays('2023-01-01', Math.floor((i * 730) / o.n));
    const evidence: Opportunity['evidence'] = [
      { signal: 'seat_utilization', text: 'util', value: utilization },
    ];
    if (workaround) evidence.push({ signal: 'workaround', text: 'uses spreadsheets' });
    if (funding) evidence.push({ signal: 'funding', text: 'raised a round' });
    const likelihood = Math.min(10, Math.max(1, Math.round(ruleTruth * 10)));
    const opportunity = makeOpportunity(`o${o.seed}-${i}`, {
      type: o.type ?? 'seat_expansion',
      evidence,
      scores: { revenue: 5, effort: 5, likelihood, composite: 5 },
    });
    out.push({
      opportunity,
      raisedAt,
      outcome: {
        opportunityId: opportunity.id,
        accountId: opportunity.accountId,
        type: opportunity.type,
        outcome: won ? 'won' : r() < 0.3 ? 'dismissed' : 'lost',
        amount: won ? 10_000 : 0,
        closedAt: addDays(raisedAt, 45),
        source: 'deal',
      },
    });
  }
  return out;
}

export interface PortfolioOptions {
  accounts: number;
  seed: number;
  cutoff: string;
  windowDays: number;
  /** Expansion in the window follows seat pressure before the cutoff; otherwise a flat 20%. */
  informative: boolean;
}

/**
 * Accounts with monthly `active_seats` readings (limit = licensed seats) for a year before the
 * cutoff and a quarter after it. Whether an account wins an expansion deal in the window after the
 * cutoff depends on its seat utilization at the cutoff when `informative` (≈ 6% at 55%
 * utilization, ≈ 60% at 100%), and is a flat 20% otherwise. A won expansion updates the snapshot
 * the way a CRM would show it today: more ARR, more licensed seats.
 */
export function generatePortfolio(o: PortfolioOptions): Portfolio {
  const r = rng(o.seed);
  const p: Portfolio = emptyPortfolio();
  for (let i = 0; i < o.accounts; i++) {
    const id = `files:a${i}`;
    const licensed = 20 + Math.floor(r() * 400);
    const utilization = 0.55 + 0.45 * r();
    const arr = licensed * 540 * (0.8 + 0.4 * r());
    const pExpand = o.informative ? sigmoid(-2.8 + 7 * (utilization - 0.55)) : 0.2;
    const expands = r() < pExpand;
    const closeDate = addDays(o.cutoff, 1 + Math.floor(r() * (o.windowDays - 1)));
    const usage: UsagePoint[] = [];
    for (let m = 12; m >= 0; m--) {
      const active = Math.round(
        licensed * Math.min(1, utilization * (1 - m * 0.01) + (r() - 0.5) * 0.02),
      );
      usage.push({
        accountId: id,
        date: addDays(o.cutoff, -30 * m),
        metric: 'active_seats',
        value: active,
        limit: licensed,
      });
    }
    let account = makeAccount(id, {
      name: `Company ${i}`,
      arr,
      seats: { licensed, active: usage[usage.length - 1]!.value },
    });
    if (expands) {
      const added = Math.ceil(licensed * 0.2);
      const deal: Deal = dealOf(`d${i}`, id, closeDate, added * 540);
      p.deals.push(deal);
      account = {
        ...account,
        arr: arr + deal.amount,
        seats: { licensed: licensed + added, active: account.seats!.active },
      };
      usage.push({
        accountId: id,
        date: addDays(closeDate, 1),
        metric: 'active_seats',
        value: account.seats!.active + 3,
        limit: licensed + added,
      });
    }
    p.accounts.push(account);
    p.usage.push(...usage);
  }
  return p;
}

export function dealOf(
  id: string,
  accountId: string,
  closeDate: string,
  amount: number,
  over: Partial<Deal> = {},
): Deal {
  return {
    id: `files:${id}`,
    accountId,
    name: `Expansion ${id}`,
    kind: 'expansion',
    stage: 'Closed Won',
    amount,
    currency: 'USD',
    closeDate,
    closed: true,
    won: true,
    products: [],
    ...over,
  };
}
