/**
 * One account's commercial state (plan, seats, modules, contract, ARR) and health, shaped by its
 * archetype. ARR is always the catalog price of that state; active seats come later, from usage.
 */
import type { Archetype } from './archetypes.js';
import { addMonths } from './dates.js';
import { firmFor } from './firm.js';
import { arrOf, canBuy, moduleAffinity, tierRank } from './pricing.js';
import type { Rng } from './random.js';
import { healthFor } from './health.js';
import type { GenAccount, GenContext, Segment } from './types.js';

const PLAN_WEIGHTS: Record<Segment, number[]> = {
  smb: [60, 35, 5],
  'mid-market': [25, 55, 20],
  enterprise: [5, 35, 60],
};

function planFor(ctx: GenContext, segment: Segment, archetype: Archetype): string {
  const tiers = ctx.catalog.tiers;
  const top = tiers.length - 1;
  if (archetype === 'free') return tiers[0]!.key;
  if (archetype === 'trial') return tiers[Math.min(1, top)]!.key;
  let rank = ctx.rng.weighted(tiers.map((t, i) => [i, PLAN_WEIGHTS[segment][i] ?? 10] as const));
  // Patterns that sell a higher tier need one to exist.
  if (['graduation', 'limit_pressure'].includes(archetype) && rank === top)
    rank = Math.max(0, top - 1);
  return tiers[rank]!.key;
}

const PENETRATION: Record<Segment, [number, number]> = {
  smb: [0.25, 0.7],
  'mid-market': [0.08, 0.35],
  enterprise: [0.03, 0.15],
};

function seatsFor(rng: Rng, segment: Segment, employees: number, archetype: Archetype): number {
  if (archetype === 'free') return 5;
  if (archetype === 'trial') return rng.pick([10, 15, 20, 25]);
  const [lo, hi] = PENETRATION[segment];
  const share = rng.float(lo, hi) * (archetype === 'dept_growth' ? 0.6 : 1);
  const seats = Math.max(5, Math.round(employees * share));
  return seats > 100 ? Math.round(seats / 5) * 5 : seats;
}

/** Owned modules, the module the signals point at (`target`), and an unused one (`idle`). */
function modulesFor(
  ctx: GenContext,
  a: Pick<GenAccount, 'plan' | 'industry' | 'segment' | 'archetype'>,
) {
  const { rng, catalog } = ctx;
  const buyable = catalog.modules.filter((m) => canBuy(catalog, a.plan, m));
  const weight = (key: string) => moduleAffinity(key, a.industry, a.segment);
  const draw = (from: typeof buyable) =>
    rng.weighted(from.map((m) => [m.key, weight(m.key)] as const));
  if (['trial', 'free'].includes(a.archetype) || !buyable.length)
    return { modules: [] as string[] };
  const wantsTarget = ['addon_fit', 'competitor'].includes(a.archetype);
  const target = wantsTarget ? draw(buyable) : undefined;
  const max = { smb: 1, 'mid-market': 2, enterprise: 3 }[a.segment];
  let count = rng.int(a.segment === 'enterprise' ? 1 : 0, max);
  if (a.archetype === 'unused_paid') count = Math.max(1, count);
  const modules: string[] = [];
  for (let i = 0; i < count; i++) {
    const left = buyable.filter((m) => m.key !== target && !modules.includes(m.key));
    if (!left.length) break;
    modules.push(draw(left));
  }
  const idle = a.archetype === 'unused_paid' ? modules[modules.length - 1] : undefined;
  return { modules: modules.sort(), ...(target ? { target } : {}), ...(idle ? { idle } : {}) };
}

/** Contract dates: customer since, the current term's start and renewal. */
function contractFor(ctx: GenContext, archetype: Archetype, justRenewed: boolean) {
  const { rng, asOf } = ctx;
  if (archetype === 'trial') {
    const start = asOf - rng.int(3, 25);
    return { since: start, contractStart: start, renewal: start + 30 };
  }
  if (archetype === 'free') return { since: asOf - rng.int(30, 400) };
  const termMonths =
    archetype === 'low_adoption'
      ? 12
      : rng.weighted([
          [12, 70],
          [24, 15],
          [36, 15],
        ] as const);
  if (archetype === 'churned') {
    const churnedAt = asOf - rng.int(20, 110);
    return {
      since: addMonths(churnedAt, -termMonths * rng.int(1, 3)),
      contractStart: addMonths(churnedAt, -termMonths),
      renewal: churnedAt,
      termMonths,
      churnedAt,
    };
  }
  let start: number;
  let since: number;
  if (archetype === 'low_adoption') {
    start = since = asOf - rng.int(60, 150);
  } else if (justRenewed) {
    start = asOf - rng.int(5, 88);
    since = addMonths(start, -termMonths * rng.int(1, 3));
  } else {
    since = asOf - rng.int(150, 1800);
    start = since;
    while (addMonths(start, termMonths) <= asOf) start = addMonths(start, termMonths);
  }
  return { since, contractStart: start, renewal: addMonths(start, termMonths), termMonths };
}

/** Employees twelve months ago: growth where the pattern calls for it, shrinkage when at risk. */
function priorEmployees(rng: Rng, archetype: Archetype, employees: number): number | undefined {
  if (archetype === 'trial' || archetype === 'free') return undefined;
  const growth: Partial<Record<Archetype, [number, number]>> = {
    dept_growth: [1.2, 1.6],
    at_risk: [0.85, 1.0],
    healthy_plain: [0.97, 1.04],
  };
  const [lo, hi] = growth[archetype] ?? [0.95, 1.1];
  const prior = employees / rng.float(lo, hi);
  return employees >= 2000
    ? Math.round(prior / 100) * 100
    : employees >= 200
      ? Math.round(prior / 10) * 10
      : Math.round(prior);
}

/** Features in use: most of the tier for graduation, few where adoption is the story. */
function featuresFor(
  ctx: GenContext,
  a: Pick<GenAccount, 'plan' | 'archetype' | 'modules' | 'idle'>,
): string[] {
  const tierFeatures = ctx.catalog.tiers[tierRank(ctx.catalog, a.plan)]!.features;
  const share: Partial<Record<Archetype, [number, number]>> = {
    graduation: [0.85, 1],
    unused_paid: [0.1, 0.3],
    low_adoption: [0.1, 0.3],
    at_risk: [0.3, 0.5],
    trial: [0.3, 0.6],
  };
  const [lo, hi] = share[a.archetype] ?? [0.4, 0.7];
  const k = Math.max(1, Math.round(tierFeatures.length * ctx.rng.float(lo, hi)));
  const used = [tierFeatures[0]!, ...ctx.rng.sample(tierFeatures.slice(1), k - 1)];
  const modulesUsed = a.archetype === 'low_adoption' ? [] : a.modules.filter((m) => m !== a.idle);
  return [...tierFeatures.filter((f) => used.includes(f)), ...modulesUsed];
}

export function buildAccount(
  ctx: GenContext,
  index: number,
  archetype: Archetype,
  flags: { championLeft: boolean; justRenewed: boolean },
  names: Set<string>,
): GenAccount {
  const { rng, catalog } = ctx;
  const firm = firmFor(rng, names, archetype === 'trial' || archetype === 'free');
  const lifecycle =
    archetype === 'trial' || archetype === 'free' || archetype === 'churned'
      ? archetype
      : 'customer';
  const plan = planFor(ctx, firm.segment, archetype);
  const base = { ...firm, plan, archetype };
  const mods = modulesFor(ctx, base);
  const licensed = seatsFor(rng, firm.segment, firm.employees, archetype);
  const contract = contractFor(ctx, archetype, flags.justRenewed);
  const employeesPrior = priorEmployees(rng, archetype, firm.employees);
  const features = featuresFor(ctx, { plan, archetype, ...mods });
  const account: GenAccount = {
    index,
    id: `ACC-${String(index + 1).padStart(6, '0')}`,
    ...firm,
    ...flags,
    archetype,
    lifecycle,
    plan,
    ...mods,
    licensed,
    active: 0,
    ...(employeesPrior !== undefined ? { employeesPrior } : {}),
    ...contract,
    listArr:
      lifecycle === 'trial' || lifecycle === 'free'
        ? 0
        : arrOf(catalog, plan, licensed, mods.modules),
    health: { tickets: 0, themes: [] },
    features,
  };
  account.health = healthFor(ctx, account);
  return account;
}
