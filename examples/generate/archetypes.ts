/**
 * The patterns the demo plants, and how many of each. Shares are of the whole portfolio; every
 * pattern gets at least two accounts (one for `churned`) so a small portfolio still shows all of
 * them. What is left over is plain healthy accounts with nothing to sell.
 */
import { Rng } from './random.js';

export const ARCHETYPES = [
  'healthy_plain', // green, fully penetrated, nothing to sell
  'seat_pressure', // 80-95% seat utilization sustained 3-6 weeks
  'limit_pressure', // plan-limited metrics near their limit and rising
  'graduation', // uses most of its tier's features
  'addon_fit', // workarounds / initiatives / ticket themes matching a module it lacks
  'competitor', // a competitor product used alongside
  'dept_growth', // company growth, departments not using the product
  'support_load', // high ticket volume
  'low_adoption', // bought recently, barely adopted
  'unused_paid', // paid seats, features or a module left unused
  'trial',
  'free',
  'at_risk', // red: low health, detractors, negative QBR, usage decline
  'at_risk_ceiling', // red AND at its seat ceiling: the trap (stabilize, do not upsell)
  'recent_seat_expansion', // hit its ceiling inside the usage window and bought seats
  'churned',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

const SHARE: Record<Exclude<Archetype, 'healthy_plain'>, number> = {
  seat_pressure: 0.1,
  limit_pressure: 0.07,
  graduation: 0.06,
  addon_fit: 0.09,
  competitor: 0.05,
  dept_growth: 0.08,
  support_load: 0.04,
  low_adoption: 0.05,
  unused_paid: 0.06,
  trial: 0.04,
  free: 0.03,
  at_risk: 0.06,
  at_risk_ceiling: 0.03,
  recent_seat_expansion: 0.05,
  churned: 0.015,
};

/** Lifecycle stages without a paid contract. */
export const NOT_PAYING = new Set<Archetype>(['trial', 'free', 'churned']);
export const RED = new Set<Archetype>(['at_risk', 'at_risk_ceiling', 'churned']);

/** The archetype of each account index, in a seeded random order. */
export function assignArchetypes(n: number, seed: number | string): Archetype[] {
  const out: Archetype[] = [];
  for (const [a, share] of Object.entries(SHARE) as [Archetype, number][]) {
    const count = Math.max(a === 'churned' ? 1 : 2, Math.round(share * n));
    for (let i = 0; i < count && out.length < n; i++) out.push(a);
  }
  while (out.length < n) out.push('healthy_plain');
  return new Rng(`${seed}:archetypes`).shuffle(out);
}

/** Overlays that cut across archetypes: champions who left, contracts just renewed. */
export interface Overlays {
  championLeft: Set<number>;
  justRenewed: Set<number>;
}

export function assignOverlays(archetypes: Archetype[], seed: number | string): Overlays {
  const rng = new Rng(`${seed}:overlays`);
  const paying = archetypes.flatMap((a, i) =>
    NOT_PAYING.has(a) || a === 'low_adoption' ? [] : [i],
  );
  const withChampion = paying.filter((i) => archetypes[i] !== 'healthy_plain');
  const n = archetypes.length;
  return {
    championLeft: new Set(rng.sample(withChampion, Math.max(2, Math.round(n * 0.06)))),
    justRenewed: new Set(rng.sample(paying, Math.max(2, Math.round(n * 0.1)))),
  };
}
