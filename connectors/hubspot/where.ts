/**
 * A mapping's `where` for HubSpot: conditions joined by AND, turned into search filters.
 *   lifecyclestage = customer AND annualrevenue >= 100000
 *   industry IN (SOFTWARE, 'COMPUTER_SOFTWARE')   hs_parent_company_id IS UNKNOWN
 * Operators: = != <> > >= < <= IN, NOT IN, IS KNOWN, IS UNKNOWN. Values may be quoted.
 * https://developers.hubspot.com/docs/api/crm/search#filter-search-results
 */
import { ConnectorError } from '../types.js';

export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

const OPERATORS: Record<string, string> = {
  '=': 'EQ',
  '!=': 'NEQ',
  '<>': 'NEQ',
  '>': 'GT',
  '>=': 'GTE',
  '<': 'LT',
  '<=': 'LTE',
};

const unquote = (v: string) => v.trim().replace(/^(['"])(.*)\1$/, '$2');

function parseClause(clause: string, where: string): SearchFilter {
  const known = /^([\w.]+)\s+IS\s+(NOT\s+)?(UN)?KNOWN$/i.exec(clause);
  if (known) {
    const has = !known[2] !== !!known[3];
    return { propertyName: known[1]!, operator: has ? 'HAS_PROPERTY' : 'NOT_HAS_PROPERTY' };
  }
  const list = /^([\w.]+)\s+(NOT\s+)?IN\s*\((.*)\)$/i.exec(clause);
  if (list) {
    const values = list[3]!.split(',').map(unquote).filter(Boolean);
    return { propertyName: list[1]!, operator: list[2] ? 'NOT_IN' : 'IN', values };
  }
  const cmp = /^([\w.]+)\s*(!=|<>|>=|<=|=|>|<)\s*(.+)$/.exec(clause);
  if (cmp) return { propertyName: cmp[1]!, operator: OPERATORS[cmp[2]!]!, value: unquote(cmp[3]!) };
  throw new ConnectorError(
    'hubspot',
    'BAD_WHERE',
    `cannot read "${clause}" in where "${where}" (expected e.g. "lifecyclestage = customer")`,
  );
}

/** Parse a `where`; an empty or absent one gives no filters. */
export function parseWhere(where: string | undefined): SearchFilter[] {
  if (!where?.trim()) return [];
  return where
    .split(/\s+AND\s+/i)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => parseClause(c, where));
}
