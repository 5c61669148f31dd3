/**
 * Health by archetype: red accounts have low scores, detractor NPS, a negative QBR and many
 * tickets; add-on candidates carry ticket themes that name the module they lack.
 */
import type { Archetype } from './archetypes.js';
import { moduleThemes } from './phrases.js';
import { moduleOf } from './pricing.js';
import type { GenAccount, GenContext } from './types.js';
import { GENERIC_THEMES, RISK_THEMES } from './words.js';

type Range = [number, number];
interface Profile {
  score: Range;
  nps: Range;
  csat: Range;
  tickets: Range;
  qbr: ('positive' | 'neutral' | 'negative')[];
}

const GREEN: Profile = {
  score: [72, 95],
  nps: [20, 70],
  csat: [85, 98],
  tickets: [0, 9],
  qbr: ['positive', 'positive', 'neutral'],
};
const RED: Profile = {
  score: [12, 38],
  nps: [-60, -15],
  csat: [40, 65],
  tickets: [14, 35],
  qbr: ['negative'],
};

const PROFILES: Partial<Record<Archetype, Profile>> = {
  at_risk: RED,
  at_risk_ceiling: RED,
  churned: { ...RED, score: [8, 25] },
  support_load: {
    score: [55, 70],
    nps: [0, 30],
    csat: [66, 80],
    tickets: [32, 70],
    qbr: ['neutral'],
  },
  low_adoption: {
    score: [45, 62],
    nps: [0, 25],
    csat: [70, 85],
    tickets: [5, 12],
    qbr: ['neutral'],
  },
  unused_paid: {
    score: [55, 70],
    nps: [10, 40],
    csat: [75, 88],
    tickets: [2, 8],
    qbr: ['neutral', 'positive'],
  },
};

export function healthFor(ctx: GenContext, a: GenAccount): GenAccount['health'] {
  const { rng, catalog, asOf } = ctx;
  if (a.archetype === 'trial' || a.archetype === 'free') {
    return { tickets: rng.int(0, 3), themes: rng.chance(0.4) ? ['onboarding'] : [] };
  }
  const p = PROFILES[a.archetype] ?? GREEN;
  const int = ([lo, hi]: Range) => rng.int(lo, hi);
  const themes: string[] = [];
  if (p === RED || a.archetype === 'churned') themes.push(...rng.sample(RISK_THEMES, 2));
  else if (a.archetype === 'support_load') themes.push(...rng.sample(GENERIC_THEMES, 2));
  else if (a.archetype !== 'healthy_plain' && rng.chance(0.3))
    themes.push(rng.pick(GENERIC_THEMES));
  if (a.target && a.archetype === 'addon_fit')
    themes.push(...rng.sample(moduleThemes(moduleOf(catalog, a.target)), 2));
  const qbrAgo = a.archetype === 'churned' ? rng.int(120, 200) : rng.int(10, 120);
  const hadQbr = a.archetype !== 'low_adoption' || rng.chance(0.5);
  return {
    score: int(p.score),
    nps: int(p.nps),
    csat: int(p.csat),
    tickets: int(p.tickets),
    themes,
    ...(hadQbr && asOf - qbrAgo > a.since
      ? { qbr: { day: asOf - qbrAgo, outcome: rng.pick(p.qbr) } }
      : {}),
  };
}
