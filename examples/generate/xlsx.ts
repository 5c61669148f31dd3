/**
 * Pack the generated CSV files into one XLSX workbook, a sheet per file, the way a person would
 * save an export from Excel: numbers as numbers, ISO dates as date cells, the rest (including the
 * dirty spellings) as text. Streams through exceljs's workbook writer, so memory stays flat.
 *
 * exceljs streaming writer: https://github.com/exceljs/exceljs#streaming-xlsx-writer
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { FILE_NAMES, type FileName } from './columns.js';

/** Files written with a delimiter other than a comma (a European-locale export). */
export const DELIMITERS: Partial<Record<FileName, string>> = { departments: ';' };

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function typed(cell: ExcelJS.Cell, text: string): void {
  if (NUMBER.test(text) && text.length < 16) cell.value = Number(text);
  else if (ISO_DATE.test(text)) {
    cell.value = new Date(`${text}T00:00:00Z`);
    cell.numFmt = 'yyyy-mm-dd';
  } else if (text !== '') cell.value = text;
}

/** Write `file` from the CSVs in `csvDir`; returns its path. */
export async function packWorkbook(csvDir: string, file: string): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Headroom demo generator';
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  for (const name of FILE_NAMES) {
    const ws = wb.addWorksheet(name);
    const parser = createReadStream(join(csvDir, `${name}.csv`)).pipe(
      parse({ bom: true, delimiter: DELIMITERS[name] ?? ',' }),
    );
    let header = true;
    for await (const record of parser as AsyncIterable<string[]>) {
      const row = ws.addRow([]);
      record.forEach((text, i) => {
        if (header) row.getCell(i + 1).value = text;
        else typed(row.getCell(i + 1), text);
      });
      header = false;
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  return file;
}
