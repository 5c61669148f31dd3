/**
 * The shape every reader yields: one data row with its spreadsheet row number, already keyed by
 * the header. Readers differ in parsing; paging and record ids are done once, here.
 */
import type { RawPage, RawRecord, SourceIssue } from '../types.js';

export interface SheetRow {
  /** Spreadsheet row: header = 1, first data row = 2. */
  row: number;
  fields: Record<string, unknown>;
  /** The digest of the row's cells, where the reader made one (`RawRecord.bytesHash`). */
  bytesHash?: string;
}

/** A row the last pull read with the same bytes, not parsed (`row-tap.ts`): its id, digests and
 * fields on demand. */
export interface SheetKeptRow {
  row: number;
  id: string;
  rowHash: string;
  bytesHash: string;
  read(): Record<string, unknown>;
}

/** Lines a reader could not read, reported in order between the rows around them. */
export interface SheetProblem {
  problems: SourceIssue[];
}

export type SheetItem = SheetRow | SheetKeptRow | SheetProblem;

/** Default records per page: big enough to amortize, small enough to keep memory flat. */
export const DEFAULT_PAGE_SIZE = 5000;

const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The id column of an object: `accounts` -> `account_id`, `contacts` -> `contact_id`,
 * `deals` -> `deal_id`, or a plain `id`. Objects without one (usage, departments, signals) get
 * `<object>-<row>`, as does a row whose id cell is blank, so every issue can still name it.
 */
export function idColumns(object: string): string[] {
  const singular = object.toLowerCase().replace(/s$/, '');
  return [`${singular}_id`, 'id'];
}

export function toRawRecord(
  object: string,
  row: SheetRow | SheetKeptRow,
  ids: string[],
): RawRecord {
  if ('read' in row) {
    const { id, rowHash, bytesHash } = row;
    return {
      id,
      fields: {},
      row: row.row,
      rowHash,
      bytesHash,
      cellsHash: bytesHash,
      unread: row.read,
    };
  }
  const column = ids.find((c) => c in row.fields);
  const value = column === undefined ? undefined : row.fields[column];
  const cells = row.bytesHash !== undefined ? { cellsHash: row.bytesHash } : {};
  // An id made of the row's position is not the row's own: its bytes are not remembered (the
  // next pull could not hand the row on by them), though its digest is still made from them.
  if (blank(value))
    return { id: `${object}-${row.row}`, fields: row.fields, row: row.row, ...cells };
  return {
    id: String(value).trim(),
    fields: row.fields,
    row: row.row,
    ...(row.bytesHash !== undefined ? { bytesHash: row.bytesHash } : {}),
    ...cells,
  };
}

/** Group rows into pages of `pageSize` raw records, naming the file on every page. */
export async function* paginate(
  object: string,
  rows: AsyncIterable<SheetItem>,
  source: string,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<RawPage> {
  const ids = idColumns(object);
  let records: RawRecord[] = [];
  let issues: SourceIssue[] = [];
  const page = (): RawPage => ({ records, source, ...(issues.length ? { issues } : {}) });
  for await (const item of rows) {
    if ('problems' in item) {
      issues.push(...item.problems);
      continue;
    }
    records.push(toRawRecord(object, item, ids));
    if (records.length >= pageSize) {
      yield page();
      records = [];
      issues = [];
    }
  }
  if (records.length || issues.length) yield page();
}

/** True when every cell of a row is blank (a spacer line, not a record). */
export const isEmptyRow = (values: unknown[]): boolean => values.every(blank);
