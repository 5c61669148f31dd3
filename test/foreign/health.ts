/**
 * Health facts by archetype: ordinary customers have good scores, mostly promoters and some
 * passives on the 0–10 survey scale, a few how-to tickets and positive or neutral reviews; mild
 * accounts add a score in the 60s with a passive answer, or a burst of how-to tickets; at-risk
 * accounts carry the real risks they were given.
 */
import { addDays } from './calendar.js';
import type { Rng } from './random.js';
import type { Archetype, Plant, Risk } from './truth.js';
import { HOW_TO_THEMES, RISK_THEMES } from './world.js';

export interface HealthFacts {
  score: string;
  nps: string;
  csat: string;
  tickets: string;
  themes: string[];
  qbrDate: string;
  qbrOutcome: string;
}

const npsHealthy = (rng: Rng) => (rng.chance(0.68) ? rng.int(9, 10) : rng.int(7, 8));

export function healthFacts(
  rng: Rng,
  asOf: string,
  archetype: Archetype,
  risks: readonly Risk[],
  plants: readonly Plant[],
): HealthFacts {
  const h: HealthFacts = {
    score: String(rng.int(72, 96)),
    nps: rng.chance(0.08) ? '' : String(npsHealthy(rng)),
    csat: rng.chance(0.2) ? '' : String(rng.int(78, 98)),
    tickets: String(rng.int(0, 9)),
    themes: [],
    qbrDate: '',
    qbrOutcome: '',
  };
  if (rng.chance(0.7)) {
    h.qbrDate = addDays(asOf, -rng.int(20, 150));
    h.qbrOutcome = rng.chance(0.6) ? 'positive' : 'neutral';
  }
  if (Number(h.tickets) > 0) h.themes = rng.sample(HOW_TO_THEMES, rng.int(1, 2));
  if (archetype === 'mild') {
    if (rng.chance(0.6)) {
      h.score = String(rng.int(60, 69));
      h.nps = String(rng.int(7, 8));
    } else {
      h.tickets = String(rng.int(15, 19));
      h.themes = rng.sample(HOW_TO_THEMES, 2);
      h.nps = String(rng.int(7, 8));
    }
  }
  if (plants.includes('how_to_tickets')) {
    h.tickets = String(rng.int(21, 34));
    h.themes = rng.sample(HOW_TO_THEMES, rng.int(2, 3));
  }
  if (archetype === 'trial' || archetype === 'free' || archetype === 'churned') {
    return { ...h, score: '', nps: '', csat: '', qbrDate: '', qbrOutcome: '' };
  }
  for (const risk of risks) {
    if (risk === 'low_score') h.score = String(rng.int(18, 44));
    if (risk === 'detractor') h.nps = String(rng.int(0, 5));
    if (risk === 'outage_tickets') {
      h.tickets = String(rng.int(16, 30));
      h.themes = rng.sample(RISK_THEMES, rng.int(1, 3));
    }
    if (risk === 'negative_qbr') {
      h.qbrDate = addDays(asOf, -rng.int(10, 60));
      h.qbrOutcome = 'negative';
    }
  }
  return h;
}
