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
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { SourceError, UnreadableSourceError } from '../../src/errors.js';
import { LineProblems, looksBinary } from './line-problems.js';
import { normalizeNewlines } from './normalize-newlines.js';
import type { KnownRows, SourceIssue } from '../types.js';
import { rowTap, type KeptRow, type SplitRow } from './row-tap.js';
import { isEmptyRow, type SheetItem } from './rows.js';

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

/** What `on_record` hands on: first what came before the record in the file and was not yet
 * handed on (rows the tap held back, `row-tap.ts`, and the bad lines before them), then the
 * bad lines just before the record, and the record when it is a good one. */
interface Parsed {
  lead: SheetItem[];
  before?: SourceIssue[];
  cells?: string[];
  row: number;
  bytesHash?: string | undefined;
}

const BINARY_HEADER = 'line 1 (the header) is not text; binary data?';

/** Why a parsed record is not a usable line, if it is not. */
function badLine(cells: string[], raw: string, columns: number) {
  if (looksBinary(raw)) return { kind: 'binary', reason: 'binary data, not text' };
  if (cells.slice(columns).some((v) => v.trim() !== ''))
    return {
      kind: 'columns',
      reason: `${cells.length} fields but the header has ${columns} (an unquoted delimiter?)`,
    };
  return undefined;
}

/** Newlines inside a raw record: how many lines before its last one it began. */
const newlines = (raw: string) => (raw.trimEnd().match(/\r\n|\r|\n/g) ?? []).length;

/** A row's cells keyed by the header (blank header cells dropped). */
function fieldsOf(header: string[], cells: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  header.forEach((h, i) => {
    if (h) fields[h] = cells[i] ?? '';
  });
  return fields;
}

/**
 * Rows of a CSV (`delimiter` detected) or TSV (`tab`) file, keyed by the trimmed header. A line
 * csv-parse cannot read (a stray quote, a quote never closed) is skipped and reported by
 * csv-parse itself (`skip_records_with_error`, `on_skip`); so are lines of binary data and rows
 * with more cells than the header. When more than half the data lines are bad, the file is
 * mostly unreadable: an UnreadableSourceError once it has been read.
 *
 * With `known`, each row gets the digest of its cells (`bytesHash`), and a row the last pull read
 * with the same cells is not parsed: its fields are parsed only if asked (`row-tap.ts`). Every
 * other well-formed row is split by the tap rather than csv-parse, which reads the header, the
 * rows the tap cannot vouch for, and one row in every thousand (so the rows held back go on as
 * the file is read). Without `known`, csv-parse reads every row.
 */
export async function* readDelimited(
  file: string,
  format: 'csv' | 'tsv',
  known?: KnownRows,
): AsyncGenerator<SheetItem> {
  const name = basename(file);
  const delimiter = format === 'tsv' ? '\t' : detectDelimiter(headerLine(file));
  const tap = known && rowTap(known, format, delimiter);
  const problems = new LineProblems(name);
  let header: string[] | undefined;
  let row = 1;
  let lastLine = 0;
  /** The record being skipped: its first line and the longest raw text reported for it. */
  let skipping: { first: number; raw: string } | undefined;
  /** What came before the record at hand and is not handed on yet, in file order. */
  let lead: SheetItem[] = [];
  // A row held back, parsed alone when its fields are asked for after all.
  const readRow = (bytes: Buffer) => () =>
    fieldsOf(
      header!,
      (parseSync(bytes, { delimiter, relax_column_count: true }) as string[][])[0]!,
    );
  /** Rows held back: good rows, so a span of bad lines before them is finished. A row the tap
   * split itself goes on with its fields, as csv-parse's records do (a row of blank cells is
   * numbered and skipped). */
  const hold = (kept: (KeptRow | SplitRow)[]) => {
    if (!kept.length) return;
    problems.close();
    const found = problems.take();
    if (found.length) lead.push({ problems: found });
    for (const k of kept) {
      row++;
      if ('cells' in k) {
        if (!isEmptyRow(k.cells))
          lead.push({ row, fields: fieldsOf(header!, k.cells), bytesHash: k.bytesHash });
        continue;
      }
      const { id, rowHash, bytesHash, bytes } = k;
      lead.push({ row, id, rowHash, bytesHash, read: readRow(bytes) });
    }
    lastLine = kept[kept.length - 1]!.last;
  };
  /** Takes the rows held back before the next record; the tap's account of it, while it reads. */
  const holdBack = () => {
    const t = tap?.next();
    if (t) hold(t.kept);
    return t?.read;
  };
  // on_skip and on_record run in file order while csv-parse reads, so lines and rows counted
  // here stay right however the stream buffers the records. Records follow each other, so a
  // record starts on the line after the previous one ended.
  const options: Options<Parsed, { record: string[] }> = {
    bom: true,
    delimiter,
    // Column counts are checked below: a short row (trailing empty cells dropped by the
    // exporter) is fine, a row with extra non-empty cells is not.
    relax_column_count: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      const text = raw ?? '';
      holdBack();
      // csv-parse reports each stray quote of one record, its raw text growing each time.
      if (!skipping || !text.startsWith(skipping.raw)) {
        skipping = { first: lastLine + 1, raw: text };
        row++;
      } else skipping.raw = text;
      // Only past where the tap stopped, so every line it held back is before.
      const at = typeof err?.lines === 'number' ? err.lines + (tap?.dropped ?? 0) : lastLine + 1;
      const last = Math.max(skipping.first, at);
      const reason = (err?.message ?? 'cannot parse').replace(/ (at|on) line \d+/, '');
      problems.add({ kind: 'parse', first: skipping.first, last, row, reason, raw: text });
      lastLine = last;
      return undefined;
    },
    // With `raw`, csv-parse hands on_record `{ record, raw }` and streams what it returns
    // (nothing for a bad line without rows held back before it: null).
    on_record: ({ record: cells }: { record: string[] }, ctx: InfoRecord) => {
      const raw = ctx.raw ?? '';
      const read = header ? holdBack() : undefined;
      const before = lead;
      lead = [];
      // The tap numbers the lines of what it read; past where it stopped, csv-parse's count
      // misses the lines it held back.
      const last = read ? read.last : ctx.lines + (tap?.dropped ?? 0);
      const first = read ? read.first : last - newlines(raw);
      // A skipped record ends where this one starts (its rest was read past the error).
      if (skipping && first - 1 > lastLine) problems.extend(first - 1);
      skipping = undefined;
      lastLine = last;
      if (!header) {
        if (looksBinary(raw)) throw new UnreadableSourceError(name, BINARY_HEADER);
        header = cells.map((h) => h.trim());
        return null;
      }
      row++;
      const bad = badLine(cells, raw, header.length);
      if (bad) {
        problems.add({ ...bad, first, last, row, raw });
        return before.length ? { lead: before, row } : null;
      }
      problems.close();
      return { lead: before, before: problems.take(), cells, row, bytesHash: read?.bytesHash };
    },
  };
  // csv-parse types `on_record`'s result only for the `columns` overload; Parser streams whatever
  // on_record returns.
  const parser = parse(options as unknown as Options);
  const input = createReadStream(file);
  input.on('error', (e) => parser.destroy(e));
  const lf = input.pipe(normalizeNewlines());
  (tap ? lf.pipe(tap.transform) : lf).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      yield* item.lead;
      if (item.before?.length) yield { problems: item.before };
      const { cells, row: at, bytesHash } = item;
      if (!cells || isEmptyRow(cells)) continue;
      yield { row: at, fields: fieldsOf(header!, cells), ...(bytesHash ? { bytesHash } : {}) };
    }
    // The rows held back after the last record csv-parse read.
    hold(tap?.rest() ?? []);
    yield* lead;
  } catch (cause) {
    if (cause instanceof SourceError) throw cause;
    throw new SourceError(name, `cannot parse: ${(cause as Error).message}`, { cause });
  } finally {
    input.destroy();
  }
  problems.close();
  const dataLines = lastLine - 1;
  if (problems.mostlyUnreadable(dataLines)) {
    throw new UnreadableSourceError(
      name,
      `mostly unreadable: ${problems.badLines} of ${dataLines} data lines could not be read; the run goes on without it`,
    );
  }
  const found = problems.take();
  if (found.length) yield { problems: found };
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
