/**
 * XLSX sources through exceljs's streaming reader: one workbook in the folder, one sheet per file
 * name (`accounts`, `contacts`, ...). Rows stream one at a time, so a large sheet is never loaded
 * whole. Date-formatted cells arrive as Date values (styles are read for that), formulas as their
 * cached result, rich text as plain text, error cells (`#N/A`) as their text.
 *
 * exceljs streaming reader: https://github.com/exceljs/exceljs#streaming-xlsx-reader
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { UnreadableSourceError } from '../../src/errors.js';
import { isEmptyRow, type SheetRow } from './rows.js';

/** A cell's value as a plain scalar the mapping transforms understand. */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('result' in o || 'formula' in o || 'sharedFormula' in o) return cellValue(o.result);
  if (Array.isArray(o.richText))
    return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('hyperlink' in o) return cellValue(o.text);
  if ('error' in o) return String(o.error);
  return undefined;
}

interface SheetLike {
  name?: string;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

/**
 * Rows of the sheet named `sheet` (matched without regard to case). `onMissing` runs when the
 * workbook has no such sheet, so the caller decides whether that is fine.
 */
export async function* readXlsx(
  file: string,
  sheet: string,
  opts: { headerOnly?: boolean; onMissing?: () => void } = {},
): AsyncGenerator<SheetRow & { header: string[] }> {
  const name = basename(file);
  const input = createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell a date cell from a number
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const ws of reader as AsyncIterable<SheetLike>) {
      if ((ws.name ?? '').toLowerCase() !== sheet.toLowerCase()) continue;
      found = true;
      let header: string[] | undefined;
      for await (const r of ws) {
        const values = (r.values as unknown[]).map(cellValue);
        if (!header) {
          if (isEmptyRow(values)) continue;
          header = values.map((h) => (h === undefined ? '' : String(h).trim()));
          if (opts.headerOnly) {
            yield { row: r.number, fields: {}, header: header.filter(Boolean) };
            return;
          }
          continue;
        }
        if (isEmptyRow(values)) continue;
        const fields: Record<string, unknown> = {};
        header.forEach((h, col) => {
          if (h) fields[h] = values[col];
        });
        yield { row: r.number, fields, header };
      }
      break;
    }
  } catch (cause) {
    // A workbook that cannot be opened is unreadable for every sheet in it.
    throw new UnreadableSourceError(name, `cannot read the workbook: ${(cause as Error).message}`, {
      cause,
    });
  } finally {
    input.destroy();
  }
  if (!found) opts.onMissing?.();
}

/** The trimmed header of one sheet, or undefined when the workbook has no such sheet. */
export async function xlsxHeader(file: string, sheet: string): Promise<string[] | undefined> {
  for await (const first of readXlsx(file, sheet, { headerOnly: true })) return first.header;
  return undefined;
}
