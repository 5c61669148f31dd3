/** Company identity: a unique name, a domain, industry, region, size and the owning rep. */
import type { Rng } from './random.js';
import type { Segment } from './types.js';
import {
  AWKWARD_NAMES,
  INDUSTRIES,
  NAME_HEADS,
  NAME_SUFFIXES,
  NAME_TAILS,
  OWNERS,
  REGIONS,
} from './words.js';

/** A company name not in `used` (the set is updated). About 4% are awkward on purpose. */
export function companyName(rng: Rng, used: Set<string>): string {
  if (rng.chance(0.04)) {
    const free = AWKWARD_NAMES.filter((n) => !used.has(n));
    if (free.length) return claim(rng.pick(free), used);
  }
  for (let attempt = 0; attempt < 30; attempt++) {
    const words = [rng.pick(NAME_HEADS), rng.pick(NAME_TAILS)];
    if (attempt >= 10) words.splice(1, 0, rng.pick(NAME_HEADS)); // three-word names once pairs run out
    const name = [...words, rng.pick(NAME_SUFFIXES)].filter(Boolean).join(' ');
    if (!used.has(name)) return claim(name, used);
  }
  let n = 2;
  const base = `${rng.pick(NAME_HEADS)} ${rng.pick(NAME_TAILS)}`;
  while (used.has(`${base} ${n}`)) n++;
  return claim(`${base} ${n}`, used);
}

const claim = (name: string, used: Set<string>): string => {
  used.add(name);
  return name;
};

const TLD: Record<string, string[]> = {
  NA: ['com', 'com', 'io', 'co'],
  EMEA: ['com', 'de', 'co.uk', 'fr', 'eu', 'io'],
  APAC: ['com', 'com.au', 'sg', 'jp'],
  LATAM: ['com', 'com.br', 'mx'],
};

/** `Café Société GmbH` -> `cafesociete.de`. */
export function domainOf(rng: Rng, name: string, region: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(Inc|LLC|Ltd|GmbH|S\.A|AB|BV|AG)\b\.?/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return `${slug || 'company'}.${rng.pick(TLD[region] ?? TLD.NA!)}`;
}

export interface Firm {
  name: string;
  domain: string;
  industry: string;
  region: string;
  segment: Segment;
  employees: number;
  owner: { name: string; email: string };
}

const SEGMENTS: [Segment, number][] = [
  ['smb', 50],
  ['mid-market', 35],
  ['enterprise', 15],
];

/** Employee counts as they appear in firmographic data: round at larger sizes. */
export function employeesFor(rng: Rng, segment: Segment): number {
  if (segment === 'smb') return rng.int(20, 199);
  if (segment === 'mid-market') return rng.int(20, 199) * 10;
  return rng.int(20, 250) * 100;
}

export function firmFor(rng: Rng, used: Set<string>, small = false): Firm {
  const name = companyName(rng, used);
  const region = rng.weighted(REGIONS);
  const segment: Segment = small ? rng.weighted(SEGMENTS.slice(0, 2)) : rng.weighted(SEGMENTS);
  const reps = OWNERS.filter((o) => o.ae === (segment !== 'smb'));
  const owner = rng.pick(reps);
  return {
    name,
    domain: domainOf(rng, name, region),
    industry: rng.weighted(INDUSTRIES),
    region,
    segment,
    employees: employeesFor(rng, segment),
    owner: { name: owner.name, email: owner.email },
  };
}
