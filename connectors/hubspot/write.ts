/**
 * Write-back through the batch APIs, 100 inputs a call (M records = ceil(M/100) calls):
 * - `upsert` (deals by `headroom_key`): /batch/upsert with `idProperty`; upsert inputs carry no
 *   associations, so the company association is made by one v4 `associate/default` call per 100
 *   (idempotent: an existing association is left as it is);
 * - `update` (companies by id): /batch/update;
 * - `create` (tasks): /batch/create with inline associations (task -> company type 192,
 *   HUBSPOT_DEFINED), never retried after a 5xx (it may have been done: no duplicates).
 * A 207 reports per-input errors; a whole batch refused with a 4xx is split in halves until the
 * bad inputs are isolated, so one bad record never fails the others.
 */
import { AssociationTypes } from '@hubspot/api-client';
import type { WriteBatch, WriteOutcome, WriteRecord } from '../types.js';
import { ConnectorError } from '../types.js';
import { associateDefault, chunks } from './associations.js';
import { resolveDealStage } from './pipelines.js';
import { HubspotApiError, type HubspotHttp } from './request.js';
import { HubspotBatchResponseSchema, type HubspotPipeline } from './schemas.js';
import { outcomesFrom, toPropertyValues } from './write-outcomes.js';

/** HUBSPOT_DEFINED association type ids for inline associations on create. */
const CREATE_TYPES: Record<string, Record<string, number>> = {
  tasks: {
    companies: AssociationTypes.taskToCompany,
    contacts: AssociationTypes.taskToContact,
    deals: AssociationTypes.taskToDeal,
  },
};

function toInput(batch: WriteBatch, r: WriteRecord): Record<string, unknown> {
  const properties = toPropertyValues(r.fields);
  if (batch.mode === 'upsert')
    return { idProperty: batch.keyField, id: r.key, objectWriteTraceId: r.key, properties };
  if (batch.mode === 'update') return { id: r.key, objectWriteTraceId: r.key, properties };
  const types = CREATE_TYPES[batch.object] ?? {};
  const associations = Object.entries(r.associations ?? {}).flatMap(([to, ids]) =>
    types[to] === undefined
      ? []
      : ids.map((id) => ({
          to: { id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: types[to] }],
        })),
  );
  return {
    objectWriteTraceId: r.key,
    properties,
    ...(associations.length ? { associations } : {}),
  };
}

/** Send one chunk; a whole-batch 4xx is returned (not thrown) so the caller can split. */
async function trySend(
  http: HubspotHttp,
  batch: WriteBatch,
  part: WriteRecord[],
  out: WriteOutcome[],
) {
  try {
    // https://developers.hubspot.com/docs/api/crm/deals (POST /crm/v3/objects/{type}/batch/{upsert|update|create}; 100 inputs)
    const res = await http.call(
      {
        method: 'POST',
        path: `/crm/v3/objects/${encodeURIComponent(batch.object)}/batch/${batch.mode}`,
        body: { inputs: part.map((r) => toInput(batch, r)) },
        idempotent: batch.mode !== 'create',
      },
      HubspotBatchResponseSchema,
    );
    out.push(...outcomesFrom(part, res, { mode: batch.mode, keyField: batch.keyField }));
    return undefined;
  } catch (e) {
    if (e instanceof HubspotApiError && [400, 409, 422].includes(e.options.status ?? 0)) return e;
    if (
      batch.mode === 'create' &&
      e instanceof HubspotApiError &&
      !e.retryable &&
      (e.options.status ?? 500) >= 500
    ) {
      const message = `${e.message}; HubSpot may have created it: looked up by key before it is sent again`;
      out.push(
        ...part.map((r) => ({ key: r.key, ok: false, error: { code: 'UNCONFIRMED', message } })),
      );
      return undefined;
    }
    throw e;
  }
}

const failAll = (part: WriteRecord[], e: HubspotApiError): WriteOutcome[] =>
  part.map((r) => ({
    key: r.key,
    ok: false,
    error: { code: e.body.category ?? e.code, message: e.body.message ?? e.message },
  }));

/** Halve a refused batch until the bad inputs are alone. When both halves fail with the
 * parent's own error, the problem is batch-wide (a missing property): fail them all at once. */
async function isolate(
  http: HubspotHttp,
  batch: WriteBatch,
  part: WriteRecord[],
  err: HubspotApiError,
  out: WriteOutcome[],
) {
  if (part.length === 1) return void out.push(...failAll(part, err));
  const halves = [part.slice(0, part.length >> 1), part.slice(part.length >> 1)];
  const errs = [
    await trySend(http, batch, halves[0]!, out),
    await trySend(http, batch, halves[1]!, out),
  ];
  if (errs.every((e) => e?.message === err.message)) return void out.push(...failAll(part, err));
  for (const [i, e] of errs.entries()) if (e) await isolate(http, batch, halves[i]!, e, out);
}

export async function writeBatch(
  http: HubspotHttp,
  batch: WriteBatch,
  pipelines: () => Promise<HubspotPipeline[]>,
): Promise<WriteOutcome[]> {
  if (batch.mode === 'upsert' && !batch.keyField) {
    throw new ConnectorError(
      'hubspot',
      'BAD_WRITE',
      `upsert to ${batch.object} needs a keyField (a unique-value property)`,
    );
  }
  const out: WriteOutcome[] = [];
  let ready = batch.records;
  if (
    batch.object === 'deals' &&
    ready.some((r) => r.fields.pipeline != null || r.fields.dealstage != null)
  ) {
    const known = await pipelines();
    ready = [];
    for (const r of batch.records) {
      const copy = { ...r, fields: { ...r.fields } };
      const problem = resolveDealStage(known, copy.fields);
      if (problem)
        out.push({ key: r.key, ok: false, error: { code: 'BAD_STAGE', message: problem } });
      else ready.push(copy);
    }
  }
  for (const part of chunks(ready)) {
    const err = await trySend(http, batch, part, out);
    if (err) await isolate(http, batch, part, err, out);
  }
  if (batch.mode !== 'create') await associateWritten(http, batch, out);
  const order = new Map(batch.records.map((r, i) => [r.key, i]));
  return out.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

/** Associations of updated/upserted records, by v4 default association (100 a call). */
async function associateWritten(
  http: HubspotHttp,
  batch: WriteBatch,
  out: WriteOutcome[],
): Promise<void> {
  const byKey = new Map(out.filter((o) => o.ok && o.crmId).map((o) => [o.key, o]));
  const types = new Set(batch.records.flatMap((r) => Object.keys(r.associations ?? {})));
  for (const to of types) {
    const pairs = batch.records.flatMap((r) =>
      byKey.has(r.key)
        ? (r.associations?.[to] ?? []).map((id) => ({ from: byKey.get(r.key)!.crmId!, to: id }))
        : [],
    );
    if (!pairs.length) continue;
    const failed = await associateDefault(http, batch.object, to, pairs);
    for (const o of byKey.values()) {
      const why = failed.get(o.crmId!);
      if (why)
        Object.assign(o, {
          ok: false,
          error: {
            code: 'ASSOCIATION_FAILED',
            message: `written, but not associated with ${to}: ${why}`,
          },
        });
    }
  }
}
