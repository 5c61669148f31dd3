/**
 * The fake portal's CRM search: filter groups (OR of ANDs), one sort, `limit` up to 200 and
 * `after`, the 10,000-result cap, and dates compared as epoch milliseconds as HubSpot does.
 * https://developers.hubspot.com/docs/api/crm/search
 */
import type { HsObject } from './render-hubspot.js';

export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}
export interface SearchBody {
  filterGroups: { filters: SearchFilter[] }[];
  sorts?: { propertyName: string; direction?: string }[];
  properties: string[];
  limit: number;
  after?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;

/** A property as a number when it is one (ids, amounts, timestamps), else its text. */
function valueOf(o: HsObject, name: string): string | number | null {
  const v = o.properties[name] ?? null;
  if (v === null) return null;
  if (ISO.test(v)) return Date.parse(v);
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

function test(o: HsObject, f: SearchFilter): boolean {
  const v = valueOf(o, f.propertyName);
  const n = typeof v === 'number' ? Number(f.value) : f.value;
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return v !== null && v !== '';
    case 'NOT_HAS_PROPERTY':
      return v === null || v === '';
    case 'IN':
      return f.values!.some((x) => x.toLowerCase() === String(v).toLowerCase());
    case 'NOT_IN':
      return !f.values!.some((x) => x.toLowerCase() === String(v).toLowerCase());
    case 'EQ':
      return v !== null && String(v).toLowerCase() === String(n).toLowerCase();
    case 'NEQ':
      return v === null || String(v).toLowerCase() !== String(n).toLowerCase();
    case 'GT':
      return v !== null && n !== undefined && v > n;
    case 'GTE':
      return v !== null && n !== undefined && v >= n;
    case 'LT':
      return v !== null && n !== undefined && v < n;
    case 'LTE':
      return v !== null && n !== undefined && v <= n;
    default:
      throw new Error(`fake portal: search operator ${f.operator} is not supported`);
  }
}

export function searchPage(
  objects: HsObject[],
  body: SearchBody,
): { total: number; results: HsObject[]; paging?: { next: { after: string } } } {
  if (body.limit > 200) throw new Error('fake portal: search limit above 200');
  const hits = objects.filter((o) =>
    body.filterGroups.length
      ? body.filterGroups.some((g) => g.filters.every((f) => test(o, f)))
      : true,
  );
  const sort = body.sorts?.[0];
  if (sort) {
    const dir = sort.direction === 'DESCENDING' ? -1 : 1;
    hits.sort((a, b) => {
      const x = valueOf(a, sort.propertyName) ?? 0;
      const y = valueOf(b, sort.propertyName) ?? 0;
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }
  const start = Number(body.after ?? 0);
  if (start + body.limit > 10_000) throw new Error('fake portal: paging beyond 10,000 results');
  const next = start + body.limit < hits.length ? String(start + body.limit) : undefined;
  return {
    total: hits.length,
    results: hits.slice(start, start + body.limit),
    ...(next ? { paging: { next: { after: next } } } : {}),
  };
}
