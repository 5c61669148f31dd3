/**
 * What a pull read by the cells of each row (delimited files, `connectors/files/row-tap.ts`):
 * the digest of the row's cells, the row's digest (`unchanged-rows.ts`) and the record id. Kept
 * beside the store (`Store.resultsDir`), one file per connection and object, rewritten by every
 * pull that read the source, under the key of what mapping depended on: the next pull under the
 * same key hands the connector these (`KnownRows`), and a row whose cells did not change is not
 * parsed. What the file says of a row follows from the row's cells, the header and the key, so
 * it does not go stale; it is a hint all the same: a row held back is kept only where the mirror
 * holds its digest as read (a run that failed or was held after its pull wrote nothing there),
 * and parsed and mapped otherwise. A file lost costs parsing; one under another key is not read.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { KnownRows } from '../../connectors/types.js';

/** 2: rows told by their cells, not their bytes (a listing of 1 would match nothing). */
const MAGIC = 'headroom-row-bytes 2';
/** Digest length (`hashText`). */
const D = 24;

/** The last pull's rows by the digest of their cells (`bytesHash`). */
export type RowsByBytes = Map<string, { id: string; rowHash: string }>;

/** The file of one connection's object under `dir`. */
export function rowBytesFile(dir: string, connection: string, object: string): string {
  const name = createHash('sha1').update(`${connection}\u0000${object}`).digest('hex');
  return join(dir, `${name.slice(0, 20)}.row-bytes`);
}

/** The rows the last pull read, when its file was written under `key` (else none). */
export function readRowBytes(file: string, key: string): RowsByBytes {
  const rows: RowsByBytes = new Map();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return rows;
  }
  const lines = text.split('\n');
  if (lines[0] !== MAGIC || lines[1] !== key) return rows;
  // Each line: the bytes' digest, the row's digest, the id as JSON (an id may be any text).
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length <= 2 * D + 2) continue;
    const id = JSON.parse(line.slice(2 * D + 2)) as string;
    rows.set(line.slice(0, D), { id, rowHash: line.slice(D + 1, 2 * D + 1) });
  }
  return rows;
}

/** What a connector is told of them. */
export const knownRows = (rows: RowsByBytes): KnownRows => ({ rowOf: (b) => rows.get(b) });

/**
 * What a pull reads (`MappedPage.rowBytes` triples), written as it reads it to a temporary file
 * that takes the last pull's place when the pull is done (`finish`); with no row, the file goes.
 * A pull that fails leaves the last pull's file as it was (`abandon`). Held to the pull's end
 * instead, the triples of the 100k bench folder were 8.85M strings (about 300 MB) kept through
 * it. The file is a hint: one that cannot be written costs the next pull parsing, never this one.
 */
export class RowBytesWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly key: string,
  ) {
    this.tmp = `${file}.${process.pid}.tmp`;
  }

  add(triples: readonly string[]): void {
    if (triples.length === 0 || this.closed) return;
    let text = '';
    for (let i = 0; i + 2 < triples.length; i += 3)
      text += `${triples[i]!} ${triples[i + 1]!} ${JSON.stringify(triples[i + 2]!)}\n`;
    try {
      if (this.fd === undefined) {
        mkdirSync(dirname(this.file), { recursive: true });
        this.fd = openSync(this.tmp, 'w');
        writeSync(this.fd, `${MAGIC}\n${this.key}\n`);
      }
      writeSync(this.fd, text);
    } catch {
      // (a read-only or full results folder)
      this.abandon();
      this.closed = true;
    }
  }

  /** The rows added take the last pull's place (none: its file goes). */
  finish(): void {
    if (this.closed) return;
    try {
      if (this.fd === undefined) rmSync(this.file, { force: true });
      else {
        closeSync(this.fd);
        this.fd = undefined;
        renameSync(this.tmp, this.file);
      }
    } catch {
      this.abandon();
    }
    this.closed = true;
  }

  /** Nothing of this pull's rows is kept; the last pull's file stays. */
  abandon(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // (closed already)
      }
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
    this.closed = true;
  }
}

/** Write what a pull read in place of the last pull's file, at once (`RowBytesWriter`). */
export function writeRowBytes(file: string, key: string, triples: readonly string[]): void {
  const writer = new RowBytesWriter(file, key);
  writer.add(triples);
  writer.finish();
}
