/**
 * Cells a spreadsheet would run as a formula. A value that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is a formula to Excel, LibreOffice and Google Sheets when the text is
 * pasted or opened there (CSV injection). Everything Headroom writes that a spreadsheet may open
 * goes through `neutralizeFormula`: such text gets a leading `'`, which spreadsheets read as
 * "this is text" (OWASP, "CSV Injection"). Numbers stay numbers: `-1200` or `-1,200.50` is a
 * negative amount, not a formula. Input is never changed: a formula-looking cell in an export is
 * kept as the text it is.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?(\d[\d,]*(\.\d+)?|\.\d+)(e[-+]?\d+)?%?$/i;

/** The value as a spreadsheet will keep it as text. */
export function neutralizeFormula<T>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value)) return value;
  if (NUMBER.test(value.trim())) return value;
  return `'${value}`;
}
