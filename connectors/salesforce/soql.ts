/**
 * SOQL from a pull request, built as a syntax tree with @jetstreamapp/soql-parser-js and composed
 * by it: field names are checked, the mapping's `where` is parsed (a typo fails before any call),
 * and values are never pasted into query text.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm
 */
import {
  composeQuery,
  getField,
  parseQuery,
  type Condition,
  type Query,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import { ConnectorError } from '../types.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*){0,4}$/;

function invalid(code: string, message: string): ConnectorError {
  return new ConnectorError('salesforce', code, message);
}

export function checkObjectName(object: string): string {
  if (!NAME.test(object))
    throw invalid('INVALID_TYPE', `"${object}" is not a Salesforce object name`);
  return object;
}

/**
 * Parse a mapping's `where` (a SOQL condition such as `Type IN ('Customer', 'Trial')`). Anything
 * but a condition (a LIMIT, an ORDER BY, a syntax error) is refused with the parser's reason.
 */
export function parseWhere(object: string, where: string): WhereClause {
  let query: Query;
  try {
    query = parseQuery(`SELECT Id FROM ${checkObjectName(object)} WHERE ${where}`);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw invalid(
      'INVALID_WHERE',
      `${object} filter "${where}" is not a valid SOQL condition: ${reason}`,
    );
  }
  const extra = (
    ['limit', 'offset', 'orderBy', 'groupBy', 'having', 'for', 'update'] as const
  ).filter((k) => query[k] !== undefined);
  if (!query.where || extra.length) {
    throw invalid(
      'INVALID_WHERE',
      `${object} filter "${where}" must be a condition only (found ${extra.join(', ')})`,
    );
  }
  return query.where;
}

/** SOQL datetime literal, whole seconds in UTC (`2026-03-01T09:30:00Z`). */
export function soqlDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Wrap a parsed condition in parentheses so `AND` cannot bind inside its `OR`s. */
function parenthesize(where: WhereClause): WhereClause {
  const w = structuredClone(where) as WhereClause & {
    left: (Condition & { openParen?: number }) | null;
  };
  w.left = w.left ? { ...w.left, openParen: (w.left.openParen ?? 0) + 1 } : { openParen: 1 };
  let node: WhereClause = w;
  while ('right' in node && node.right) node = node.right;
  const last = node.left as (Condition & { closeParen?: number }) | null;
  if (last) last.closeParen = (last.closeParen ?? 0) + 1;
  return w;
}

export interface QuerySpec {
  object: string;
  fields: string[];
  where?: string | undefined;
  /** Only rows with SystemModstamp at or after this instant. */
  modifiedSince?: Date | undefined;
  /** Only rows in the recycle bin (with the queryAll endpoint). */
  deletedOnly?: boolean;
}

/** Selected fields: `Id` and `SystemModstamp` first (paging, watermarks), then the mapping's,
 * each once (SOQL refuses a field named twice, in any case). */
export function selectFields(fields: string[]): string[] {
  const out = new Map<string, string>();
  for (const f of ['Id', 'SystemModstamp', ...fields]) {
    if (!PATH.test(f))
      throw invalid('INVALID_FIELD', `"${f}" is not a Salesforce field name or relationship path`);
    if (!out.has(f.toLowerCase())) out.set(f.toLowerCase(), f);
  }
  return [...out.values()];
}

export function buildQuery(spec: QuerySpec): string {
  const object = checkObjectName(spec.object);
  const conditions: WhereClause[] = [];
  if (spec.deletedOnly) {
    conditions.push({
      left: { field: 'IsDeleted', operator: '=', value: 'TRUE', literalType: 'BOOLEAN' },
    });
  }
  if (spec.modifiedSince) {
    const value = soqlDateTime(spec.modifiedSince);
    conditions.push({
      left: { field: 'SystemModstamp', operator: '>=', value, literalType: 'DATETIME' },
    });
  }
  if (spec.where?.trim()) conditions.push(parenthesize(parseWhere(object, spec.where)));
  const where = conditions.reduceRight<WhereClause | undefined>(
    (right, c) => (right ? ({ left: c.left, operator: 'AND', right } as WhereClause) : c),
    undefined,
  );
  return composeQuery({
    fields: (spec.deletedOnly ? ['Id'] : selectFields(spec.fields)).map((f) => getField(f)),
    sObject: object,
    ...(where ? { where } : {}),
  });
}
