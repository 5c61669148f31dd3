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

/** Tracks the ids of one pull; `check` answers for every record after the first of its id. */
export class DuplicateTracker {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly object: string) {}

  /** Undefined the first time an id is read; a verdict every time after. */
  check(raw: RawRecord, source: string): DuplicateVerdict | undefined {
    const before = this.seen.get(raw.id);
    const now: Seen = { source };
    if (raw.row !== undefined) now.row = raw.row;
    if (raw.modifiedAt !== undefined) now.modifiedAt = raw.modifiedAt;
    if (!before) {
      this.seen.set(raw.id, now);
      return undefined;
    }
    const dated = before.modifiedAt !== undefined && now.modifiedAt !== undefined;
    const keep = dated ? Date.parse(now.modifiedAt!) >= Date.parse(before.modifiedAt!) : true;
    if (keep) this.seen.set(raw.id, now);
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

  /** Ids read so far. */
  has(id: string): boolean {
    return this.seen.has(id);
  }
}
