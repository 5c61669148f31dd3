/**
 * Realistic dirt: in a few percent of cells, the spellings real exports use for the same value
 * (`$12,000`, `1.2k`, `85%`, `Yes`, `03/01/2026`, Excel serials, `Pro`, blanks in optional
 * columns). Every spelling reads back to the same neutral value through `mappings/files.yaml`;
 * the deliberately bad rows are added separately (portfolio.ts).
 */
import type { ColumnKind } from './columns.js';
import { excelSerial, isoOf } from './dates.js';
import type { Rng } from './random.js';
import type { Cell } from './types.js';

const ENUM_VARIANTS: Record<string, string> = {
  customer: 'Customer',
  trial: 'Trial',
  churned: 'Cancelled',
  professional: 'Pro',
  starter: 'Starter',
  enterprise: 'Enterprise',
  new: 'New Business',
  expansion: 'Upsell',
  renewal: 'Renewal',
  active: 'Active',
  left: 'Departed',
  positive: 'Good',
  neutral: 'OK',
  negative: 'Poor',
};

const ROLE_LABELS: Record<string, string> = {
  champion: 'Champion',
  economic_buyer: 'Economic Buyer',
  exec_sponsor: 'Executive Sponsor',
  power_user: 'Power User',
  decision_maker: 'Decision Maker',
};

const pad = (n: number) => String(n).padStart(2, '0');
const thousands = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The clean spelling of a cell. */
export function clean(v: Cell): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'object') return isoOf(v.day);
  return String(v);
}

/** A cell as a messy export might spell it; `rng` decides, `null` rng means clean. */
export function dirty(rng: Rng | null, kind: ColumnKind, v: Cell): string {
  if (!rng || v === undefined) return clean(v);
  const r = rng.next();
  if (r > 0.06) return clean(v); // most cells are clean
  const n = typeof v === 'number' ? v : NaN;
  switch (kind) {
    case 'money':
      return n >= 1000 && n % 1000 === 0 && r < 0.015 ? `${n / 1000}k` : `$${thousands(n)}`;
    case 'int':
      if (n >= 1000 && n % 100 === 0 && r < 0.03) return `${n / 1000}k`;
      return n >= 1000 ? thousands(n) : clean(v);
    case 'pct':
      return `${clean(v)}%`;
    case 'bool':
      return v ? 'Yes' : 'No';
    case 'date': {
      if (typeof v !== 'object' || Array.isArray(v)) return clean(v);
      if (r < 0.02) return String(excelSerial(v.day));
      const [y, m, d] = isoOf(v.day).split('-');
      return `${pad(+m!)}/${pad(+d!)}/${y}`;
    }
    case 'optional':
      return r < 0.03 ? '' : clean(v);
    case 'enum':
      return ENUM_VARIANTS[clean(v)] ?? clean(v);
    case 'roles':
      return Array.isArray(v) ? v.map((x) => ROLE_LABELS[x] ?? x).join('; ') : clean(v);
    default:
      return clean(v);
  }
}
