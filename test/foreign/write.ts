/**
 * Writing a foreign portfolio as a files-format folder: CSV with a header row, `accounts.csv`
 * with a BOM, `departments.csv` semicolon-delimited (both are what spreadsheet exports do), the
 * folder's own `catalog.yaml`, and the planted truth beside it in `truth.json` (which the files
 * connector ignores).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Catalog } from '../../src/model/catalog.js';
import { COLUMNS, type Rows } from './rows.js';
import type { Truth } from './truth.js';

/** A CSV cell, quoted when it holds the delimiter, a quote or a line break. */
function cell(v: string, delimiter: string): string {
  return v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csv(
  columns: readonly string[],
  rows: readonly Record<string, string>[],
  delimiter: string,
) {
  const line = (values: readonly string[]) => values.map((v) => cell(v, delimiter)).join(delimiter);
  return (
    [line(columns), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n') + '\n'
  );
}

const FORMAT: Record<keyof Rows, { delimiter: string; bom: boolean }> = {
  accounts: { delimiter: ',', bom: true },
  contacts: { delimiter: ',', bom: false },
  deals: { delimiter: ',', bom: false },
  usage: { delimiter: ',', bom: false },
  departments: { delimiter: ';', bom: false },
  signals: { delimiter: ',', bom: false },
};

export function writeFolder(dir: string, rows: Rows, catalog: Catalog, truth: Truth): void {
  mkdirSync(dir, { recursive: true });
  for (const file of Object.keys(FORMAT) as (keyof Rows)[]) {
    const { delimiter, bom } = FORMAT[file];
    const text = csv(COLUMNS[file], rows[file], delimiter);
    writeFileSync(join(dir, `${file}.csv`), (bom ? '\uFEFF' : '') + text);
  }
  writeFileSync(join(dir, 'catalog.yaml'), stringify(catalog));
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 2));
}
