/**
 * Whether a mapping's declared `type` can produce its neutral field's type. `type: boolean` into
 * `arr` would refuse every record at sync time; refusing the mapping at load names the key once.
 */
import type { NeutralObject } from '../model/records.js';
import { neutralFieldType } from './neutral-fields.js';
import type { FieldSpecObject, FieldType } from './schema.js';

const NUMERIC: readonly FieldType[] = ['integer', 'number', 'currency', 'percent'];

/** Declared types that yield a value the neutral field's type accepts. */
const PRODUCES: Record<FieldType, readonly FieldType[]> = {
  string: ['string', 'enum', 'date', 'datetime'],
  enum: ['string', 'enum'],
  list: ['list'],
  integer: NUMERIC,
  number: NUMERIC,
  currency: NUMERIC,
  percent: NUMERIC,
  // A datetime into a date field is truncated to its day (UTC).
  date: ['date', 'datetime'],
  datetime: ['datetime', 'date'],
  boolean: ['boolean'],
};

/** The JavaScript type a neutral field's values have, for checking an enum's `map` values. */
const JS_TYPE: Record<FieldType, 'string' | 'number' | 'boolean' | undefined> = {
  string: 'string',
  enum: 'string',
  date: 'string',
  datetime: 'string',
  integer: 'number',
  number: 'number',
  currency: 'number',
  percent: 'number',
  boolean: 'boolean',
  list: undefined,
};

/**
 * Why `spec` cannot fill `object.path`, or undefined when it can (or says no type: the neutral
 * field's own is used). `customFields.*` takes anything.
 */
export function typeMismatch(
  object: NeutralObject,
  path: string,
  spec: FieldSpecObject,
): string | undefined {
  if (spec.type === undefined || path.startsWith('customFields.')) return undefined;
  const target = neutralFieldType(object, path);
  if (target === undefined) return undefined;
  if (PRODUCES[target].includes(spec.type)) return undefined;
  // An enum whose map yields values of the field's type (`Yes: true` into a boolean) fits.
  const want = JS_TYPE[target];
  const values = spec.map ? Object.values(spec.map) : [];
  if (spec.type === 'enum' && want && values.length && values.every((v) => typeof v === want))
    return undefined;
  const fits = PRODUCES[target].join(', ');
  return `type "${spec.type}" cannot produce ${path}, a ${target} field (use ${fits}${
    want && target !== 'enum' && target !== 'string'
      ? `, or an enum whose map values are ${want}s`
      : ''
  })`;
}
