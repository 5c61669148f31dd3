/**
 * Pull → map → mirror upserts for one neutral object. The mapping (`map-pages.ts`) runs here or,
 * for some objects of a files sync, in the pull worker (`pull-worker.ts`); this module compares
 * and stores what it maps. Incremental where a watermark exists; a full pull also lists the
 * records that disappeared at the source. Only records whose neutral hash changed are sent to
 * the mirror, in bulk (`store/bulk/insert-mirror.ts` on a first load, else
 * `upsert-mirror.ts`); the mapped records stay in memory for scoring (`pulled.ts`).
 *
 * Nothing is removed here: the ids the pull would delete and the watermark it reached are
 * returned, and `applyPull` (apply-pull.ts) acts on them only once the mass-change guard has
 * compared the run with the last one. A held run therefore deletes nothing and, with its
 * watermark unsaved, sees the same deletions again next time.
 */
import type { Connector, PullRequest } from '../../connectors/types.js';
import { UnreadableSourceError } from '../errors.js';
import { sourceAssociations, sourceFields, type MapContext } from '../mapping/apply.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { Issue } from '../model/output.js';
import type { NeutralObject } from '../model/records.js';
import { bulkUpsertMirror, type MirrorText } from '../store/bulk/upsert-mirror.js';
import type { Store } from '../store/db.js';
import { bulkMirrorHashes } from '../store/bulk/mirror-hashes.js';
import { bulkInsertMirror, mirrorHoldsNone } from '../store/bulk/insert-mirror.js';
import { hashText, stableStringify } from '../store/hash.js';
import { getWatermark } from '../store/watermarks.js';
import { mapPages, type MappedPage } from './map-pages.js';
import { forgetDeleted, type Pulled } from './pulled.js';
import {
  knownRows,
  readRowBytes,
  rowBytesFile,
  RowBytesWriter,
  type RowsByBytes,
} from './row-bytes.js';
import { rowsKey } from './unchanged-rows.js';

export interface PullResult {
  object: NeutralObject;
  pulled: number;
  mapped: number;
  /** Records skipped (a required value missing or unreadable). */
  skipped: number;
  upserts: number;
  issues: Issue[];
  /** Live records in the mirror before this pull. */
  before: number;
  /** Live records once `deleteIds` are applied. */
  after: number;
  /** Records the source no longer has: to delete from the mirror once the run may go on. */
  deleteIds: string[];
  /** The watermark to save once the pull is applied. */
  watermark?: string;
  /** The source was mostly unreadable: nothing is deleted for it and its watermark stays. */
  unreadable?: boolean;
  /** Set when accounts were pulled in full because the catalog changed: saved with the
   * watermark, so the next run pulls incrementally again. */
  catalogVersion?: string;
  /** The mapped records and the live ids once `deleteIds` are applied, for scoring without
   * reading the mirror back. Absent when the source was not read (`unchangedSince`): the
   * object is scored from the mirror. */
  view?: Pulled;
  /** The source was not read: it is what the run with this id read (`unchanged-source.ts`), and
   * the counts and issues are that read's. */
  unchangedSince?: number;
  /** The key the source was read under in full (`unchanged-source.ts`), saved with the pull's
   * figures once the pull is applied. */
  sourceKey?: string;
  /** Neutral ids of the accounts whose records this pull changed: every record it wrote or will
   * delete, under its account now and, for one that moved, under the account it had. A run
   * that analyzes only what changed analyzes these (`changed-accounts.ts`). */
  touched: Set<string>;
  /** Accounts only: the records this pull replaced or will delete, as the mirror held them. */
  replaced: unknown[];
}

/** Changed records per bulk write: bounds the COPY text held at once (about 10 MB). */
const FLUSH_AT = 25_000;

/** Each id's last record, where its first stood (as a map by id keeps them). */
function lastById(rows: readonly MirrorText[]): MirrorText[] {
  const byId = new Map<string, MirrorText>();
  for (const r of rows) byId.set(r.id, r);
  return [...byId.values()];
}

/** What to ask the connector for: the mapped fields, incrementally from the watermark unless
 * the pull is full or the catalog accounts were resolved against changed. */
export async function requestFor(args: {
  store: Store;
  connection: string;
  object: NeutralObject;
  spec: ObjectMapping;
  full: boolean;
  catalogVersion?: string | undefined;
}): Promise<{ request: PullRequest; recheck: boolean }> {
  const { store, connection, object, spec } = args;
  const recheck =
    object === 'account' &&
    args.catalogVersion !== undefined &&
    (await getWatermark(store, connection, `catalog:${object}`)) !== args.catalogVersion;
  const since =
    args.full || recheck ? undefined : await getWatermark(store, connection, `pull:${object}`);
  const associations = sourceAssociations(spec);
  const request: PullRequest = {
    object: spec.from,
    fields: sourceFields(spec),
    ...(associations.length ? { associations } : {}),
    ...(spec.where !== undefined ? { where: spec.where } : {}),
    ...(since !== undefined ? { since } : {}),
  };
  return { request, recheck };
}

/** The live account records of these ids, as the mirror holds them. */
async function recordsOf(db: Store, connection: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const { rows } = await db.query<{ data: unknown }>(
    `SELECT data FROM mirror WHERE connection = $1 AND object = 'account'
     AND id = ANY($2::text[]) AND deleted_at IS NULL`,
    [connection, ids],
  );
  return rows.map((r) => r.data);
}

/** The accounts the mirror files these live records of one object under. */
async function accountsOf(
  db: Store,
  connection: string,
  object: NeutralObject,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<{ account_id: string }>(
    `SELECT DISTINCT account_id FROM mirror WHERE connection = $1 AND object = $2
     AND id = ANY($3::text[]) AND deleted_at IS NULL AND account_id IS NOT NULL`,
    [connection, object, ids],
  );
  return rows.map((r) => r.account_id);
}

export async function pullObject(args: {
  store: Store;
  connector: Connector;
  connection: string;
  runId: number;
  object: NeutralObject;
  spec: ObjectMapping;
  full: boolean;
  /** The key this full read of the source is made under, saved with its figures once the pull
   * is applied (`unchanged-source.ts`). */
  sourceKey?: string | undefined;
  /** Catalog and prior-period context for mapping accounts (`MapContext`). */
  map?: Pick<MapContext, 'catalog' | 'priorPeriodMonths'>;
  /** Identifies the catalog `map.catalog` was built from: when it differs from the last run's,
   * accounts are pulled in full, so a plan refused yesterday resolves once the catalog has it. */
  catalogVersion?: string;
  /** Changed records per bulk write (default `FLUSH_AT`). */
  flushAt?: number;
  /** Map on another thread (`PullWorker.map`); by default the pages are mapped here. */
  mapper?: (
    request: PullRequest,
    ctx: MapContext,
    rowsKey: string,
    rowDigests: ReadonlyMap<string, string>,
    byBytes: RowsByBytes,
  ) => AsyncIterable<MappedPage>;
}): Promise<PullResult> {
  const { store, connector, connection, runId, object } = args;
  const { request, recheck } = await requestFor(args);
  const since = request.since;
  // Rows the mirror holds as read now are not mapped again (`unchanged-rows.ts`): their
  // digests are read with the hashes, and go to the worker when mapping happens there.
  const rowsOf = new Map<string, string>();
  const known = await bulkMirrorHashes(store, connection, object, rowsOf);
  const rows = {
    key: rowsKey({
      connection,
      object,
      request,
      spec: args.spec,
      catalogVersion: args.catalogVersion,
      priorPeriodMonths: args.map?.priorPeriodMonths,
    }),
    ...(rowsOf.size ? { has: (id: string, h: string) => rowsOf.get(id) === h } : {}),
  };
  // What the last pull read by each row's bytes, for a connector that can tell rows that way.
  const bytesFile = rowBytesFile(store.resultsDir, connection, object);
  const byBytes = readRowBytes(bytesFile, rows.key);
  const readNow = new RowBytesWriter(bytesFile, rows.key);
  const view: Pulled = { object, records: new Map(), unmapped: new Set(known.keys()) };
  const result: PullResult = {
    object,
    pulled: 0,
    mapped: 0,
    skipped: 0,
    upserts: 0,
    issues: [],
    before: known.size,
    after: known.size,
    deleteIds: [],
    view,
    touched: new Set(),
    replaced: [],
    ...(recheck ? { catalogVersion: args.catalogVersion! } : {}),
    ...(args.sourceKey !== undefined && since === undefined ? { sourceKey: args.sourceKey } : {}),
  };
  // Nothing known before this pull (a first load, or every record gone): no id can be gone by
  // its absence, and an id this pull has not seen repeated is new, so neither the ids read nor
  // the known hashes need a lookup. At 100k accounts that is 2.95M records, each a few lookups
  // in tables of millions of entries: seconds of this thread.
  const nothingKnown = known.size === 0;
  // The ids the mirror holds once this pull is written, before its deletions: on a first load,
  // the ones it mapped (no second map of millions of hashes held through the pull).
  const holds: ReadonlyMap<string, unknown> = nothingKnown ? view.records : known;
  const seen = new Set<string>();
  let pending: MirrorText[] = [];
  const deleted: string[] = [];
  // A first load (the mirror never held this object) COPYs straight into the table; only an id
  // seen twice in this pull may already be written, so its winner goes the upsert way.
  const firstLoad = known.size === 0 && (await mirrorHoldsNone(store, connection, object));
  const twins = new Set<string>();
  // Records the mirror held before this write: their accounts are read before the write
  // replaces them (a record may move to another account), and for accounts, the records
  // themselves (a share of the portfolio is analyzed only while its statistics stand).
  let rewritten: string[] = [];
  const owners = async (ids: string[]) => {
    if (object === 'account') result.replaced.push(...(await recordsOf(store, connection, ids)));
    else for (const id of await accountsOf(store, connection, object, ids)) result.touched.add(id);
  };
  const write = async (batch: MirrorText[]): Promise<number> => {
    if (!firstLoad) return bulkUpsertMirror(store, connection, object, runId, batch);
    const again = batch.filter((r) => twins.has(r.id));
    const fresh = again.length ? batch.filter((r) => !twins.has(r.id)) : batch;
    return (
      (await bulkInsertMirror(store, connection, object, runId, fresh)) +
      (await bulkUpsertMirror(store, connection, object, runId, again))
    );
  };
  // One bulk write runs while the next pages are mapped (Postgres works in its own process):
  // at most two batches are held at once, and every write is awaited before the pull returns.
  let writing: Promise<number> | undefined;
  const flush = async () => {
    // A duplicate that wins replaces its twin in the batch (`twins`: the ids read twice).
    const batch = twins.size ? lastById(pending) : pending;
    const before = rewritten;
    pending = [];
    rewritten = [];
    if (writing) result.upserts += await writing;
    writing = batch.length ? owners(before).then(() => write(batch)) : undefined;
    // Awaited at the next flush; a failure meanwhile is not an unhandled rejection.
    writing?.catch(() => undefined);
  };
  const drain = async () => {
    await flush();
    if (writing) result.upserts += await writing;
    writing = undefined;
  };

  const ctx: MapContext = { ...args.map, connection };
  const pages = args.mapper
    ? args.mapper(request, ctx, rows.key, rowsOf, byBytes)
    : mapPages(connector.pull(request, knownRows(byBytes)), object, args.spec, ctx, true, rows);
  try {
    for await (const page of pages) {
      result.issues.push(...page.issues);
      result.pulled += page.pulled;
      result.skipped += page.skipped;
      result.mapped += page.items.length + page.kept.length;
      if (!nothingKnown) for (const id of page.seen) seen.add(id);
      for (const id of page.twins) twins.add(id);
      readNow.add(page.rowBytes);
      for (const [i, item] of page.items.entries()) {
        // A worker sends the text only: the record is parsed back (same values; keys sorted).
        const record = page.records ? page.records[i] : JSON.parse(item.json);
        // The hash of the record this one replaces: the mirror's, or one read before in this
        // pull (an id repeated; on a first load, told by its text rather than kept for all).
        let before: string | undefined;
        if (!nothingKnown) {
          before = known.get(item.id);
          known.set(item.id, item.hash);
          view.unmapped.delete(item.id);
        } else if (twins.has(item.id) && view.records.has(item.id))
          before = hashText(stableStringify(view.records.get(item.id)));
        view.records.set(item.id, record);
        if (before === item.hash) continue;
        if (before !== undefined) rewritten.push(item.id);
        pending.push(item);
        result.touched.add(item.accountId);
      }
      deleted.push(...page.deleted);
      if (page.watermark !== undefined) result.watermark = page.watermark;
      if (pending.length >= (args.flushAt ?? FLUSH_AT)) await flush();
    }
  } catch (err) {
    readNow.abandon();
    // A mostly unreadable file: the run goes on without it (the caller fails the run when it is
    // the accounts file). What it would delete is not to be trusted, so nothing is.
    if (!(err instanceof UnreadableSourceError)) {
      // Nothing of this pull goes on writing after the run has failed.
      await writing?.catch(() => undefined);
      throw err;
    }
    result.issues.push({ source: err.source, object, reason: err.message, skipped: true });
    result.unreadable = true;
    delete result.watermark;
    delete result.catalogVersion;
    delete result.sourceKey;
    await drain();
    result.after = holds.size;
    return result;
  }
  await drain().catch((err: unknown) => {
    readNow.abandon();
    throw err;
  });
  // A hint for the next pull only: one that cannot be written costs the next pull parsing.
  readNow.finish();
  // A full pull lists everything there is: what it did not return is gone at the source.
  if (since === undefined && !nothingKnown)
    for (const id of known.keys()) if (!seen.has(id)) deleted.push(id);
  result.deleteIds = [...new Set(deleted)].filter((id) => holds.has(id));
  result.after = holds.size - result.deleteIds.length;
  await owners(result.deleteIds);
  // Scored as the mirror will be once the deletions are applied (`applyPull`).
  forgetDeleted(view, result.deleteIds);
  return result;
}
