/**
 * Markdown building blocks. CRM values (account names, titles, evidence text) are untrusted: a
 * name like `Acme | Co <script>` must neither break a table nor inject HTML, so every value that
 * did not come from our own templates goes through `escapeMd` (prose) or `mdTableCell` (tables).
 */
import { neutralizeFormula } from '../output/spreadsheet-safe.js';

/** CommonMark backslash-escapable characters that change meaning inline. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~#&!]/g;

/**
 * Escapes text for use inside a Markdown paragraph, list item or heading: collapses newlines
 * (a value must stay on its line), escapes emphasis, links, code, HTML and table pipes, and
 * defuses what would start a block (`# `, `- `, `1. `) or a bare autolink (`https://`, `www.`,
 * `a@b.c`), which markdownlint reports and renderers turn into links nobody asked for.
 */
export function escapeMd(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Escapes a table cell; an empty value becomes an em dash so the column stays visible. A value
 * a spreadsheet would run as a formula (the table pasted into one) is kept as text. */
export function mdTableCell(text: string | number): string {
  const s = escapeMd(String(neutralizeFormula(text)));
  return s === '' ? '—' : s;
}

/**
 * A GFM table. `cells` are already-formatted strings produced by our code; untrusted parts must
 * have gone through `mdTableCell` (numbers and our own labels are safe as they are).
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const out = [line(headers), line(headers.map(() => '---'))];
  for (const r of rows) {
    if (r.length !== headers.length)
      throw new RangeError(`table row has ${r.length} cells, expected ${headers.length}`);
    out.push(line(r));
  }
  return out.join('\n');
}

/**
 * A GFM table whose rows are already lines (`| a | b |`, as `table` writes them), as pieces for
 * `blockParts`: the text `table` would give, never joined. At 100k accounts the playbook's tables
 * hold 400k lines; joined, each table was first copied into one string of megabytes.
 */
export function tableParts(headers: readonly string[], lines: readonly string[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const out = new Array<string>(lines.length * 2 + 1);
  out[0] = `${line(headers)}\n${line(headers.map(() => '---'))}`;
  for (let i = 0; i < lines.length; i++) {
    out[2 * i + 1] = '\n';
    out[2 * i + 2] = lines[i]!;
  }
  return out;
}

/** A bullet list of already-escaped items. */
export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

/** A numbered list of already-escaped items. */
export function numbered(items: readonly string[]): string {
  return items.map((i, n) => `${n + 1}. ${i}`).join('\n');
}

/** Joins blocks with one blank line, dropping empty ones (markdownlint MD012/MD022/MD032).
 * A block can be a table of megabytes: it is joined without copying it (V8 keeps `+` as a
 * reference to both parts until the text is written), and is blank only when short. */
export function blocks(...parts: (string | undefined | false)[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p !== 'string' || (p.length < 1024 && !/\S/.test(p))) continue;
    out = out ? out + '\n\n' + p : p;
  }
  return out;
}

/**
 * `blocks` as the pieces of its text rather than one string: `blockParts(...).join('')` is
 * `blocks(...)`. A playbook section holding a table of megabytes is then written piece by piece
 * and never made one string: encoding a joined section for the file makes V8 copy the whole of
 * it into one flat string first (at 100k accounts, 95 MB of new memory: about 0.7 s on these
 * VMs). A part may itself be pieces, one block.
 */
export function blockParts(...parts: (string | readonly string[] | undefined | false)[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      if (p.length < 1024 && !/\S/.test(p)) continue;
      if (out.length) out.push('\n\n');
      out.push(p);
    } else if (p && p.length) {
      if (out.length) out.push('\n\n');
      for (const piece of p) out.push(piece);
    }
  }
  return out;
}

/**
 * Gives each heading text a unique form within one document (`Acme`, `Acme (2)`): two accounts
 * with the same name must still have distinct headings (markdownlint MD024).
 */
export function uniqueHeadings(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text} (${n})`;
  };
}
