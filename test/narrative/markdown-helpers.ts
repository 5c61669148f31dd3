/**
 * Reading generated Markdown back in tests: tables under a heading, header lines, headings, and
 * markdownlint with the configuration the playbook is held to.
 */
import { lint } from 'markdownlint/sync';
import type { Configuration } from 'markdownlint';

/**
 * The markdownlint configuration generated documents must pass: every default rule, except
 * MD013 (line length), because table rows and talking tracks are single long lines by design.
 */
/** Long lines are prose (MD013 off). Headings carry CRM company names verbatim ("Keystone Group
 * Inc.", "Yahoo!"), so a heading may end in `.` or `!` (MD026 keeps `,;:`). Same as
 * `.markdownlint.json` at the repository root. */
export const LINT_CONFIG: Configuration = {
  default: true,
  MD013: false,
  MD026: { punctuation: ',;:' },
};

/** markdownlint problems as `line: RULE detail` strings; empty when the document is clean. */
export function lintMarkdown(markdown: string): string[] {
  const results = lint({ strings: { doc: markdown }, config: LINT_CONFIG });
  return (results.doc ?? []).map(
    (e) =>
      `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`,
  );
}

/** Splits a table row on pipes that are not escaped, dropping the outer empty cells. */
export function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The body rows of the first table after the heading line `heading` (exact line match). */
export function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`heading not found: ${heading}`);
  let i = start + 1;
  while (i < lines.length && !lines[i]?.startsWith('|')) {
    if (lines[i]?.startsWith('#')) throw new Error(`no table under ${heading}`);
    i++;
  }
  const rows: string[][] = [];
  for (i += 2; i < lines.length && lines[i]?.startsWith('|'); i++)
    rows.push(cells(lines[i] as string));
  return rows;
}

/** Every table in the document as [header cell count, row cell counts]. */
export function tableShapes(markdown: string): { header: number; rows: number[] }[] {
  const out: { header: number; rows: number[] }[] = [];
  let current: { header: number; rows: number[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (!current) out.push((current = { header: cells(line).length, rows: [] }));
    else current.rows.push(cells(line).length);
  }
  return out;
}

export const headings = (markdown: string, level: number): string[] =>
  markdown
    .split('\n')
    .filter((l) => l.startsWith(`${'#'.repeat(level)} `))
    .map((l) => l.slice(level + 1));

/** The value after `Label: ` on a header line (trailing hard-break spaces removed). */
export function headerValue(markdown: string, label: string): string {
  const line = markdown.split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`header line not found: ${label}`);
  return line.slice(label.length + 2).trimEnd();
}

/** `$12,345` → 12345 */
export const dollars = (s: string): number => Number(s.replace(/[$,]/g, ''));
