/**
 * Rows in the text format of Postgres COPY: columns separated by tabs, one row a line, `\N` for
 * null, and backslash, tab, newline and carriage return escaped, so any CRM text (quotes,
 * newlines in a note, a tab pasted into a name) arrives as it was.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */

export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value as COPY text reads it back (null and undefined: SQL NULL). */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  // Most values hold nothing to escape: test once instead of rebuilding the string.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/**
 * Rows for `Db.copyIn`, written as COPY text in UTF-8 straight into one growing buffer as they
 * are added. Building each row as a string, joining the rows and encoding the result took about
 * 60 µs per 3 KB opportunity document, this 10–27 (2026-12-07, a micro-bench on the
 * documents of a 20k-account run): no row string is made, and nothing is copied but the values.
 */
export class CopyRows {
  #buf: Buffer<ArrayBuffer>;
  #at = 0;
  #count = 0;

  constructor(rows: Iterable<readonly CopyValue[]> = []) {
    this.#buf = Buffer.allocUnsafeSlow(1 << 16);
    for (const row of rows) this.add(row);
  }

  /** Add one row: its values in the table's column order. */
  add(values: readonly CopyValue[]): this {
    for (let i = 0; i < values.length; i++) {
      if (i) this.#put('\t');
      this.#put(copyField(values[i]));
    }
    this.#put('\n');
    this.#count++;
    return this;
  }

  /** Rows added. */
  get count(): number {
    return this.#count;
  }

  #put(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const need = this.#at + text.length * 3;
    if (need > this.#buf.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(need, this.#buf.length * 2));
      this.#buf.copy(grown, 0, 0, this.#at);
      this.#buf = grown;
    }
    this.#at += this.#buf.write(text, this.#at);
  }

  /** The rows' bytes in a buffer of their own (exact size: it can be moved to a thread). */
  bytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.#buf.buffer.slice(0, this.#at));
  }

  /** The rows' bytes, not copied: valid until the next `add`. */
  view(): Buffer {
    return this.#buf.subarray(0, this.#at);
  }
}

const UNESCAPES: Record<string, string> = {
  '\\': '\\',
  t: '\t',
  n: '\n',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** One field of COPY TO text output back to its value (`\N`: null). COPY TO writes no octal
 * or hex escapes, only these. */
export function parseCopyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c);
}

/** COPY TO text output as rows of fields. Tabs and newlines inside values are escaped, so
 * splitting on the raw characters is exact. */
export function parseCopyText(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    rows.push(text.slice(start, end).split('\t').map(parseCopyField));
    start = end + 1;
  }
  return rows;
}
