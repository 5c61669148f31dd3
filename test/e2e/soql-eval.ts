/**
 * What the fake org does with a parsed SOQL query: evaluate its WHERE (the AND chains the
 * connector composes: `SystemModstamp >=`, the mapping's `IN`, `!= null`, `IsDeleted = TRUE`)
 * and return only the selected fields, relationship paths nested as REST returns them.
 */
import type { WhereClause } from '@jetstreamapp/soql-parser-js';
import type { SfRow } from './render-salesforce.js';

const unquote = (v: string) => v.replace(/^'(.*)'$/, '$1');

/** A WHERE condition as soql-parser-js parses it (the fields this fake reads). */
interface Cond {
  field: string;
  operator: string;
  value: string | string[];
  literalType?: string;
}

export function matches(row: SfRow, where: WhereClause | undefined): boolean {
  for (let w = where; w; w = 'right' in w ? w.right : undefined) {
    if ('operator' in w && w.operator === 'OR') throw new Error('fake org: OR is not supported');
    const c = w.left as unknown as Cond;
    const v = row[c.field];
    const ok =
      c.operator === 'IN'
        ? (c.value as string[]).map(unquote).includes(String(v))
        : c.operator === '>='
          ? Date.parse(String(v).replace('+0000', 'Z')) >= Date.parse(String(c.value))
          : c.operator === '!=' && c.literalType === 'NULL'
            ? v !== null && v !== undefined
            : c.operator === '=' && c.literalType === 'BOOLEAN'
              ? Boolean(v) === (c.value === 'TRUE')
              : c.operator === '='
                ? String(v) === unquote(String(c.value))
                : undefined;
    if (ok === undefined) throw new Error(`fake org: operator ${c.operator} is not supported`);
    if (!ok) return false;
  }
  return true;
}

/** Only the selected fields, relationship paths nested as REST returns them. */
export function project(row: SfRow, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: row.attributes };
  for (const f of fields) {
    const [head, rest] = f.split('.') as [string, string | undefined];
    if (!rest) out[head] = row[head] ?? null;
    else {
      const rel = row[head] as Record<string, unknown> | undefined;
      const prev = (out[head] as Record<string, unknown> | undefined) ?? {
        attributes: rel?.attributes,
      };
      out[head] = rel ? { ...prev, [rest]: rel[rest] ?? null } : null;
    }
  }
  return out;
}
