/**
 * Salesforce rows -> RawRecord. REST rows carry `attributes` and nest relationship fields
 * (`Owner: { Name }`); Bulk API CSV rows are flat (`Owner.Name`) and all text. Both become the
 * same shape, so the mapping reads `Owner.Name` the same way whichever API served the pull.
 */
import type { RawRecord } from '../types.js';
import { ConnectorError } from '../types.js';
import { isIdFieldName, to18 } from './ids.js';
import type { SalesforceRecord } from './schemas.js';

/** Drop `attributes` at every level; normalize id-valued fields to 18 characters. */
function clean(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'attributes') continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      out[k] = clean(v as Record<string, unknown>);
    else out[k] = isIdFieldName(k) && typeof v === 'string' ? to18(v) : v;
  }
  return out;
}

export function fromRestRecord(row: SalesforceRecord, object: string): RawRecord {
  const fields = clean(row);
  const id = fields.Id;
  if (typeof id !== 'string' || !id) {
    throw new ConnectorError(
      'salesforce',
      'BAD_RESPONSE',
      `${object} query returned a row without an Id`,
    );
  }
  const modified = fields.SystemModstamp;
  return { id, fields, ...(typeof modified === 'string' ? { modifiedAt: modified } : {}) };
}

/** A Bulk API 2.0 CSV row: nest `A.B` columns, read empty cells as null (the CSV has no null). */
export function fromCsvRow(row: Record<string, string>, object: string): RawRecord {
  const nested: Record<string, unknown> = {};
  for (const [column, text] of Object.entries(row)) {
    const value = text === '' ? null : text;
    const parts = column.split('.');
    let cur = nested;
    for (const part of parts.slice(0, -1)) {
      const next = cur[part];
      cur = (next !== null && typeof next === 'object' ? next : (cur[part] = {})) as Record<
        string,
        unknown
      >;
    }
    cur[parts[parts.length - 1]!] = value;
  }
  return fromRestRecord(nested as SalesforceRecord, object);
}
