/**
 * Pull → map → mirror, one neutral object at a time. Incremental where a watermark exists;
 * a full pull also notices records that disappeared at the source. Only records whose neutral
 * hash changed are written to the mirror, in batches.
 */
import type { Connector, PullRequest } from '../../connectors/types.js';
import { mapRecord, sourceAssociations, sourceFields, type MapContext } from '../mapping/apply.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { Issue } from '../model/output.js';
import type { NeutralObject } from '../model/records.js';
import type { Store } from '../store/db.js';
import { hashValue } from '../store/hash.js';
import { deleteFromMirror, mirrorHashes, upsertMirror, type MirrorRow } from '../store/mirror.js';
import { getWatermark, setWatermark } from '../store/watermarks.js';

export interface PullResult {
  pulled: number;
  mapped: number;
  /** Records skipped (a required value missing or unreadable). */
  skipped: number;
  upserts: number;
  deletes: number;
  issues: Issue[];
}

const FLUSH_AT = 2000;

export async function pullObject(args: {
  store: Store;
  connector: Connector;
  connection: string;
  runId: number;
  object: NeutralObject;
  spec: ObjectMapping;
  full: boolean;
  /** Catalog and prior-period context for mapping accounts (`MapContext`). */
  map?: Pick<MapContext, 'catalog' | 'priorPeriodMonths'>;
  /** Identifies the catalog `map.catalog` was built from: when it differs from the last run's,
   * accounts are pulled in full, so a plan refused yesterday resolves once the catalog has it. */
  catalogVersion?: string;
}): Promise<PullResult> {
  const { store, connector, connection, runId, object, spec } = args;
  const watermarkKey = `pull:${object}`;
  const catalogKey = `catalog:${object}`;
  const recheck =
    object === 'account' &&
    args.catalogVersion !== undefined &&
    (await getWatermark(store, connection, catalogKey)) !== args.catalogVersion;
  const since =
    args.full || recheck ? undefined : await getWatermark(store, connection, watermarkKey);
  const associations = sourceAssociations(spec);
  const request: PullRequest = {
    object: spec.from,
    fields: sourceFields(spec),
    ...(associations.length ? { associations } : {}),
    ...(spec.where !== undefined ? { where: spec.where } : {}),
    ...(since !== undefined ? { since } : {}),
  };
  const known = await mirrorHashes(store, connection, object);
  const seen = new Set<string>();
  const result: PullResult = {
    pulled: 0,
    mapped: 0,
    skipped: 0,
    upserts: 0,
    deletes: 0,
    issues: [],
  };
  let pending: MirrorRow[] = [];
  const deleted: string[] = [];
  let watermark: string | undefined;
  const flush = async () => {
    await upsertMirror(store, connection, object, runId, pending);
    result.upserts += pending.length;
    pending = [];
  };

  for await (const page of connector.pull(request)) {
    for (const raw of page.records) {
      result.pulled++;
      seen.add(raw.id);
      const { record, issues } = mapRecord(object, spec, raw, {
        ...args.map,
        connection,
        source: page.source ?? connection,
      });
      result.issues.push(...issues);
      if (!record) {
        result.skipped++;
        continue;
      }
      result.mapped++;
      const hash = hashValue(record);
      if (known.get(raw.id) === hash) continue;
      known.set(raw.id, hash);
      const accountId =
        object === 'account'
          ? (record as { id: string }).id
          : (record as { accountId: string }).accountId;
      pending.push({ id: raw.id, accountId, data: record, hash });
    }
    deleted.push(...(page.deleted ?? []));
    if (page.watermark !== undefined) watermark = page.watermark;
    if (pending.length >= FLUSH_AT) await flush();
  }
  await flush();
  // A full pull lists everything there is: what it did not return is gone at the source.
  if (since === undefined) for (const id of known.keys()) if (!seen.has(id)) deleted.push(id);
  if (deleted.length) result.deletes = await deleteFromMirror(store, connection, object, deleted);
  // Saved only now: a pull stopped half-way (limit, crash) starts again from the old watermark.
  if (watermark !== undefined) await setWatermark(store, connection, watermarkKey, watermark);
  if (recheck) await setWatermark(store, connection, catalogKey, args.catalogVersion!);
  return result;
}
