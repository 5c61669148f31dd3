/**
 * CSV and TSV through csv-parse, streamed record by record so a 100k-row export never sits in
 * memory at once. The delimiter of a CSV is detected from its header line (comma or semicolon:
 * spreadsheet apps in many European locales export `;`). A BOM is allowed; quoted fields may hold
 * delimiters and newlines; headers are trimmed.
 *
 * csv-parse options: https://csv.js.org/parse/options/
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, type CsvError, type Info } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { SourceError } from '../../src/errors.js';
import { isEmptyRow, type SheetRow } from './rows.js';

const CANDIDATES = [',', ';', '\t'] as const;

/** The first line of the file (outside quotes), without a BOM. Reads at most 64 KiB. */
function headerLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '"') quoted = !quoted;
      else if (!quoted && (text[i] === '\n' || text[i] === '\r'))
        return text.slice(0, i).replace(/^\uFEFF/, '');
    }
    return text.replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/** The delimiter that occurs most often outside quotes in the header line (comma on a tie). */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

const lineOf = (err: unknown): number | undefined => {
  const lines = (err as Partial<CsvError>).lines;
  return typeof lines === 'number' ? lines : undefined;
};

/** Rows of a CSV (`delimiter` detected) or TSV (`tab`) file, keyed by the trimmed header. */
export async function* readDelimited(
  file: string,
  format: 'csv' | 'tsv',
): AsyncGenerator<SheetRow> {
  const name = basename(file);
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(headerLine(file));
  // Column counts are checked here rather than by csv-parse: a short row (trailing empty cells
  // dropped by the exporter) is fine, a row with extra non-empty cells is not.
  const parser = parse({ bom: true, delimiter, relax_column_count: true, info: true });
  const input = createReadStream(file);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let header: string[] | undefined;
  let row = 1;
  let line = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: Info;
    }>) {
      const startLine = line;
      line = info.lines + 1;
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      row++;
      if (isEmptyRow(record)) continue;
      if (record.slice(header.length).some((v) => v.trim() !== '')) {
        throw new SourceError(
          name,
          `line ${startLine}: ${record.length} fields but the header has ${header.length} (an unquoted delimiter?)`,
        );
      }
      const fields: Record<string, unknown> = {};
      header.forEach((h, i) => {
        if (h) fields[h] = record[i] ?? '';
      });
      yield { row, fields };
    }
  } catch (cause) {
    if (cause instanceof SourceError) throw cause;
    const at = lineOf(cause);
    throw new SourceError(
      name,
      `cannot parse${at ? ` line ${at}` : ''}: ${(cause as Error).message}`,
      { cause },
    );
  } finally {
    input.destroy();
  }
}

/** The trimmed header of a CSV/TSV file. */
export function delimitedHeader(file: string, format: 'csv' | 'tsv'): string[] {
  const line = headerLine(file);
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(line);
  try {
    const [cells] = parseSync(line, { delimiter, relax_quotes: true });
    return (cells ?? []).map((h) => h.trim()).filter(Boolean);
  } catch (cause) {
    throw new SourceError(basename(file), `cannot parse line 1: ${(cause as Error).message}`, {
      cause,
    });
  }
}
