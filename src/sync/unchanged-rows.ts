/**
 * A source row a pull has mapped before. Each mirrored record keeps a digest of the row it was
 * mapped from and of everything the mapping depends on besides it (the object's mapping, the
 * catalog accounts are resolved against, the connection its ids are named after, Headroom's
 * version). A later pull that reads the same row again, while the mirror still holds what it
 * made of it, does not map it again: a re-exported file with a few rows edited costs parsing it,
 * not mapping every row of it. The digest leaves out the row's position, so rows that moved
 * (a line inserted above) are recognised too.
 *
 * Rows whose mapping raised an issue keep no digest: they are mapped every time, so every run
 * reports their issues as a whole read would. A repeated id is mapped every time after the
 * first (the duplicate rule decides which row wins, `duplicates.ts`).
 */
import type { PullRequest, RawRecord } from '../../connectors/types.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { NeutralObject } from '../model/records.js';
import { hashText, hashValue } from '../store/hash.js';
import { HEADROOM_VERSION } from '../version.js';

/** What skipping rows needs: the mapping's digest, and whether a row is what the mirror holds. */
export interface UnchangedRows {
  key: string;
  /** True when the live mirror record of `id` was mapped from a row with this digest. */
  has(id: string, rowHash: string): boolean;
}

/** The digest of everything a row's mapping depends on besides the row. */
export const rowsKey = (args: {
  connection: string;
  object: NeutralObject;
  request: PullRequest;
  spec: ObjectMapping;
  catalogVersion?: string | undefined;
  /** The mapping's default period of a prior headcount (accounts). */
  priorPeriodMonths?: number | undefined;
}): string =>
  hashValue({
    version: HEADROOM_VERSION,
    connection: args.connection,
    object: args.object,
    // The fields and filter asked for, not the watermark: a row reads the same either way.
    request: { ...args.request, since: undefined },
    spec: args.spec,
    catalog: args.object === 'account' ? (args.catalogVersion ?? null) : null,
    priorPeriodMonths: args.object === 'account' ? (args.priorPeriodMonths ?? null) : null,
  });

/**
 * The digest of one row under a mapping's key: of its id and cells where the reader digested
 * them (`RawRecord.cellsHash`: every row of a delimited export, whether its id is its own or its
 * position; no text of the row's fields is made for it), else of its id, fields and
 * associations. The two texts differ in
 * shape, so a digest of one kind never equals one of the other. A row stored with a digest of
 * its fields, before the cells were used, is read as changed once when it is next parsed (a row
 * handed on unread keeps the digest the last pull made), and mapped again.
 */
export const rowHash = (key: string, raw: RawRecord): string =>
  raw.cellsHash !== undefined
    ? hashText(`${key}\n${JSON.stringify(raw.id)}\ncells ${raw.cellsHash}`)
    : hashText(`${key}\n${JSON.stringify([raw.id, raw.fields, raw.associations ?? null])}`);
