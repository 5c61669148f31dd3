/**
 * XLSX sources: one workbook in the folder, one sheet per file name (`accounts`, `contacts`, ...).
 * Rows stream one at a time, so a large sheet is never loaded whole. Date-formatted cells arrive as
 * Date values (styles are read for that), formulas as their cached result, rich text as plain
 * text, error cells (`#N/A`) as their text.
 *
 * The archive is opened by its central directory (yauzl), so the parts a sheet depends on (the
 * workbook's sheet list and relationships, the shared strings, the styles) are read first and then
 * only the sheet asked for, whatever order the parts are stored in. exceljs decodes those parts:
 * its cell handling (shared and rich strings, dates by number format, formulas, errors) is kept.
 * Its own streaming `WorkbookReader.read()` is not used: it walks the archive front to back,
 * spills every sheet stored before the shared strings (as streaming writers store them) to a
 * temporary file it deletes while a skipped sheet's file may still be opening, and it can stop
 * before the last parts of the archive, which loses a sheet or the sheet names. The parts' decoders
 * are reached through the reader's methods, which is why `exceljs` is pinned to one version.
 *
 * yauzl: https://github.com/thejoshwolfe/yauzl
 * exceljs streaming reader: https://github.com/exceljs/exceljs#streaming-xlsx-reader
 */
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
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

/** The decoders of `ExcelJS.stream.xlsx.WorkbookReader` (exceljs 4.4.0) this reader drives. */
interface PartDecoders {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    entry: Readable,
    sheetNo: string,
  ): Iterator<{ value: AsyncIterable<ExcelJS.Row> }, void>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name?: string; rId?: string }[] };
}

const OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache', // needed to tell a date cell from a number
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/** Where a relationship's target lives in the archive: relative to `xl/` unless absolute. */
function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/').toLowerCase();
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
  const unreadable = (cause: unknown) =>
    new UnreadableSourceError(name, `cannot read the workbook: ${(cause as Error).message}`, {
      cause,
    });
  let zip: yauzl.ZipFile | undefined;
  let rows: AsyncIterable<ExcelJS.Row> | undefined;
  let source: Readable | undefined;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
    const open = (path: string) => {
      const entry = entries.get(path);
      return entry ? zip!.openReadStreamPromise(entry) : undefined;
    };
    const book = new ExcelJS.stream.xlsx.WorkbookReader(file, OPTIONS) as unknown as PartDecoders;
    const rels = await open('xl/_rels/workbook.xml.rels');
    if (!rels) throw new Error('it holds no xl/_rels/workbook.xml.rels');
    await book._parseRels(rels);
    const workbook = await open('xl/workbook.xml');
    if (!workbook) throw new Error('it holds no xl/workbook.xml');
    await book._parseWorkbook(workbook);
    const strings = await open('xl/sharedstrings.xml');
    if (strings) for await (const _ of book._parseSharedStrings(strings)) void _;
    const styles = await open('xl/styles.xml');
    if (styles) await book._parseStyles(styles);

    const wanted = sheet.toLowerCase();
    const meta = (book.model?.sheets ?? []).find((s) => (s.name ?? '').toLowerCase() === wanted);
    if (meta) {
      const target = book.workbookRels?.find((r) => r.Id === meta.rId)?.Target;
      const path = target === undefined ? undefined : partPath(target);
      source = path === undefined ? undefined : await open(path);
      // A sheet the workbook lists but does not hold is damage, not an absent sheet.
      if (!source) throw new Error(`sheet "${meta.name}" is listed but its part is missing`);
      const sheetNo = /(\d+)\.xml$/.exec(path!)?.[1] ?? '1';
      rows = book._parseWorksheet(source, sheetNo).next().value?.value;
    }
  } catch (cause) {
    zip?.close();
    // A workbook that cannot be opened is unreadable for every sheet in it.
    throw unreadable(cause);
  }
  try {
    if (!rows) {
      opts.onMissing?.();
      return;
    }
    let header: string[] | undefined;
    try {
      for await (const r of rows) {
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
    } catch (cause) {
      throw unreadable(cause);
    }
  } finally {
    source?.destroy();
    zip!.close();
  }
}

/** The trimmed header of one sheet, or undefined when the workbook has no such sheet. */
export async function xlsxHeader(file: string, sheet: string): Promise<string[] | undefined> {
  for await (const first of readXlsx(file, sheet, { headerOnly: true })) return first.header;
  return undefined;
}
