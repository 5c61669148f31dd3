/**
 * Batch responses -> one WriteOutcome per input. Results are matched by `objectWriteTraceId`
 * (sent as the record key), then by key; errors of a 207 by the ids in their `context`. An input
 * found in neither is reported as failed, never as written.
 */
import type { WriteOutcome, WriteRecord } from '../types.js';
import type { HubspotBatchResponse } from './schemas.js';

export function outcomesFrom(
  records: WriteRecord[],
  res: HubspotBatchResponse,
  match: { mode: 'upsert' | 'update' | 'create'; keyField?: string | undefined },
): WriteOutcome[] {
  const byTrace = new Map(
    res.results.filter((r) => r.objectWriteTraceId).map((r) => [r.objectWriteTraceId!, r]),
  );
  const byKey = new Map(
    res.results.map((r) => [
      match.mode === 'upsert' && match.keyField ? (r.properties[match.keyField] ?? r.id) : r.id,
      r,
    ]),
  );
  const positional =
    match.mode === 'create' && !byTrace.size && res.results.length === records.length;
  const errorFor = (key: string) =>
    res.errors.find((e) => Object.values(e.context ?? {}).some((ids) => ids.includes(key)));
  const unmatched = res.errors.filter((e) => !records.some((r) => errorFor(r.key) === e));

  return records.map((r, i) => {
    const err = errorFor(r.key);
    if (err)
      return {
        key: r.key,
        ok: false,
        error: { code: err.category ?? 'ERROR', message: err.message },
      };
    const hit =
      byTrace.get(r.key) ??
      (match.mode === 'create' ? undefined : byKey.get(r.key)) ??
      (positional ? res.results[i] : undefined);
    if (hit) {
      return {
        key: r.key,
        ok: true,
        crmId: hit.id,
        created: match.mode === 'create' ? true : (hit.new ?? false),
      };
    }
    const why = unmatched.length === 1 ? unmatched[0]! : undefined;
    return {
      key: r.key,
      ok: false,
      error: {
        code: why?.category ?? 'NO_RESULT',
        message: why?.message ?? 'HubSpot returned no result for this record',
      },
    };
  });
}

/** HubSpot property values are strings: numbers and booleans as text, lists `;`-joined (the
 * multi-checkbox format), null clears the property. */
export function toPropertyValues(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (v === null) out[name] = '';
    else if (Array.isArray(v)) out[name] = v.map(String).join(';');
    else if (v instanceof Date) out[name] = String(v.getTime());
    else if (typeof v === 'object') out[name] = JSON.stringify(v);
    else out[name] = String(v);
  }
  return out;
}
