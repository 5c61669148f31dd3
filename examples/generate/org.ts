/**
 * The customer's organisation: departments (using the product or not, seats spread over the users)
 * and contacts with buying roles, titles and departments; champions who left carry where they went.
 */
import { companyName } from './firm.js';
import type { Rng } from './random.js';
import type { GenAccount, GenContext, Row } from './types.js';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, NEW_TITLES, TITLES } from './words.js';

/** Split `total` into `parts` positive-ish integers by random weights. */
function split(rng: Rng, total: number, parts: number): number[] {
  const w = Array.from({ length: parts }, () => rng.float(0.5, 1.5));
  const sum = w.reduce((s, x) => s + x, 0);
  const out = w.map((x) => Math.floor((total * x) / sum));
  out[0]! += total - out.reduce((s, x) => s + x, 0);
  return out;
}

export function departmentsFor(ctx: GenContext, a: GenAccount): { rows: Row[]; using: string[] } {
  const { rng } = ctx;
  const [lo, hi] = { smb: [2, 4], 'mid-market': [3, 6], enterprise: [5, 9] }[a.segment] as [
    number,
    number,
  ];
  const names = rng.sample(DEPARTMENTS, rng.int(lo, hi));
  const usingCount =
    a.archetype === 'healthy_plain'
      ? names.length
      : a.archetype === 'dept_growth'
        ? Math.min(2, names.length - 2)
        : ['low_adoption', 'trial', 'free'].includes(a.archetype)
          ? 1
          : Math.max(1, Math.ceil(names.length * 0.6));
  const using = names.slice(0, Math.max(1, usingCount));
  const seats = split(rng, a.active, using.length);
  const heads = seats.map((s) => Math.max(3, Math.ceil(s * rng.float(1.1, 1.6))));
  const rest = names.length - using.length;
  const spare = Math.max(rest * 8, a.employees - heads.reduce((s, h) => s + h, 0));
  const restHeads = rest
    ? split(rng, Math.round(spare * rng.float(0.5, 0.9)), rest).map((h) => Math.max(4, h))
    : [];
  const rows: Row[] = [
    ...using.map((d, i): Row => [a.id, d, heads[i]!, true, seats[i]!]),
    ...names.slice(using.length).map((d, i): Row => [a.id, d, restHeads[i]!, false, undefined]),
  ];
  return { rows, using };
}

const ROLE_SETS: Record<string, string[][]> = {
  smb: [
    ['champion', 'power_user'],
    ['economic_buyer', 'decision_maker'],
  ],
  'mid-market': [['champion'], ['economic_buyer'], ['decision_maker'], ['power_user']],
  enterprise: [
    ['champion', 'power_user'],
    ['economic_buyer'],
    ['decision_maker'],
    ['exec_sponsor'],
    ['power_user'],
  ],
};

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

export function contactsFor(
  ctx: GenContext,
  a: GenAccount,
  using: string[],
  nextId: () => string,
): Row[] {
  const { rng, asOf } = ctx;
  const sets =
    a.lifecycle === 'trial' || a.lifecycle === 'free'
      ? [['champion', 'power_user'], ['decision_maker']]
      : [...ROLE_SETS[a.segment]!];
  if (a.segment !== 'smb' && rng.chance(0.5)) sets.push(['power_user']);
  const red =
    a.archetype === 'at_risk' || a.archetype === 'at_risk_ceiling' || a.archetype === 'churned';
  const seen = new Set<string>();
  return sets.map((roles): Row => {
    let first: string;
    let last: string;
    do [first, last] = [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
    while (seen.has(`${first} ${last}`));
    seen.add(`${first} ${last}`);
    const lead = roles[0]!;
    const dept =
      lead === 'economic_buyer' && rng.chance(0.5)
        ? 'Finance'
        : lead === 'exec_sponsor'
          ? 'Executive'
          : rng.pick(using);
    const title = rng.pick(TITLES[lead]!).replace('{d}', dept);
    const champLeft = lead === 'champion' && a.championLeft;
    const left =
      champLeft ||
      (lead === 'exec_sponsor' && red && rng.chance(0.4)) ||
      (lead === 'power_user' && rng.chance(0.04));
    const leftAt = left ? asOf - rng.int(15, 120) : undefined;
    const engaged =
      leftAt !== undefined
        ? leftAt - rng.int(5, 60)
        : asOf - (red ? rng.int(40, 150) : rng.int(0, 45));
    const created = Math.min(asOf - 1, a.since + rng.int(0, 60));
    return [
      nextId(),
      a.id,
      `${first} ${last}`,
      `${ascii(first)}.${ascii(last)}@${a.domain}`,
      title,
      dept,
      roles,
      left ? 'left' : 'active',
      leftAt !== undefined ? { day: leftAt } : undefined,
      champLeft ? companyName(rng, new Set()) : undefined,
      champLeft ? rng.pick(NEW_TITLES) : undefined,
      { day: Math.max(created, engaged) },
      { day: created },
    ];
  });
}
