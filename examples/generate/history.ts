/**
 * Deal history: the first deal, renewals, the open renewal, and two years of expansion outcomes.
 * Outcomes are planted so they can be learned: with `outcomeSignal` 1 most won expansions follow a
 * matching signal 20-120 days earlier (a workaround before an add-on, funding or hiring before
 * seats); with 0 the same signals fall on random days, independent of the outcomes.
 */
import { RED } from './archetypes.js';
import { addMonths, isoOf } from './dates.js';
import { growthSignal, leadershipSignal, moduleSignal } from './events.js';
import { arrOf, canBuy, moduleOf } from './pricing.js';
import type { GenAccount, GenContext, Row } from './types.js';
import { expansionEvents, type Expansion } from './expansions.js';

export interface HistoryResult {
  deals: Row[];
  signals: Row[];
}

type State = { plan: string; seats: number; modules: string[] };

function apply(s: State, e: Expansion): State {
  if (e.type === 'add_on') return { ...s, modules: [...s.modules, e.product].sort() };
  if (e.type === 'seats') return { ...s, seats: s.seats + e.seats };
  if (e.type === 'tier') return { ...s, plan: e.product };
  return s;
}

function unapply(s: State, e: Expansion): State {
  if (e.type === 'add_on') return { ...s, modules: s.modules.filter((m) => m !== e.product) };
  if (e.type === 'seats') return { ...s, seats: s.seats - e.seats };
  if (e.type === 'tier') return { ...s, plan: e.from! };
  return s;
}

/** The signal that would precede an expansion of this kind. */
function triggerFor(
  ctx: GenContext,
  a: GenAccount,
  e: Pick<Expansion, 'type' | 'product'>,
  day: number,
): Row {
  const { rng, catalog } = ctx;
  if (e.type === 'add_on') return moduleSignal(rng, a.id, day, moduleOf(catalog, e.product));
  if (e.type === 'tier') return leadershipSignal(rng, a.id, day);
  if (e.type === 'service')
    return growthSignal(rng, a.id, day, rng.pick(['acquisition', 'new_office'] as const));
  return growthSignal(rng, a.id, day);
}

export function historyFor(
  ctx: GenContext,
  a: GenAccount,
  nextId: () => string,
  seatStep?: { day: number; before: number },
): HistoryResult {
  const { rng, catalog, asOf, outcomeSignal: s } = ctx;
  const deals: Row[] = [];
  const signals: Row[] = [];
  const deal = (
    label: string,
    kind: string,
    stage: string,
    amount: number,
    day: number,
    closed: boolean,
    won: boolean,
    products: string[],
  ) =>
    deals.push([
      nextId(),
      a.id,
      `${a.name} – ${label}`,
      kind,
      stage,
      Math.max(0, Math.round(amount)),
      'USD',
      { day },
      closed,
      won,
      products,
      undefined,
    ]);

  if (a.lifecycle === 'trial') {
    deal(
      `${catalog.tiers.find((t) => t.key === a.plan)?.name ?? a.plan} trial`,
      'new',
      'Trial',
      arrOf(catalog, a.plan, a.licensed, []),
      a.renewal!,
      false,
      false,
      [a.plan],
    );
    return { deals, signals };
  }
  if (a.lifecycle === 'free') return { deals, signals };

  const current: State = { plan: a.plan, seats: a.licensed, modules: a.modules };
  const events = expansionEvents(ctx, a, seatStep);
  const won = events.filter((e) => e.won).sort((x, y) => x.day - y.day);
  let initial = current;
  for (const e of [...won].reverse()) initial = unapply(initial, e);
  const stateAt = (day: number) => won.filter((e) => e.day <= day).reduce(apply, initial);

  deal(
    'New business',
    'new',
    'Closed Won',
    arrOf(catalog, initial.plan, initial.seats, initial.modules),
    a.since,
    true,
    true,
    [initial.plan, ...initial.modules],
  );
  const renewals: number[] = [];
  if (a.contractStart !== undefined && a.termMonths) {
    const end = a.churnedAt ?? a.contractStart;
    for (
      let d = a.churnedAt === undefined ? end : addMonths(end, -a.termMonths);
      d > a.since + 20;
      d = addMonths(d, -a.termMonths)
    )
      renewals.unshift(d);
  }
  for (const d of renewals) {
    const st = stateAt(d);
    deal(
      `Renewal ${isoOf(d).slice(0, 4)}`,
      'renewal',
      'Closed Won',
      arrOf(catalog, st.plan, st.seats, st.modules),
      d,
      true,
      true,
      [st.plan, ...st.modules],
    );
  }
  if (a.churnedAt !== undefined)
    deal('Renewal', 'renewal', 'Closed Lost', a.listArr, a.churnedAt, true, false, [
      a.plan,
      ...a.modules,
    ]);
  else if (a.renewal !== undefined && a.renewal - asOf <= 180) {
    deal(
      'Renewal',
      'renewal',
      a.renewal - asOf <= 60 ? 'Renewal - Negotiation' : 'Renewal - Discovery',
      a.listArr,
      a.renewal,
      false,
      false,
      [a.plan, ...a.modules],
    );
  }

  for (const e of events) {
    const before = stateAt(e.day - 1);
    const after = apply(before, e);
    const amount =
      e.amount ??
      arrOf(catalog, after.plan, after.seats, after.modules) -
        arrOf(catalog, before.plan, before.seats, before.modules);
    const stage = !e.closed ? 'Proposal' : e.won ? 'Closed Won' : 'Closed Lost';
    deal(
      e.label,
      'expansion',
      stage,
      amount,
      e.day,
      e.closed,
      e.won,
      e.type === 'seats' ? [] : [e.product],
    );
    // With `outcomeSignal` 1 most outcomes have a leading signal; as it drops, the signals come
    // from the account-independent process below instead.
    if (e.closed && rng.chance((e.won ? 0.85 : 0.5) * s)) {
      signals.push(triggerFor(ctx, a, e, Math.max(a.since, e.day - rng.int(20, 120))));
    }
  }
  const spare = catalog.modules.filter(
    (m) => !a.modules.includes(m.key) && m.key !== a.target && canBuy(catalog, a.plan, m),
  );
  const from = Math.max(a.since, asOf - 730);
  const unrelated = [0, 1, 2].filter(() => rng.chance(0.3 * (1 - s))).length;
  // Signals that led nowhere (a signal is evidence, not a certainty; plain accounts stay quiet).
  const misses =
    a.archetype !== 'healthy_plain' && !RED.has(a.archetype) && rng.chance(0.35) ? 1 : 0;
  for (let k = 0; k < unrelated + misses && asOf - 120 > from; k++) {
    const day = rng.int(from, asOf - 120);
    const mod = spare.length && rng.chance(0.6) ? rng.pick(spare) : undefined;
    signals.push(mod ? moduleSignal(rng, a.id, day, mod) : growthSignal(rng, a.id, day));
  }
  return { deals, signals };
}
