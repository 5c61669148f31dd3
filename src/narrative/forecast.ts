/**
 * The portfolio forecast: expansion pipeline by tier, type, revenue band and timeline, expected
 * value, NRR/GRR projection, pipeline coverage and the hours Tier 1–2 need. Only
 * expansion-category opportunities count towards expansion figures; activation, conversion,
 * stabilization and champion plays are counted apart. Every assumption is returned as text.
 */
import { EXPANSION_TYPES, type Opportunity, type OpportunityType } from '../model/index.js';
import type { AccountSummary } from '../model/index.js';
import { daysBetween, money, pct } from './format.js';
import {
  BANDS,
  TIMELINES,
  type Band,
  type Bucket,
  type ForecastSettings,
  type Hours,
} from './types.js';
import type { PortfolioForecast, Timeline } from './types.js';

/**
 * AE and CSM hours to take one opportunity from first conversation to decision, by type
 * (seed 004's effort scale: a seat add is one or two meetings, a displacement is a multi-month
 * sale). Used only for the Tier 1–2 resource estimate; override with `settings.hours`.
 */
export const DEFAULT_HOURS: Record<OpportunityType, Hours> = {
  seat_expansion: { ae: 2, csm: 2 },
  usage_expansion: { ae: 2, csm: 2 },
  support_upgrade: { ae: 2, csm: 3 },
  professional_services: { ae: 3, csm: 5 },
  add_on: { ae: 5, csm: 4 },
  tier_upgrade: { ae: 6, csm: 4 },
  new_use_case: { ae: 8, csm: 5 },
  new_department: { ae: 10, csm: 6 },
  competitive_displacement: { ae: 14, csm: 6 },
  activation: { ae: 0, csm: 6 },
  conversion: { ae: 3, csm: 2 },
  stabilization: { ae: 2, csm: 10 },
  champion_followup: { ae: 3, csm: 4 },
};

/** The fields of an opportunity the forecast reads. */
type Forecastable = Pick<
  Opportunity,
  'accountId' | 'type' | 'category' | 'estimatedArr' | 'scores' | 'tier' | 'timing' | 'deadline'
>;

/** Expected value: estimated ARR × likelihood / 10 (likelihood 7 reads as a 70% chance). */
export function expectedValue(opp: Pick<Opportunity, 'estimatedArr' | 'scores'>): number {
  return (opp.estimatedArr * opp.scores.likelihood) / 10;
}

export function bandOf(arr: number): Band {
  if (arr >= 100_000) return '$100K+';
  if (arr >= 50_000) return '$50K-$99K';
  if (arr >= 25_000) return '$25K-$49K';
  if (arr >= 10_000) return '$10K-$24K';
  return 'Under $10K';
}

const TIMING_FLOOR: Record<Opportunity['timing'], number> = { now: 0, '30d': 0, '90d': 1, hold: 2 };

/**
 * When the opportunity should be worked: the deadline to act counted from `asOf` (≤ 30 days
 * This Month, ≤ 90 This Quarter, ≤ 180 Next Quarter, later 6+ Months), never earlier than its
 * timing allows (`90d` is at least This Quarter, `hold` at least Next Quarter).
 */
/** Days from `asOf` to a deadline, remembered: a portfolio's deadlines fall on a few hundred
 * dates, asked about for every opportunity. */
const daysTo = (() => {
  let from = '';
  let known = new Map<string, number>();
  return (asOf: string, deadline: string): number => {
    if (asOf !== from || known.size > 10_000) {
      from = asOf;
      known = new Map();
    }
    let days = known.get(deadline);
    if (days === undefined) known.set(deadline, (days = daysBetween(asOf, deadline)));
    return days;
  };
})();

export function timelineOf(opp: Pick<Opportunity, 'timing' | 'deadline'>, asOf?: string): Timeline {
  let i = TIMING_FLOOR[opp.timing];
  if (asOf) {
    const days = daysTo(asOf, opp.deadline);
    i = Math.max(i, days <= 30 ? 0 : days <= 90 ? 1 : days <= 180 ? 2 : 3);
  }
  return TIMELINES[i] as Timeline;
}

const bucket = (): Bucket => ({ count: 0, arr: 0, expectedValue: 0 });
const add = (b: Bucket, o: Forecastable): void => {
  b.count += 1;
  b.arr += o.estimatedArr;
  b.expectedValue += expectedValue(o);
};

export function forecastPortfolio(input: {
  opportunities: readonly Forecastable[];
  accounts: readonly AccountSummary[];
  settings?: ForecastSettings;
  asOf?: string;
}): PortfolioForecast {
  const s = input.settings ?? {};
  const churnRate = s.redChurnRate ?? 0.5;
  const hours = { ...DEFAULT_HOURS, ...s.hours };
  const red = new Set(input.accounts.filter((a) => a.health === 'red').map((a) => a.accountId));
  const startingArr = input.accounts.reduce((t, a) => t + a.arr, 0);
  const expansion = bucket();
  const byTier = { 1: bucket(), 2: bucket(), 3: bucket(), 4: bucket(), 5: bucket() };
  const byBand = Object.fromEntries(BANDS.map((b) => [b, bucket()])) as Record<Band, Bucket>;
  const byTimeline = Object.fromEntries(TIMELINES.map((t) => [t, bucket()])) as Record<
    Timeline,
    Bucket
  >;
  const types = new Map(
    EXPANSION_TYPES.map((t) => [t as OpportunityType, { count: 0, arr: 0, score: 0 }]),
  );
  const otherPlays = { activation: 0, conversion: 0, stabilization: 0, champion: 0 };
  const effort = { opportunities: 0, aeHours: 0, csmHours: 0 };
  let expectedExpansion = 0;
  for (const o of input.opportunities) {
    if (o.category !== 'expansion') {
      otherPlays[o.category] += 1;
      continue;
    }
    add(expansion, o);
    add(byTier[o.tier as 1], o);
    add(byBand[bandOf(o.estimatedArr)], o);
    add(byTimeline[timelineOf(o, input.asOf)], o);
    const t = types.get(o.type);
    if (t) {
      t.count += 1;
      t.arr += o.estimatedArr;
      t.score += o.scores.composite;
    }
    if (!red.has(o.accountId)) expectedExpansion += expectedValue(o);
    if (o.tier <= 2) {
      effort.opportunities += 1;
      effort.aeHours += hours[o.type].ae;
      effort.csmHours += hours[o.type].csm;
    }
  }
  const churnExposure = input.accounts
    .filter((a) => red.has(a.accountId))
    .reduce((t, a) => t + a.arr, 0);
  const expectedChurn = churnExposure * churnRate;
  const ratio = (n: number): number => (startingArr > 0 ? n / startingArr : 0);
  const target = s.expansionTarget ?? expectedExpansion;
  return {
    accounts: input.accounts.length,
    startingArr,
    expansion,
    byTier,
    byType: [...types].map(([type, t]) => ({
      type,
      count: t.count,
      arr: t.arr,
      avgScore: t.count ? t.score / t.count : 0,
    })),
    byBand,
    byTimeline,
    otherPlays,
    retention: {
      expectedExpansion,
      churnExposure,
      expectedChurn,
      endingArr: startingArr - expectedChurn + expectedExpansion,
      nrr: ratio(startingArr - expectedChurn + expectedExpansion),
      grr: ratio(startingArr - expectedChurn),
      grrWorstCase: ratio(startingArr - churnExposure),
    },
    coverage: {
      pipeline: expansion.arr,
      target,
      ratio: target > 0 ? expansion.arr / target : 0,
      targetSource:
        s.expansionTarget !== undefined
          ? 'the expansion target'
          : 'the expected expansion (no target set)',
    },
    effort,
    assumptions: [
      'Only expansion-category opportunities count towards expansion; activation, conversion, stabilization and champion plays are listed apart.',
      'Expected value = estimated ARR × likelihood / 10 (a likelihood of 7 counts as a 70% chance).',
      'Expected expansion leaves out opportunities at red accounts: they are stabilized before any expansion is pursued.',
      `Churn exposure = the full ARR of red accounts (${money(churnExposure)}); expected churn assumes ${pct(churnRate)} of it is lost. Yellow and green accounts are assumed retained.`,
      'NRR = (starting ARR − expected churn + expected expansion) ÷ starting ARR; GRR leaves out expansion. Horizon: the next 12 months, no price changes or contraction outside red accounts.',
      `Pipeline coverage = identified expansion ARR ÷ ${s.expansionTarget !== undefined ? 'the expansion target' : 'expected expansion'}.`,
      'Hours for Tier 1–2 use a fixed AE/CSM estimate per opportunity type (see Resource Allocation).',
    ],
  };
}
