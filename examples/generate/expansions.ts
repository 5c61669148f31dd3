/**
 * The expansion outcomes of one account over the last two years, derived backwards from its
 * current state: a module it owns may have been added later (a won add-on), its seats may include
 * a won seat expansion, its tier a won upgrade. Lost and open expansions are for things it still
 * lacks. The in-window seat step (usage history) is always a won seat expansion.
 */
import { RED } from './archetypes.js';
import { canBuy, nextTier, tierRank } from './pricing.js';
import type { GenAccount, GenContext } from './types.js';

export interface Expansion {
  type: 'add_on' | 'seats' | 'tier' | 'service';
  /** Module, tier or service key (empty for seats). */
  product: string;
  /** For a tier upgrade: the tier before. */
  from?: string;
  seats: number;
  day: number;
  closed: boolean;
  won: boolean;
  label: string;
  /** Fixed amount (services); otherwise the ARR difference the change makes. */
  amount?: number;
}

export function expansionEvents(
  ctx: GenContext,
  a: GenAccount,
  seatStep?: { day: number; before: number },
): Expansion[] {
  const { rng, catalog, asOf } = ctx;
  const start = Math.max(a.since + 45, asOf - 730);
  // Red accounts have not bought anything lately; plain accounts' misses are old news.
  const end = (a.churnedAt ?? asOf) - (RED.has(a.archetype) ? 180 : 20);
  const out: Expansion[] = [];
  if (end - start < 30)
    return seatStep ? [seatEvent(a.licensed - seatStep.before, seatStep.day)] : [];
  const day = (lo = start, hi = end) => rng.int(lo, Math.max(lo, hi));

  for (const m of a.modules) {
    const idle = m === a.idle;
    if (!idle && !rng.chance(0.45)) continue;
    const mod = catalog.modules.find((x) => x.key === m)!;
    out.push({
      type: 'add_on',
      product: m,
      seats: 0,
      day: idle ? day(Math.max(start, asOf - 150), asOf - 30) : day(),
      closed: true,
      won: true,
      label: mod.name,
    });
  }
  if (seatStep) out.push(seatEvent(a.licensed - seatStep.before, seatStep.day));
  else if (rng.chance(0.3) && a.licensed >= 20)
    out.push(seatEvent(Math.round(a.licensed * rng.float(0.1, 0.3)), day()));
  const rank = tierRank(catalog, a.plan);
  const owned = new Set(a.modules);
  const needsPlan = catalog.modules.some((m) => owned.has(m.key) && m.requiresTier === a.plan);
  if (rank > 0 && !needsPlan && rng.chance(0.2)) {
    const from = catalog.tiers[rank - 1]!.key;
    out.push({
      type: 'tier',
      product: a.plan,
      from,
      seats: 0,
      day: day(),
      closed: true,
      won: true,
      label: `Upgrade to ${catalog.tiers[rank]!.name}`,
    });
  }
  const lostEnd = a.archetype === 'healthy_plain' ? Math.min(end, asOf - 300) : end;
  if (rng.chance(0.35) && lostEnd > start) {
    const spare = catalog.modules.filter(
      (m) => !owned.has(m.key) && m.key !== a.target && canBuy(catalog, a.plan, m),
    );
    const up = nextTier(catalog, a.plan);
    const pick = rng.pick(['add_on', 'seats', 'tier'] as const);
    const when = day(start, lostEnd);
    if (pick === 'add_on' && spare.length) {
      const m = rng.pick(spare);
      out.push({
        type: 'add_on',
        product: m.key,
        seats: 0,
        day: when,
        closed: true,
        won: false,
        label: m.name,
      });
    } else if (pick === 'tier' && up) {
      out.push({
        type: 'tier',
        product: up.key,
        from: a.plan,
        seats: 0,
        day: when,
        closed: true,
        won: false,
        label: `Upgrade to ${up.name}`,
      });
    } else {
      out.push({ ...seatEvent(Math.max(5, Math.round(a.licensed * 0.2)), when), won: false });
    }
  }
  const rollout = catalog.services.find((sv) => sv.triggers.includes('new_department'));
  if (rollout?.price.flat !== undefined && !RED.has(a.archetype) && rng.chance(0.1)) {
    out.push({
      type: 'service',
      product: rollout.key,
      seats: 0,
      day: day(),
      closed: true,
      won: rng.chance(0.7),
      label: rollout.name,
      amount: rollout.price.flat,
    });
  }
  return out;
}

function seatEvent(seats: number, day: number): Expansion {
  return {
    type: 'seats',
    product: '',
    seats,
    day,
    closed: true,
    won: true,
    label: `+${seats} seats`,
  };
}
