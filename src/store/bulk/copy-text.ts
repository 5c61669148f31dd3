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

/** One row, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let out = copyField(values[0]);
  for (let i = 1; i < values.length; i++) out += `\t${copyField(values[i])}`;
  return `${out}\n`;
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
