/**
 * What a run's pull of one object leaves in memory: the records it mapped and which source ids
 * the mirror holds live afterwards. Scoring reads these instead of the whole mirror back; only
 * what the pull did not bring (an incremental run, a record that failed to map this time) is
 * read from the mirror (`pulled-portfolio.ts`).
 */
import type { NeutralObject } from '../model/records.js';

export interface Pulled {
  object: NeutralObject;
  /** Records mapped by this pull, by source id (the last one wins when an id repeats). */
  records: Map<string, unknown>;
  /** Source ids live in the mirror after this pull that it did not map (an incremental pull's
   * unchanged records, one that failed to map this time): with the ids of `records`, every live
   * id. Kept apart so that a first load, which maps every record, holds no second set of ids. */
  unmapped: Set<string>;
}

/** Records marked deleted in the mirror leave the run's view too. */
export function forgetDeleted(pulled: Pulled, ids: Iterable<string>): void {
  for (const id of ids) {
    pulled.records.delete(id);
    pulled.unmapped.delete(id);
  }
}
