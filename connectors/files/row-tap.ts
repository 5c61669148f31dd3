/**
 * Rows of a delimited export told by their cells, before csv-parse reads them. A day's export
 * from the same system differs from yesterday's in the rows that changed: every other row holds
 * the cells of a row the last pull read, byte for byte or quoted otherwise (a spreadsheet app
 * that saved it quoting every cell). The tap splits the text (newlines already LF,
 * `normalize-newlines.ts`) into rows and takes the digest of each row's cells as csv-parse
 * reads them (`cellsOf`, with the file's format and header cells). A row the last pull read
 * with the same digest (`KnownRows`) is not handed to csv-parse at all: it comes out of `next`
 * as `kept`, with its id and lines, before the next record csv-parse reads. Since the fifteenth
 * stop (2026-12-07), a row the last pull did not read is not handed to csv-parse either when the
 * tap can vouch for it: it comes out as `kept` too, with the cells it copied out to digest them,
 * decoded (`readCells`, as csv-parse reads them), unless it has non-blank cells past the header's or
 * looks binary, which csv-parse reads and the read reports as without the tap. Rows and lines
 * are numbered by the tap, so they are the file's.
 *
 * The split is exact only for well-formed CSV: a quote opens a field and closes it, `""` inside
 * it. At the first row that is not (a stray quote, a CR left alone, a quote never closed) the
 * tap stops: that row and everything after go to csv-parse as they are and read as without the
 * tap, their line numbers moved on by the lines it held back (`dropped`). A row longer than
 * `MAX_ROW` bytes stops it too. Every `SYNC_EVERY` rows held back in a row, one is read anyway,
 * so a long run of unchanged rows is handed on as it goes rather than held to the end.
 */
import { hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { KnownRows } from '../types.js';
import { looksBinary } from './line-problems.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** A row held across chunks up to this size; past it the tap stops (the rest reads as is). */
const MAX_ROW = 1 << 20;
/** Rows held back in a row before one is read anyway. */
const SYNC_EVERY = 1000;
/** Digest length, as `hashText` writes it. */
const DIGEST = 24;

/** A data row as the tap saw it: its lines in the file. */
interface Lines {
  first: number;
  last: number;
}
/** A row handed to csv-parse, with the digest of its cells (none for a blank line). */
export interface ReadRow extends Lines {
  bytesHash?: string;
}
/** A row held back: the last pull read these cells as record `id`, its row digest `rowHash`. */
export interface KeptRow extends Lines {
  bytesHash: string;
  id: string;
  rowHash: string;
  /** The row's bytes, for its fields should they be needed after all. */
  bytes: Buffer;
}
/** A row the tap split itself: its cells as csv-parse would have read them. */
export interface SplitRow extends Lines {
  bytesHash: string;
  cells: string[];
}

const MORE = -1;
const BAD = -2;
const scan = { lines: 1 };

/**
 * The end of the row starting at `from` (after its LF, or `end` at the end of the file) and its
 * lines in `scan.lines`; MORE when the row goes on past `end`, BAD when it is not well-formed.
 */
function scanRow(b: Buffer, from: number, end: number, delimiter: number, eof: boolean): number {
  let i = from;
  scan.lines = 1;
  for (;;) {
    if (i < end && b[i] === QUOTE) {
      // A quoted field: up to the quote that is not doubled.
      i++;
      for (;;) {
        if (i >= end) return eof ? BAD : MORE;
        const c = b[i];
        if (c === QUOTE) {
          if (i + 1 >= end) return eof ? end : MORE;
          if (b[i + 1] !== QUOTE) break;
          i += 2;
          continue;
        }
        if (c === LF) scan.lines++;
        else if (c === CR) return BAD;
        i++;
      }
      i++;
      const c = b[i];
      if (c === delimiter) {
        i++;
        continue;
      }
      return c === LF ? i + 1 : BAD;
    }
    for (;;) {
      if (i >= end) return eof ? end : MORE;
      const c = b[i];
      if (c === delimiter) break;
      if (c === LF) return i + 1;
      if (c === QUOTE || c === CR) return BAD;
      i++;
    }
    i++;
  }
}

/**
 * The cells of a well-formed row (bytes `from`–`to` of `b`, without its newline) written to
 * `out` from `at` as csv-parse reads them, each after its byte length (4 bytes): a quoted cell
 * without its quotes and with `""` read as `"`. Returns where they end. Two rows with the same
 * cells, however they are quoted, are written the same.
 */
function cellsOf(b: Buffer, from: number, to: number, delimiter: number, out: Buffer, at: number) {
  let i = from;
  for (;;) {
    const lengthAt = at;
    at += 4;
    if (i < to && b[i] === QUOTE) {
      // Well-formed: its closing quote is the first one not doubled, before `to`.
      i++;
      for (;;) {
        const q = b.indexOf(QUOTE, i);
        at += b.copy(out, at, i, q);
        if (b[q + 1] === QUOTE) {
          out[at++] = QUOTE;
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    } else {
      let e = b.indexOf(delimiter, i);
      if (e < 0 || e > to) e = to;
      at += b.copy(out, at, i, e);
      i = e;
    }
    out.writeUInt32LE(at - lengthAt - 4, lengthAt);
    if (i >= to) return at;
    i++; // the delimiter after the cell
  }
}

/** The cells `cellsOf` wrote to `buf` from `at` to `end`, each decoded as UTF-8 (quotes and
 * delimiters are ASCII, so no character is cut). */
function readCells(buf: Buffer, at: number, end: number): string[] {
  const cells: string[] = [];
  while (at < end) {
    const n = buf.readUInt32LE(at);
    at += 4;
    cells.push(buf.toString('utf8', at, at + n));
    at += n;
  }
  return cells;
}

/** The cells of a well-formed row (bytes `from`–`to` of `b`, without its newline) as csv-parse
 * reads them: what the tap digests, decoded. */
export function splitCells(b: Buffer, from: number, to: number, delimiter: number): string[] {
  const out = Buffer.allocUnsafe(5 * (to - from) + 4);
  return readCells(out, 0, cellsOf(b, from, to, delimiter, out, 0));
}

export interface RowTap {
  /** Between the file (LF newlines) and csv-parse. */
  transform: Transform;
  /**
   * For the next data record csv-parse hands on: the rows held back before it and the tap's
   * account of it; `read` undefined once the tap has stopped (the record is the file's own, on
   * csv-parse's line plus `dropped`).
   */
  next(): { kept: (KeptRow | SplitRow)[]; read: ReadRow | undefined };
  /** The rows held back after the last record, once csv-parse has ended. */
  rest(): (KeptRow | SplitRow)[];
  /** Lines held back before the tap stopped. */
  readonly dropped: number;
}

/**
 * A tap for a file of `format` whose delimiter is `delimiter`: rows `known.rowOf` names are held
 * back (each id once: a second row with the same bytes is read, so the duplicate rule sees both).
 */
export function rowTap(known: KnownRows, format: string, delimiter: string): RowTap {
  const d = delimiter.charCodeAt(0);
  const queue: (ReadRow | KeptRow | SplitRow)[] = [];
  let head = 0;
  const ids = new Set<string>();
  let carry: Buffer | undefined;
  /** The digest of the format and the header line, once the header is read. */
  let prefix: string | undefined;
  /** The header's cells: a row with non-blank cells past them is csv-parse's to read. */
  let columns = 0;
  let stopped = false;
  /** Lines before the next row, and those held back. */
  let line = 0;
  let dropped = 0;
  let inARow = 0;
  let scratch = Buffer.allocUnsafe(4096);

  /** The cells of the row at bytes `from`–`to` of `b`, written to `scratch` after the prefix;
   * returns where they end. */
  const copyCells = (b: Buffer, from: number, to: number): number => {
    // Each cell takes its length (4 bytes) and at most its bytes: at most 5 bytes a byte.
    const need = DIGEST + 5 * (to - from) + 4;
    if (scratch.length < need) {
      scratch = Buffer.allocUnsafe(Math.max(need, scratch.length * 2));
      scratch.write(prefix!, 0, 'latin1');
    }
    return cellsOf(b, from, to, d, scratch, DIGEST);
  };

  /** The cells `copyCells` just wrote, for a row the tap can hand on itself; undefined for one
   * whose trouble csv-parse and the read report (`read-delimited.ts`): non-blank cells past the
   * header's, or text that looks binary. */
  const plainCells = (end: number): string[] | undefined => {
    const cells = readCells(scratch, DIGEST, end);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (looksBinary(cell) || (i >= columns && cell.trim() !== '')) return undefined;
    }
    return cells;
  };

  /** Rows of `b` from the start, what they pass on in `out`; what is left for the next chunk. */
  function rows(b: Buffer, eof: boolean, out: Buffer[]): Buffer | undefined {
    // A BOM before the header is csv-parse's to drop (`bom`): the header is scanned after it.
    let at = prefix === undefined && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    let passFrom = 0;
    while (at < b.length) {
      const end = scanRow(b, at, b.length, d, eof);
      if (end === MORE) break;
      if (end === BAD) {
        stopped = true;
        break;
      }
      const first = line + 1;
      line += scan.lines;
      const to = b[end - 1] === LF ? end - 1 : end;
      if (prefix === undefined) {
        const lead = Buffer.from(`${format}\n`);
        const header = Buffer.allocUnsafe(lead.length + 5 * (to - at) + 4);
        lead.copy(header);
        const end = cellsOf(b, at, to, d, header, lead.length);
        prefix = hash('sha1', header.subarray(0, end), 'hex').slice(0, DIGEST);
        scratch.write(prefix, 0, 'latin1');
        columns = readCells(header, lead.length, end).length;
      } else if (to === at) {
        // A blank line: read (and skipped) as it is.
        queue.push({ first, last: line });
      } else {
        const cellsEnd = copyCells(b, at, to);
        const bytesHash = hash('sha1', scratch.subarray(0, cellsEnd), 'hex').slice(0, DIGEST);
        // Held back: a row the last pull read (each id once), else one the tap can split; past
        // SYNC_EVERY of them in a row, or a row the tap cannot vouch for, csv-parse reads it.
        const listed = inARow < SYNC_EVERY ? known.rowOf(bytesHash) : undefined;
        const last = listed && !ids.has(listed.id) ? listed : undefined;
        const cells = last || inARow >= SYNC_EVERY ? undefined : plainCells(cellsEnd);
        if (last) {
          ids.add(last.id);
          // The bytes stay (their chunk with them) only until the row is handed on.
          const { id, rowHash } = last;
          queue.push({ first, last: line, bytesHash, id, rowHash, bytes: b.subarray(at, to) });
        } else if (cells) queue.push({ first, last: line, bytesHash, cells });
        if (last || cells) {
          inARow++;
          dropped += scan.lines;
          out.push(b.subarray(passFrom, at));
          passFrom = end;
        } else {
          queue.push({ first, last: line, bytesHash });
          inARow = 0;
        }
      }
      at = end;
    }
    out.push(b.subarray(passFrom, stopped ? b.length : at));
    return stopped || at >= b.length ? undefined : b.subarray(at);
  }

  const transform = new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (stopped) return done(null, chunk);
      const b = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = undefined;
      const out: Buffer[] = [];
      const rest = rows(b, false, out);
      if (rest && rest.length > MAX_ROW) {
        stopped = true;
        out.push(rest);
      } else carry = rest;
      done(null, joined(out));
    },
    flush(done: TransformCallback) {
      const out: Buffer[] = [];
      if (carry) rows(carry, true, out);
      carry = undefined;
      done(null, joined(out));
    },
  });

  const take = (): ReadRow | KeptRow | SplitRow | undefined => {
    if (head >= queue.length) return undefined;
    const t = queue[head]!;
    queue[head++] = undefined as unknown as ReadRow;
    // Drop what was taken now and then, not on every row.
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    return t;
  };

  return {
    transform,
    next() {
      const kept: (KeptRow | SplitRow)[] = [];
      for (let t = take(); t; t = take()) {
        if (!('id' in t) && !('cells' in t)) return { kept, read: t };
        kept.push(t);
      }
      return { kept, read: undefined };
    },
    rest() {
      const kept: (KeptRow | SplitRow)[] = [];
      for (let t = take(); t; t = take()) kept.push(t as KeptRow | SplitRow);
      return kept;
    },
    get dropped() {
      return dropped;
    },
  };
}

function joined(parts: Buffer[]): Buffer | undefined {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return undefined;
  return nonEmpty.length === 1 ? nonEmpty[0] : Buffer.concat(nonEmpty);
}
