/**
 * Write-back through sObject Collections: 200 records a call, `allOrNone: false`, so one bad
 * record fails alone and comes back as a per-record outcome. Rows that were locked
 * (UNABLE_TO_LOCK_ROW) are sent again after a back-off: safe, since upserts match on the
 * external id, updates on the record id, and a failed create created nothing.
 */
import type { WriteBatch, WriteOutcome, WriteRecord } from '../types.js';
import { ConnectorError, LimitReachedError } from '../types.js';
import type { SalesforceApi } from './client.js';
import { isUnsureCode } from './errors.js';
import { normalizeIdFields, to18 } from './ids.js';
import { parsePayload, SaveResultsSchema, type SaveResult } from './schemas.js';
import { checkObjectName, selectFields } from './soql.js';

/** sObject Collections accept at most 200 records a request. */
export const COLLECTION_SIZE = 200;

/** Faults that stop the batch; any other request-level error fails only the records sent. */
const FATAL = new Set([
  'INVALID_SESSION_ID',
  'NOT_CONNECTED',
  'BAD_RESPONSE',
  'ERROR',
  'API_SHARE_REACHED',
]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fault thrown part-way still reports what was written before it (`outcomes`), so no created
 * Task is forgotten and created again next run. */
export type WriteFault = ConnectorError & { outcomes?: WriteOutcome[] };

export async function writeBatch(api: SalesforceApi, batch: WriteBatch): Promise<WriteOutcome[]> {
  const object = checkObjectName(batch.object);
  if (batch.mode === 'upsert') {
    if (!batch.keyField)
      throw new ConnectorError('salesforce', 'CONFIG', `upsert into ${object} needs a keyField`);
    selectFields([batch.keyField]);
  }
  const outcomes: WriteOutcome[] = [];
  for (let i = 0; i < batch.records.length; i += COLLECTION_SIZE) {
    const chunk = batch.records.slice(i, i + COLLECTION_SIZE);
    try {
      outcomes.push(...(await writeChunk(api, batch, chunk)));
    } catch (err) {
      throw Object.assign(err as ConnectorError, { outcomes });
    }
  }
  return outcomes;
}

async function writeChunk(
  api: SalesforceApi,
  batch: WriteBatch,
  chunk: WriteRecord[],
): Promise<WriteOutcome[]> {
  const done = new Map<WriteRecord, WriteOutcome>();
  let pending = chunk;
  for (let attempt = 0; pending.length; attempt++) {
    let results: SaveResult[];
    try {
      results = await send(api, batch, pending);
    } catch (err) {
      const e = err as ConnectorError;
      // No answer to a create: it may have been applied. Reported as unconfirmed, so the next
      // run looks the records up by their key before sending them again.
      if (batch.mode === 'create' && isUnsureCode(e.code)) {
        const message = `${e.message}; Salesforce may have created it: looked up by key before it is sent again`;
        for (const r of pending)
          done.set(r, { key: r.key, ok: false, error: { code: 'UNCONFIRMED', message } });
        break;
      }
      if (e instanceof LimitReachedError || e.retryable || FATAL.has(e.code)) throw e;
      for (const r of pending)
        done.set(r, { key: r.key, ok: false, error: { code: e.code, message: e.message } });
      break;
    }
    const locked: WriteRecord[] = [];
    pending.forEach((record, i) => {
      const res = results[i]!;
      const code = res.errors[0]?.statusCode;
      if (!res.success && code === 'UNABLE_TO_LOCK_ROW' && attempt < api.options.maxRetries)
        locked.push(record);
      else done.set(record, outcome(batch, record, res));
    });
    pending = locked;
    if (pending.length) await sleep(api.options.retryDelayMs * 2 ** attempt);
  }
  return chunk.map((r) => done.get(r)!);
}

function outcome(batch: WriteBatch, record: WriteRecord, res: SaveResult): WriteOutcome {
  if (res.success) {
    const created = batch.mode === 'create' ? true : res.created;
    return {
      key: record.key,
      ok: true,
      ...(res.id ? { crmId: res.id } : {}),
      ...(created !== undefined ? { created } : {}),
    };
  }
  const first = res.errors[0];
  const fields = first?.fields?.length ? ` (fields: ${first.fields.join(', ')})` : '';
  return {
    key: record.key,
    ok: false,
    error: {
      code: first?.statusCode ?? 'UNKNOWN',
      message: `${first?.message ?? 'not saved'}${fields}`,
    },
  };
}

/** One Collections call for up to 200 records; results come back in request order.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections.htm */
async function send(
  api: SalesforceApi,
  batch: WriteBatch,
  records: WriteRecord[],
): Promise<SaveResult[]> {
  const type = batch.object;
  const body = records.map((r) => {
    const fields = { attributes: { type }, ...normalizeIdFields(r.fields) };
    if (batch.mode === 'upsert') return { ...fields, [batch.keyField!]: r.key };
    if (batch.mode === 'update') return { ...fields, id: to18(r.key) };
    return fields;
  });
  const base = `${api.basePath}/composite/sobjects`;
  const url = batch.mode === 'upsert' ? `${base}/${type}/${batch.keyField}` : base;
  const raw = await api.request<unknown>(
    `${batch.mode} ${type}`,
    {
      method: batch.mode === 'create' ? 'POST' : 'PATCH',
      url,
      body: JSON.stringify({ allOrNone: false, records: body }),
      headers: { 'content-type': 'application/json' },
    },
    batch.mode === 'create' ? 'create' : 'idempotent',
  );
  const results = parsePayload(SaveResultsSchema, raw, `${batch.mode} ${type}`);
  if (results.length !== records.length) {
    throw new ConnectorError(
      'salesforce',
      'BAD_RESPONSE',
      `${batch.mode} ${type}: ${results.length} results for ${records.length} records`,
    );
  }
  return results;
}
