/**
 * The clean rows as a real export holds them: money as `$48,000` or `USD 48000`, big counts with
 * thousands separators, dates as ISO, US `MM/DD/YYYY` or Excel serials, created dates as
 * datetimes, CSAT as `85%` or `0.85`, blanks as `N/A` or `-`, booleans as Yes/No, picklist
 * values in any case, and plan and products as catalog keys or names. Every dirty value still
 * means the clean one: the files run must read the same facts as the CRM runs.
 */
import { daysBetween } from './calendar.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { Rng } from './random.js';
import type { Row, Rows } from './rows.js';

type Dirt = (rng: Rng, v: string) => string;

const grouped = (n: number) => n.toLocaleString('en-US');
const blankish: Dirt = (rng, v) => (v === '' ? rng.pick(['', '', 'N/A', '-']) : v);
const money: Dirt = (rng, v) => {
  if (v === '') return v;
  const n = Number(v);
  return rng.pick([
    v,
    `$${grouped(n)}`,
    `${grouped(n)}.00`,
    `USD ${v}`,
    n % 1000 === 0 ? `${n / 1000}k` : v,
  ]);
};
const count: Dirt = (rng, v) =>
  v !== '' && Number(v) >= 1000 && rng.chance(0.5) ? grouped(Number(v)) : blankish(rng, v);
const date: Dirt = (rng, v) => {
  if (v === '') return blankish(rng, v);
  const r = rng.next();
  if (r < 0.55) return v;
  const [y, m, d] = v.split('-');
  if (r < 0.88) return `${m}/${d}/${y}`;
  return String(daysBetween('1899-12-30', v)); // Excel serial
};
const datetime: Dirt = (rng, v) => {
  if (v === '') return v;
  const t = `${String(rng.int(6, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  return rng.pick([`${v}T${t}:${String(rng.int(10, 59))}Z`, `${v} ${t}`, `${v}T${t}:00.000+0000`]);
};
// A 1–5 rating (`4.6`) is never written as a percentage; a 0–100 one may be `85%` or `0.85`.
const percent: Dirt = (rng, v) =>
  v.includes('.')
    ? v
    : v === ''
      ? blankish(rng, v)
      : rng.pick([v, `${v}%`, String(Number(v) / 100)]);
const bool: Dirt = (rng, v) =>
  rng.pick(v === 'true' ? ['true', 'Yes', 'TRUE', 'Y'] : ['false', 'No', 'FALSE', 'N']);
const oneOf =
  (variants: Record<string, readonly string[]>): Dirt =>
  (rng, v) =>
    variants[v] ? rng.pick(variants[v]) : v;
const list: Dirt = (rng, v) =>
  v
    .split(';')
    .filter(Boolean)
    .join(rng.pick([';', '; ']));

function plan(catalog: Catalog, rng: Rng, key: string): string {
  const tier = catalog.tiers.find((t) => t.key === key);
  if (!tier) return blankish(rng, key);
  return rng.pick([key, key.toUpperCase(), tier.name, tier.name.toLowerCase(), ` ${tier.name} `]);
}
function products(catalog: Catalog, rng: Rng, keys: string): string {
  const names = keys
    .split(';')
    .filter(Boolean)
    .map((k) => {
      const m = catalog.modules.find((x) => x.key === k);
      return m && rng.chance(0.6) ? m.name : k;
    });
  return names.join(rng.pick([';', '; ']));
}

const rules = (catalog: Catalog): Record<keyof Rows, Record<string, Dirt>> => ({
  accounts: {
    industry: blankish,
    lifecycle: oneOf({
      customer: ['customer', 'Customer', 'Paying', 'active'],
      trial: ['trial', 'Trial'],
      free: ['Freemium', 'free'],
      churned: ['Cancelled', 'churned'],
    }),
    plan: (rng, v) => plan(catalog, rng, v),
    products: (rng, v) => products(catalog, rng, v),
    arr: money,
    licensed_seats: count,
    active_seats: count,
    employees: count,
    employees_prior: count,
    employees_prior_date: date,
    contract_start: date,
    renewal_date: date,
    term_months: blankish,
    health_score: blankish,
    nps: blankish,
    csat: percent,
    ticket_themes: list,
    last_qbr_date: date,
    last_qbr_outcome: oneOf({
      positive: ['positive', 'Positive', 'good'],
      neutral: ['neutral', 'OK', 'Neutral'],
      negative: ['negative', 'poor', 'Negative'],
    }),
  },
  contacts: {
    roles: (rng, v) =>
      v
        .split(';')
        .filter(Boolean)
        .map((r) => rng.pick(ROLE_LABELS[r] ?? [r]))
        .join('; '),
    status: oneOf({ active: ['active', 'Active', ''], left: ['left', 'Left', 'departed'] }),
    left_date: date,
    last_engaged_date: date,
    created_date: datetime,
  },
  deals: {
    kind: oneOf({
      new: ['new', 'New Business'],
      renewal: ['renewal', 'Renewal'],
      expansion: ['Upsell', 'expansion'],
    }),
    amount: money,
    close_date: date,
    closed: bool,
    won: bool,
  },
  usage: { date, value: count, limit: count },
  departments: { uses_product: bool, headcount: count },
  signals: {
    date,
    kind: oneOf({
      workaround: ['workaround', 'Workaround'],
      new_office: ['New Office', 'new_office'],
      leadership_hire: ['Leadership Hire', 'leadership_hire'],
      initiative: ['initiative', 'Initiative'],
    }),
  },
});
const ROLE_LABELS: Record<string, readonly string[]> = {
  champion: ['champion', 'Champion'],
  economic_buyer: ['Economic Buyer', 'economic buyer'],
  exec_sponsor: ['Executive Sponsor', 'exec sponsor'],
  power_user: ['Power User', 'power_user'],
};

/** Every row of every file as the export holds it (plan and products named from `catalog`). */
export function dirtyRows(rng: Rng, rows: Rows, catalog: Catalog): Rows {
  const all = rules(catalog);
  const one = (file: keyof Rows) => (row: Row) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(row)) out[k] = all[file][k] ? all[file][k](rng, v) : v;
    return out;
  };
  return Object.fromEntries(
    (Object.keys(rows) as (keyof Rows)[]).map((f) => [f, rows[f].map(one(f))]),
  ) as unknown as Rows;
}
