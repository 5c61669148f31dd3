/**
 * Business-event signals that are not about one module: growth (funding, hiring, new office,
 * acquisition), leadership changes, and the texts of module signals. Each returns a signal row.
 */
import type { Module } from '../../src/model/catalog.js';
import { moduleKinds, moduleText } from './phrases.js';
import type { Rng } from './random.js';
import type { Row } from './types.js';
import { CITIES, DEPARTMENTS, NAME_HEADS, NAME_TAILS, NEW_TITLES } from './words.js';

export type GrowthKind = 'funding' | 'hiring' | 'new_office' | 'acquisition';
export const GROWTH_KINDS: GrowthKind[] = ['funding', 'hiring', 'new_office', 'acquisition'];

/** A growth event: the kind of company news that precedes more seats or a new department. */
export function growthSignal(
  rng: Rng,
  accountId: string,
  day: number,
  kind: GrowthKind = rng.pick(GROWTH_KINDS),
): Row {
  switch (kind) {
    case 'funding': {
      const millions = rng.pick([8, 12, 20, 35, 40, 60, 90, 150]);
      const round = millions < 15 ? 'A' : millions < 50 ? 'B' : millions < 100 ? 'C' : 'D';
      return [
        accountId,
        { day },
        kind,
        `Raised $${millions}M Series ${round}`,
        millions * 1_000_000,
      ];
    }
    case 'hiring': {
      const n = rng.int(15, 120);
      const [d1, d2] = rng.sample(DEPARTMENTS, 2);
      return [accountId, { day }, kind, `Hiring ${n} people across ${d1} and ${d2}`, n];
    }
    case 'new_office':
      return [accountId, { day }, kind, `Opened a new office in ${rng.pick(CITIES)}`, undefined];
    case 'acquisition': {
      const n = rng.int(40, 400);
      return [
        accountId,
        { day },
        kind,
        `Acquired ${rng.pick(NAME_HEADS)} ${rng.pick(NAME_TAILS)} (${n} employees)`,
        n,
      ];
    }
  }
}

export function leadershipSignal(rng: Rng, accountId: string, day: number, detail?: string): Row {
  const text =
    detail ??
    `New ${rng.pick(NEW_TITLES)} joined from ${rng.pick(NAME_HEADS)} ${rng.pick(NAME_TAILS)}`;
  return [accountId, { day }, 'leadership_hire', text, undefined];
}

/** A workaround / initiative / competitor / regulatory signal naming one of `mod`'s keywords. */
export function moduleSignal(
  rng: Rng,
  accountId: string,
  day: number,
  mod: Module,
  kinds = moduleKinds(mod),
): Row {
  const kind = rng.pick(kinds);
  return [accountId, { day }, kind, moduleText(rng, mod, kind), undefined];
}
