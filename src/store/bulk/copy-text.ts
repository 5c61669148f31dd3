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
