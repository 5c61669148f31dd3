/**
 * Lines of a file that cannot be read, collected while it streams: a record csv-parse skipped
 * (`skip_records_with_error`), a line of binary data, a row with more cells than the header.
 * Consecutive bad lines of one kind make one issue (`lines 40–121: binary data`), so a 20 KB
 * block of garbage is one problem, not eighty. The count of bad lines decides whether the file is
 * mostly unreadable.
 */
import type { SourceIssue } from '../types.js';

/** Raw text kept in an issue: enough to find the line, never a whole block. */
export const RAW_LIMIT = 200;

/** C0 controls other than tab/newline, and U+FFFD (bytes that are not UTF-8): not a text line. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

export const looksBinary = (text: string): boolean => BINARY.test(text);

/** Raw text for an issue: cut, with control characters shown as U+FFFD. */
export function clip(raw: string): string {
  // eslint-disable-next-line no-control-regex -- shown as U+FFFD so the issue stays readable
  const shown = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD').trimEnd();
  return shown.length > RAW_LIMIT ? `${shown.slice(0, RAW_LIMIT)}…` : shown;
}

interface Span {
  kinds: Set<string>;
  first: number;
  last: number;
  row: number;
  reason: string;
  raw: string;
}

export class LineProblems {
  private open: Span | undefined;
  private done: SourceIssue[] = [];
  /** Data lines that could not be read. */
  badLines = 0;

  constructor(private readonly file: string) {}

  /**
   * A bad record on lines `first`–`last` (spreadsheet row `row`). `kind` groups neighbours: a
   * record csv-parse reports several times (one event per stray quote) extends the open span.
   */
  add(p: { kind: string; first: number; last: number; row: number; reason: string; raw: string }) {
    const o = this.open;
    if (o && p.first <= o.last) {
      // The same record again (csv-parse reports each stray quote of a record).
      this.badLines += Math.max(0, p.last - o.last);
      o.last = Math.max(o.last, p.last);
      if (p.raw.length > o.raw.length) o.raw = p.raw;
      return;
    }
    this.badLines += p.last - p.first + 1;
    // Neighbouring bad lines are one problem, whatever each one's reason (a garbage block mixes
    // stray quotes, control bytes and odd cell counts); the first reason is named.
    if (o && p.first === o.last + 1) {
      o.last = p.last;
      o.kinds.add(p.kind);
      return;
    }
    this.close();
    const { kind, ...rest } = p;
    this.open = { ...rest, kinds: new Set([kind]) };
  }

  /** The open span turned out to run to `last` (the rest of a skipped record). */
  extend(last: number): void {
    const o = this.open;
    if (!o || last <= o.last) return;
    this.badLines += last - o.last;
    o.last = last;
  }

  /** A good record was read: the open span is finished. */
  close(): void {
    const o = this.open;
    if (!o) return;
    const lines = o.first === o.last ? `line ${o.first}` : `lines ${o.first}–${o.last}`;
    const more = o.kinds.size > 1 ? ` (and other problems: ${[...o.kinds].join(', ')})` : '';
    this.done.push({
      row: o.row,
      reason: `${this.file} ${lines}: ${o.reason}${more}; skipped, the rest of the file is kept`,
      raw: clip(o.raw),
    });
    this.open = undefined;
  }

  /** Issues finished so far (handed out once). */
  take(): SourceIssue[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  /** More than half of the file's data lines could not be read. */
  mostlyUnreadable(dataLines: number): boolean {
    return dataLines > 0 && this.badLines * 2 > dataLines;
  }
}
