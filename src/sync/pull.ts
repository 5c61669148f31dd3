/**
 * Pull → map → mirror, one neutral object at a time. Incremental where a watermark exists;
 * a full pull also notices records that disappeared at the source. Only records whose neutral
 * hash changed are sent to the mirror, in bulk (`store/bulk/upsert-mirror.ts`); the mapped
 * records stay in memory for scoring (`pulled.ts`).
 */
import type { Connector, PullRequest } from '../../connectors/types.js';
import { mapRecord, sourceAssociations, sourceFields } from '../mapping/apply.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { Issue } from '../model/output.js';
import type { NeutralObject } from '../model/records.js';
import { bulkDeleteMirror } from '../store/bulk/delete-mirror.js';
import { bulkUpsertMirror, type MirrorText } from '../store/bulk/upsert-mirror.js';
import type { Store } from '../store/db.js';
import { hashText, stableStringify } from '../store/hash.js';
import { bulkMirrorHashes } from '../store/bulk/mirror-hashes.js';
import { getWatermark, setWatermark } from '../store/watermarks.js';
import { forgetDeleted, type Pulled } from './pulled.js';

export interface PullResult {
  pulled: number;
  mapped: number;
  upserts: number;
  deletes: number;
  issues: Issue[];
  /** The mapped records and the live ids, for scoring without reading the mirror back. */
  view: Pulled;
}

/** Changed records per bulk write: bounds the COPY text held at once (about 10 MB). */
const FLUSH_AT = 25_000;

export async function pullObject(args: {
  store: Store;
  connector: Connector;
  connection: string;
  runId: number;
  object: NeutralObject;
  spec: ObjectMapping;
  full: boolean;
}): Promise<PullResult> {
  const { store, connector, connection, runId, object, spec } = args;
  const watermarkKey = `pull:${object}`;
  const since = args.full ? undefined : await getWatermark(store, connection, watermarkKey);
  const associations = sourceAssociations(spec);
  const request: PullRequest = {
    object: spec.from,
    fields: sourceFields(spec),
    ...(associations.length ? { associations } : {}),
    ...(spec.where !== undefined ? { where: spec.where } : {}),
    ...(since !== undefined ? { since } : {}),
  };
  const known = await bulkMirrorHashes(store, connection, object);
  const seen = new Set<string>();
  const view: Pulled = { object, records: new Map(), live: new Set(known.keys()) };
  const result: PullResult = { pulled: 0, mapped: 0, upserts: 0, deletes: 0, issues: [], view };
  // Keyed by id: an id that repeats within a flush is written once (the last version), as
  // successive row-by-row upserts would have left it.
  let pending = new Map<string, MirrorText>();
  const deleted: string[] = [];
  let watermark: string | undefined;
  const flush = async () => {
    result.upserts += await bulkUpsertMirror(store, connection, object, runId, [
      ...pending.values(),
    ]);
    pending = new Map();
  };

  for await (const page of connector.pull(request)) {
    for (const raw of page.records) {
      result.pulled++;
      seen.add(raw.id);
      const { record, issues } = mapRecord(object, spec, raw, {
        connection,
        source: page.source ?? connection,
      });
      result.issues.push(...issues);
      if (!record) continue;
      result.mapped++;
      view.records.set(raw.id, record);
      view.live.add(raw.id);
      // One text for both the hash and the stored jsonb (key order does not matter to jsonb).
      const json = stableStringify(record);
      const hash = hashText(json);
      if (known.get(raw.id) === hash) continue;
      known.set(raw.id, hash);
      const accountId =
        object === 'account'
          ? (record as { id: string }).id
          : (record as { accountId: string }).accountId;
      pending.set(raw.id, { id: raw.id, accountId, json, hash });
    }
    deleted.push(...(page.deleted ?? []));
    if (page.watermark !== undefined) watermark = page.watermark;
    if (pending.size >= FLUSH_AT) await flush();
  }
  await flush();
  // A full pull lists everything there is: what it did not return is gone at the source.
  if (since === undefined) for (const id of known.keys()) if (!seen.has(id)) deleted.push(id);
  if (deleted.length) {
    result.deletes = await bulkDeleteMirror(store, connection, object, deleted);
    forgetDeleted(view, deleted);
  }
  // Saved only now: a pull stopped half-way (limit, crash) starts again from the old watermark.
  if (watermark !== undefined) await setWatermark(store, connection, watermarkKey, watermark);
  return result;
}
