/**
 * Who is who in the foreign portfolio: exact shares of each archetype (shuffled by the seed) and,
 * for customers, the opportunities planted in their data. Most accounts are ordinary healthy
 * customers; a third of those carry no planted opportunity at all.
 */
import type { Rng } from './random.js';
import type { Archetype, Plant, Risk } from './truth.js';

export interface Profile {
  archetype: Archetype;
  plants: Plant[];
  risks: Risk[];
  traps: Plant[];
  /** Index into the catalog's tiers (0 = entry tier). */
  tier: number;
}

const SHARES: readonly [Archetype, number][] = [
  ['at_risk', 0.12],
  ['trial', 0.07],
  ['free', 0.02],
  ['churned', 0.02],
  ['just_renewed', 0.07],
  ['mild', 0.12],
];

/** Plants an ordinary customer may carry, and how often each is drawn. */
const CUSTOMER_PLANTS: readonly [Plant, number][] = [
  ['seat_ceiling', 3],
  ['plan_limit', 2],
  ['graduation', 1],
  ['add_on', 3],
  ['displacement', 1],
  ['new_department', 2],
  ['acquisition', 1],
  ['new_office', 1],
  ['how_to_tickets', 1],
];
const RISKS: readonly Risk[] = [
  'low_score',
  'detractor',
  'usage_collapse',
  'outage_tickets',
  'champion_lost',
  'negative_qbr',
];
/** Two tier-upgrade plants would be one opportunity; a how-to ticket flood replaces themes. */
const CLASH: readonly [Plant, Plant][] = [['plan_limit', 'graduation']];

function weighted(rng: Rng, items: readonly [Plant, number][]): Plant {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [p, w] of items) if ((r -= w) < 0) return p;
  return items[items.length - 1]![0];
}

function customerPlants(rng: Rng, tiers: number, tier: number): Plant[] {
  const k = rng.chance(0.35) ? 0 : rng.chance(0.7) ? 1 : 2;
  const out: Plant[] = [];
  for (let tries = 0; out.length < k && tries < 20; tries++) {
    const p = weighted(rng, CUSTOMER_PLANTS);
    if (out.includes(p)) continue;
    if (p === 'graduation' && tier === tiers - 1) continue; // nothing to graduate to
    if (CLASH.some(([a, b]) => (a === p && out.includes(b)) || (b === p && out.includes(a))))
      continue;
    out.push(p);
  }
  return out;
}

export function assignProfiles(rng: Rng, n: number, tiers: number): Profile[] {
  const kinds: Archetype[] = [];
  for (const [kind, share] of SHARES)
    for (let i = 0; i < Math.round(n * share); i++) kinds.push(kind);
  while (kinds.length < n) kinds.push('healthy');
  return rng.sample(kinds.slice(0, n), n).map((archetype, i) => {
    const r = rng.fork(i + 1);
    const tier = Math.min(tiers - 1, Math.floor(r.next() ** 1.3 * tiers));
    const profile: Profile = { archetype, plants: [], risks: [], traps: [], tier };
    if (archetype === 'healthy' || archetype === 'mild')
      profile.plants = customerPlants(r, tiers, tier);
    else if (archetype === 'just_renewed') profile.plants = ['growth'];
    else if (archetype === 'trial' || archetype === 'free') {
      profile.plants = ['conversion'];
      profile.traps = r.sample(['seat_ceiling', 'add_on'] as Plant[], r.int(1, 2));
    } else if (archetype === 'at_risk') {
      profile.risks = r.sample(RISKS, r.chance(0.6) ? 1 : 2);
      const traps: Plant[] = ['add_on', 'new_department'];
      // A collapsing account has no seat ceiling to tempt anyone.
      if (!profile.risks.includes('usage_collapse')) traps.push('seat_ceiling');
      profile.traps = r.sample(traps, r.int(1, 2));
    }
    return profile;
  });
}
