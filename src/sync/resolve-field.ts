/**
 * Write-back field values: a mapping's `writeBack` sources are paths into the output record (an
 * Opportunity or AccountSummary), with an `account.` prefix into the neutral account, or (account
 * targets) with a `card.` prefix into the account card (src/view); a `{ value }` constant; or a
 * path with `map`, `format` and `maxLength`.
 */
import { readPath } from '../mapping/apply.js';
import type { WriteField } from '../mapping/schema.js';
import type { Account } from '../model/records.js';

export interface FieldSources {
  /** The output record being written (Opportunity or AccountSummary). */
  record: object;
  account?: Account;
  /** The account card, for account targets whose mapping reads `card.*`. */
  card?: object;
}

/** Read a source path: `account.*` from the neutral account, `card.*` from the account card,
 * anything else from the record. */
export function readSource(path: string, sources: FieldSources): unknown {
  if (path.startsWith('card.') && sources.card) {
    return readPath(sources.card as Record<string, unknown>, path.slice('card.'.length));
  }
  if (path.startsWith('account.') && sources.account) {
    return readPath(
      sources.account as unknown as Record<string, unknown>,
      path.slice('account.'.length),
    );
  }
  return readPath(sources.record as Record<string, unknown>, path);
}

/** Readable text for arrays and objects (evidence, approach, objections). */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toText).filter(Boolean).join('\n');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.text === 'string') return o.text;
    if (typeof o.objection === 'string') return `${o.objection} — ${toText(o.response)}`;
    return Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${toText(v)}`)
      .join('; ');
  }
  return String(value);
}

function format(value: unknown, how: 'date' | 'datetime' | 'text' | 'json' | undefined): unknown {
  switch (how) {
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : value;
    case 'datetime':
      // HubSpot date properties take midnight UTC as epoch milliseconds.
      return typeof value === 'string' ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : value;
    case 'text':
      return toText(value);
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

/** The CRM value of one write-back field; `undefined` when the source has no value (the field
 * is then left out of the write rather than cleared). */
export function resolveField(spec: WriteField | string, sources: FieldSources): unknown {
  // The mapping schema turns a bare path into `{ field }`; a bare string is accepted too.
  if (typeof spec === 'string') return readSource(spec, sources);
  if (spec.value !== undefined) return spec.value;
  if (spec.field === undefined) return undefined;
  let value = readSource(spec.field, sources);
  if (value === undefined || value === null) return undefined;
  if (spec.map) {
    const hit = Object.entries(spec.map).find(
      ([k]) => k.toLowerCase() === String(value).toLowerCase(),
    );
    if (hit) value = hit[1];
  }
  value = format(value, spec.format);
  if (spec.maxLength !== undefined && typeof value === 'string' && value.length > spec.maxLength) {
    value = `${value.slice(0, spec.maxLength - 1)}…`;
  }
  return value;
}
