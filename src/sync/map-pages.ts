/**
 * The CPU half of a pull: raw pages in, mapped pages out, with each record's neutral JSON and
 * its hash, the duplicate check and every issue in the order the source holds them. It touches
 * no store, so it runs on the main thread or, for a connector that can be rebuilt elsewhere,
 * in a worker (`pull-worker.ts`): `pull.ts` takes either as the same stream of pages.
 */
import type { RawPage } from '../../connectors/types.js';
import { mapRecord, type MapContext } from '../mapping/apply.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { Issue } from '../model/output.js';
import type { NeutralObject } from '../model/records.js';
import { hashText, stableStringify } from '../store/hash.js';
import { DuplicateTracker } from './duplicates.js';
import { rowHash, type UnchangedRows } from './unchanged-rows.js';

/** One mapped record: what the mirror stores of it. */
export interface MappedItem {
  /** The source id. */
  id: string;
  accountId: string;
  /** The neutral record as `stableStringify` writes it: hashed, and stored as jsonb. */
  json: string;
  hash: string;
  /** Digest of the row it was mapped from (`unchanged-rows.ts`), when mapping it raised no
   * issue. */
  rawHash?: string;
}

export interface MappedPage {
  /** Source problems, duplicates and mapping issues, in source order. */
  issues: Issue[];
  items: MappedItem[];
  /** The neutral records of `items`, index for index, when mapped on this thread (a worker
   * sends only the text: the records are parsed back from it). */
  records?: unknown[];
  /** Every source id read (skipped records too): a full pull deletes the others. */
  seen: string[];
  /** Ids read before in this pull whose later record won (it may already be written). */
  twins: string[];
  /** Ids of rows the mirror already holds as read now (`unchanged-rows.ts`): not mapped again. */
  kept: string[];
  /** What this pull read by the bytes of each row, for the next (`row-bytes.ts`): the bytes'
   * digest, the row's digest and the id, flat, for every row kept or mapped without issues
   * whose connector digested its bytes. */
  rowBytes: string[];
  pulled: number;
  skipped: number;
  deleted: string[];
  watermark?: string;
}

export async function* mapPages(
  pages: AsyncIterable<RawPage>,
  object: NeutralObject,
  spec: ObjectMapping,
  ctx: MapContext,
  /** Keep the neutral records (`MappedPage.records`): false where only the text travels on. */
  keepRecords = true,
  /** Rows the mirror holds as they are now are not mapped again (`unchanged-rows.ts`); with a
   * key only, rows get their digest and none is skipped. */
  rows?: { key: string; has?: UnchangedRows['has'] },
): AsyncGenerator<MappedPage> {
  const ids = new DuplicateTracker(object);
  for await (const page of pages) {
    const source = page.source ?? ctx.connection;
    const pageCtx: MapContext = { ...ctx, source };
    const out: MappedPage = {
      issues: (page.issues ?? []).map((i) => ({
        source,
        object,
        ...(i.row !== undefined ? { row: i.row } : {}),
        ...(i.raw !== undefined ? { value: i.raw } : {}),
        reason: i.reason,
        skipped: true,
      })),
      items: [],
      ...(keepRecords ? { records: [] } : {}),
      seen: [],
      twins: [],
      kept: [],
      rowBytes: [],
      pulled: page.records.length,
      skipped: 0,
      deleted: page.deleted ?? [],
      ...(page.watermark !== undefined ? { watermark: page.watermark } : {}),
    };
    for (const raw of page.records) {
      out.seen.push(raw.id);
      const twin = ids.check(raw, source);
      if (twin) out.issues.push(twin.issue);
      if (twin && !twin.keep) continue;
      if (twin) out.twins.push(raw.id);
      // A row handed on unread comes with its digest as the last pull made it.
      let digest = rows ? (raw.rowHash ?? rowHash(rows.key, raw)) : undefined;
      // A repeated id is mapped every time: the rule picks among the rows read now.
      if (digest !== undefined && !twin && rows?.has?.(raw.id, digest)) {
        out.kept.push(raw.id);
        if (raw.bytesHash !== undefined) out.rowBytes.push(raw.bytesHash, digest, raw.id);
        continue;
      }
      // A row handed on unread that is mapped after all (a twin, a record changed since) is
      // parsed now, and its digest made from what it holds.
      let read = raw;
      if (raw.unread) {
        read = {
          id: raw.id,
          fields: raw.unread(),
          ...(raw.row !== undefined ? { row: raw.row } : {}),
          ...(raw.cellsHash !== undefined ? { cellsHash: raw.cellsHash } : {}),
        };
        if (rows) digest = rowHash(rows.key, read);
      }
      const { record, issues } = mapRecord(object, spec, read, pageCtx);
      out.issues.push(...issues);
      if (!record) {
        out.skipped++;
        continue;
      }
      const json = stableStringify(record);
      const accountId =
        object === 'account'
          ? (record as { id: string }).id
          : (record as { accountId: string }).accountId;
      const clean = digest !== undefined && issues.length === 0;
      out.items.push({
        id: raw.id,
        accountId,
        json,
        hash: hashText(json),
        ...(clean ? { rawHash: digest! } : {}),
      });
      if (clean && raw.bytesHash !== undefined) out.rowBytes.push(raw.bytesHash, digest!, raw.id);
      out.records?.push(record);
    }
    yield out;
  }
}
