/**
 * Raw records -> neutral records: one pure function, the same for every connector. A value that
 * cannot be read becomes an issue and the rest of the record is kept; a record missing a
 * required value is skipped and reported.
 */
import type { z } from 'zod';
import type { RawRecord } from '../../connectors/types.js';
import { NEUTRAL_SCHEMAS, type NeutralObject } from '../model/records.js';
import type { Issue } from '../model/output.js';
import {
  fieldAlternatives,
  fieldNames,
  type FieldSpec,
  type FieldType,
  type FieldSpecObject,
  type ObjectMapping,
} from './schema.js';
import { neutralFieldType } from './neutral-fields.js';
import { isBlank, transform } from './transforms.js';
import { resolveAccountRefs } from './account-step.js';
import type { CatalogRefIndex } from './catalog-refs.js';

export type NeutralRecord<O extends NeutralObject> = z.infer<(typeof NEUTRAL_SCHEMAS)[O]>;

export interface MapContext {
  /** Connection name: ids become `connection:crmId`. */
  connection: string;
  /** What issues name as their source: the file (`accounts.csv`) or the connection. */
  source?: string;
  /** The active catalog (`catalogRefIndex`): account `plan` and `products` are resolved to its
   * keys, and a value it does not know is an issue. Absent: taken as mapped. */
  catalog?: CatalogRefIndex | undefined;
  /** The mapping's `employeesPrior.periodMonths` (a prior headcount without its date). */
  priorPeriodMonths?: number | undefined;
}

export interface MapResult<O extends NeutralObject> {
  records: NeutralRecord<O>[];
  issues: Issue[];
}

/** Read a dot path: a literal key first (`Owner.Name` as returned flat), then nested objects. */
export function readPath(fields: Record<string, unknown>, path: string): unknown {
  if (path in fields) return fields[path];
  let cur: unknown = fields;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let cur = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

const normalize = (spec: FieldSpec): FieldSpecObject =>
  typeof spec === 'string' ? { field: spec } : spec;

/** What mapping one neutral field takes, worked out once per mapping instead of per record. */
interface FieldPlan {
  path: string;
  parts: readonly string[];
  spec: FieldSpecObject;
  /** The transform's type: declared, else the neutral field's, a datetime read as a date
   * where the neutral field is one (Salesforce CreatedDate, HubSpot createdate). */
  type: FieldType;
  alternatives: readonly (readonly string[])[];
  options: { separator: string | undefined; map: Record<string, unknown> | undefined };
}

const plans = new WeakMap<ObjectMapping, FieldPlan[]>();

function fieldPlans(object: NeutralObject, mapping: ObjectMapping): FieldPlan[] {
  let out = plans.get(mapping);
  if (out) return out;
  out = Object.entries(mapping.fields).map(([path, rawSpec]) => {
    const spec = normalize(rawSpec);
    const target = neutralFieldType(object, path);
    const declared = spec.type ?? target ?? 'string';
    return {
      path,
      parts: path.split('.'),
      spec,
      type: declared === 'datetime' && target === 'date' ? 'date' : declared,
      alternatives: fieldAlternatives(spec),
      options: { separator: spec.separator, map: spec.map },
    };
  });
  plans.set(mapping, out);
  return out;
}

function readSource(plan: FieldPlan, raw: RawRecord): { value: unknown; from: string } {
  const { spec, alternatives } = plan;
  if (spec.value !== undefined) return { value: spec.value, from: 'value' };
  if (spec.association !== undefined) {
    return {
      value: raw.associations?.[spec.association]?.[0],
      from: `associations.${spec.association}`,
    };
  }
  for (const group of alternatives) {
    if (group.length === 1) {
      const v = readPath(raw.fields, group[0]!);
      if (!isBlank(v)) return { value: v, from: group[0]! };
      continue;
    }
    const parts = group.map((f) => readPath(raw.fields, f)).filter((v) => !isBlank(v));
    if (parts.length)
      return { value: parts.map((v) => String(v).trim()).join(' '), from: group.join('+') };
  }
  return { value: undefined, from: alternatives[0]!.join('+') };
}

const ID_FIELDS = new Set(['id', 'accountId']);

/** Map one raw record. */
export function mapRecord<O extends NeutralObject>(
  object: O,
  mapping: ObjectMapping,
  raw: RawRecord,
  ctx: MapContext,
): { record?: NeutralRecord<O>; issues: Issue[] } {
  const issues: Issue[] = [];
  const base: Omit<Issue, 'reason' | 'skipped'> = {
    source: ctx.source ?? ctx.connection,
    object,
    recordId: raw.id,
    ...(raw.row !== undefined ? { row: raw.row } : {}),
  };
  const out: Record<string, unknown> = {};
  let skip = false;
  for (const plan of fieldPlans(object, mapping)) {
    const { path, spec } = plan;
    const { value, from } = readSource(plan, raw);
    const parsed = transform(plan.type, value, plan.options);
    if (parsed.ok && 'value' in parsed) {
      setPath(out, plan.parts, parsed.value);
      continue;
    }
    if (spec.default !== undefined) setPath(out, plan.parts, spec.default);
    if (spec.required && spec.default === undefined) {
      skip = true;
      const why = parsed.ok ? `${from} is blank` : parsed.reason;
      issues.push({
        ...base,
        field: from,
        value,
        reason: `${path} is required: ${why}; record skipped`,
        skipped: true,
      });
    } else if (!parsed.ok) {
      issues.push({
        ...base,
        field: from,
        value,
        reason: `${path}: ${parsed.reason}`,
        skipped: false,
      });
    }
  }
  if (skip) return { issues };
  if (object === 'account') {
    const issueAt = (path: string, value: unknown, reason: string): Issue => ({
      ...base,
      field: sourceOf(mapping, path) ?? path,
      value,
      reason,
      skipped: false,
    });
    issues.push(...resolveAccountRefs(out, ctx, issueAt));
  }
  finishIds(object, out, raw, ctx);
  return validate(object, out, base, issues, mapping);
}

/** Ids become `connection:crmId`; an account keeps its bare `crmId` too. */
function finishIds(
  object: NeutralObject,
  out: Record<string, unknown>,
  raw: RawRecord,
  ctx: MapContext,
): void {
  if (object === 'account') {
    const crmId = isBlank(out.crmId) ? (isBlank(out.id) ? raw.id : out.id) : out.crmId;
    out.crmId = isBlank(crmId) ? undefined : String(crmId);
    out.id = prefixed(ctx.connection, out.crmId);
    out.source = ctx.connection;
    return;
  }
  for (const f of ID_FIELDS) {
    if (f === 'id' && !(object === 'contact' || object === 'deal')) continue;
    const v = f === 'id' && isBlank(out.id) ? raw.id : out[f];
    out[f] = prefixed(ctx.connection, v);
  }
}

const prefixed = (connection: string, v: unknown) =>
  isBlank(v) ? undefined : `${connection}:${String(v)}`;

const optionalCache = new Map<NeutralObject, Set<string>>();
/** Top-level keys that may be absent (optional or defaulted): a bad value there is dropped. */
function optionalKeys(object: NeutralObject): Set<string> {
  let keys = optionalCache.get(object);
  if (!keys) {
    const shape = (NEUTRAL_SCHEMAS[object] as unknown as z.ZodObject<z.ZodRawShape>).shape;
    keys = new Set(
      Object.entries(shape)
        .filter(([, s]) => (s as z.ZodType).safeParse(undefined).success)
        .map(([k]) => k),
    );
    optionalCache.set(object, keys);
  }
  return keys;
}

function validate<O extends NeutralObject>(
  object: O,
  out: Record<string, unknown>,
  base: Omit<Issue, 'reason' | 'skipped'>,
  issues: Issue[],
  mapping: ObjectMapping,
): { record?: NeutralRecord<O>; issues: Issue[] } {
  const schema = NEUTRAL_SCHEMAS[object] as unknown as z.ZodObject<z.ZodRawShape>;
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = schema.safeParse(out);
    if (res.success) return { record: res.data as NeutralRecord<O>, issues };
    const dropped = new Set<string>();
    for (const zi of res.error.issues) {
      const top = String(zi.path[0] ?? '');
      const field = zi.path.join('.');
      const optional = optionalKeys(object).has(top);
      const value = readPath(out, field);
      const src = sourceOf(mapping, field) ?? (field || undefined);
      if (!optional) {
        issues.push({
          ...base,
          field: src,
          value,
          reason: `${field || 'record'}: ${zi.message}; record skipped`,
          skipped: true,
        });
        return { issues };
      }
      if (dropped.has(top)) continue;
      dropped.add(top);
      issues.push({
        ...base,
        field: src,
        value,
        reason: `${field}: ${zi.message}; ${top} left empty`,
        skipped: false,
      });
    }
    for (const top of dropped) delete out[top];
  }
  return {
    issues: [...issues, { ...base, reason: 'record could not be validated', skipped: true }],
  };
}

/** The source field a neutral path was read from (for issue messages). */
function sourceOf(mapping: ObjectMapping, path: string): string | undefined {
  const spec = mapping.fields[path];
  if (spec === undefined) return undefined;
  const s = normalize(spec);
  if (s.field !== undefined)
    return fieldAlternatives(s)
      .map((g) => g.join('+'))
      .join('|');
  return s.association !== undefined ? `associations.${s.association}` : undefined;
}

/** Map many raw records. */
export function mapRecords<O extends NeutralObject>(
  object: O,
  mapping: ObjectMapping,
  raws: Iterable<RawRecord>,
  ctx: MapContext,
): MapResult<O> {
  const records: NeutralRecord<O>[] = [];
  const issues: Issue[] = [];
  for (const raw of raws) {
    const r = mapRecord(object, mapping, raw, ctx);
    if (r.record) records.push(r.record);
    issues.push(...r.issues);
  }
  return { records, issues };
}

/** The source fields a mapping reads from one object: what a connector should select. */
export function sourceFields(mapping: ObjectMapping): string[] {
  const out = new Set<string>();
  for (const spec of Object.values(mapping.fields)) {
    const s = normalize(spec);
    for (const f of fieldNames(s)) out.add(f);
  }
  return [...out];
}

/** Association object types a mapping reads (HubSpot). */
export function sourceAssociations(mapping: ObjectMapping): string[] {
  const out = new Set<string>();
  for (const spec of Object.values(mapping.fields)) {
    const s = normalize(spec);
    if (s.association !== undefined) out.add(s.association);
  }
  return [...out];
}
