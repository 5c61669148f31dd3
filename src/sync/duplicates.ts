/**
 * Two records with the same id in one pull (an export with `account_id` 1042 on two rows): the
 * first is not dropped silently. Both are named in an issue and one wins by a rule the user can
 * predict: the most recently modified where the source says when each was modified (CRMs), else
 * the last one read (the lower row of a file, as a spreadsheet user expects an edit further down
 * to override).
 */
import type { RawRecord } from '../../connectors/types.js';
import type { Issue } from '../model/output.js';

interface Seen {
  row?: number;
  modifiedAt?: string;
  source: string;
}

export interface DuplicateVerdict {
  /** Keep the record just read (it replaces the earlier one). */
  keep: boolean;
  issue: Issue;
}

const where = (s: Seen, id: string): string =>
  s.row !== undefined
    ? `${s.source} row ${s.row}`
    : `record ${id} (modified ${s.modifiedAt ?? '?'})`;

/**
 * Tracks the ids of one pull; `check` answers for every record after the first of its id.
 *
 * A first read is kept as its row number alone where that says all there is to say (a file's
 * row, read from the source the tracker saw first, with no modification time): a pull of
 * millions of rows then holds a number per id, not an object, through its whole read.
 */
export class DuplicateTracker {
  private readonly seen = new Map<string, Seen | number>();
  /** The source of the rows kept as numbers: the first source read. */
  private source: string | undefined;

  constructor(private readonly object: string) {}

  /** Undefined the first time an id is read; a verdict every time after. */
  check(raw: RawRecord, source: string): DuplicateVerdict | undefined {
    const found = this.seen.get(raw.id);
    this.source ??= source;
    if (found === undefined) {
      this.seen.set(raw.id, this.compact(raw, source));
      return undefined;
    }
    const before: Seen = typeof found === 'number' ? { source: this.source, row: found } : found;
    const now: Seen = { source };
    if (raw.row !== undefined) now.row = raw.row;
    if (raw.modifiedAt !== undefined) now.modifiedAt = raw.modifiedAt;
    const dated = before.modifiedAt !== undefined && now.modifiedAt !== undefined;
    const keep = dated ? Date.parse(now.modifiedAt!) >= Date.parse(before.modifiedAt!) : true;
    if (keep) this.seen.set(raw.id, this.compact(raw, source));
    const winner = keep ? now : before;
    const rule = dated ? 'the most recently modified' : 'the last one read';
    return {
      keep,
      issue: {
        source,
        object: this.object,
        recordId: raw.id,
        ...(raw.row !== undefined ? { row: raw.row } : {}),
        field: 'id',
        value: raw.id,
        reason: `duplicate id ${raw.id}: ${where(before, raw.id)} and ${where(now, raw.id)}; ${where(winner, raw.id)} kept (${rule})`,
        skipped: true,
      },
    };
  }

  /** What is kept of a record read: its row number, when that and the first source say it. */
  private compact(raw: RawRecord, source: string): Seen | number {
    if (raw.row !== undefined && raw.modifiedAt === undefined && source === this.source)
      return raw.row;
    const seen: Seen = { source };
    if (raw.row !== undefined) seen.row = raw.row;
    if (raw.modifiedAt !== undefined) seen.modifiedAt = raw.modifiedAt;
    return seen;
  }

  /** Ids read so far. */
  has(id: string): boolean {
    return this.seen.has(id);
  }
}
