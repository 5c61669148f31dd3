/**
 * An in-memory CRM behind the Connector contract, for sync tests: records per object with a
 * modification sequence (incremental pulls and watermarks), upsert by external key, update by id,
 * create, a log of every write call, and failure injection at the Nth write call or pull page.
 */
import {
  ConnectorError,
  type Connector,
  type RawPage,
  type WriteOutcome,
} from '../../connectors/types.js';

export interface CrmRecord {
  id: string;
  fields: Record<string, unknown>;
  modifiedAt: string;
}

export interface WriteCall {
  object: string;
  mode: string;
  keys: string[];
}

export interface MemoryCrm extends Connector {
  objects: Map<string, Map<string, CrmRecord>>;
  writeCalls: WriteCall[];
  /** Add or change a record as a person would in the CRM (bumps its modification time). */
  put(object: string, id: string, fields: Record<string, unknown>): void;
  remove(object: string, id: string): void;
  records(object: string): CrmRecord[];
  /** Throw this error at write call number `call` (1-based, counted from now): before applying
   * it, or after (`lost: true`: the CRM did the work but the response never arrived). */
  failWriteAt(call: number, error: Error, options?: { lost?: boolean }): void;
  /** Throw this error instead of yielding pull page number `page` (1-based, counted from now). */
  failPullAt(page: number, error: Error): void;
}

export function memoryCrm(options: { pageSize?: number } = {}): MemoryCrm {
  const pageSize = options.pageSize ?? 2;
  const objects = new Map<string, Map<string, CrmRecord>>();
  const deletedLog: { object: string; id: string; at: string }[] = [];
  let seq = 0;
  let calls = 0;
  let writes = 0;
  let writeFail: { at: number; error: Error; lost: boolean } | undefined;
  let pullFail: { at: number; error: Error } | undefined;
  let pages = 0;
  let created = 0;
  // Fixed-width sequence stamps compare as strings, like ISO timestamps do.
  const stamp = () => `2026-01-01T00:00:00.${String(++seq).padStart(6, '0')}Z`;
  const table = (object: string) => {
    let t = objects.get(object);
    if (!t) objects.set(object, (t = new Map()));
    return t;
  };
  const put = (object: string, id: string, fields: Record<string, unknown>) => {
    const prev = table(object).get(id);
    table(object).set(id, { id, fields: { ...prev?.fields, ...fields }, modifiedAt: stamp() });
  };

  return {
    name: 'memory-crm',
    objects,
    writeCalls: [],
    put,
    remove(object, id) {
      table(object).delete(id);
      deletedLog.push({ object, id, at: stamp() });
    },
    records: (object) => [...table(object).values()],
    failWriteAt(call, error, opts) {
      writeFail = { at: writes + call, error, lost: opts?.lost ?? false };
    },
    failPullAt(page, error) {
      pullFail = { at: pages + page, error };
    },
    usage: () => ({ calls }),
    async *pull(request): AsyncGenerator<RawPage> {
      calls++;
      const since = request.since ?? '';
      const rows = [...table(request.object).values()]
        .filter((r) => r.modifiedAt > since)
        .sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt));
      const watermark = rows.at(-1)?.modifiedAt ?? request.since;
      const deleted = request.since
        ? deletedLog.filter((d) => d.object === request.object && d.at > since).map((d) => d.id)
        : [];
      for (let i = 0; i === 0 || i < rows.length; i += pageSize) {
        if (pullFail && ++pages === pullFail.at) throw pullFail.error;
        const last = i + pageSize >= rows.length;
        yield {
          records: rows
            .slice(i, i + pageSize)
            .map((r) => ({ id: r.id, fields: { ...r.fields }, modifiedAt: r.modifiedAt })),
          ...(last && deleted.length ? { deleted } : {}),
          ...(last && watermark !== undefined ? { watermark } : {}),
        };
      }
    },
    async write(batch): Promise<WriteOutcome[]> {
      calls++;
      const fail = writeFail && ++writes === writeFail.at ? writeFail : undefined;
      if (fail && !fail.lost) throw fail.error;
      this.writeCalls.push({
        object: batch.object,
        mode: batch.mode,
        keys: batch.records.map((r) => r.key),
      });
      const outcomes = batch.records.map((r): WriteOutcome => {
        const t = table(batch.object);
        if (batch.mode === 'update') {
          if (!t.has(r.key))
            return {
              key: r.key,
              ok: false,
              error: { code: 'NOT_FOUND', message: `no ${batch.object} ${r.key}` },
            };
          put(batch.object, r.key, r.fields);
          return { key: r.key, ok: true, crmId: r.key, created: false };
        }
        const existing =
          batch.mode === 'upsert'
            ? [...t.values()].find((x) => x.fields[batch.keyField!] === r.key)
            : undefined;
        const id = existing?.id ?? `${batch.object}-${++created}`;
        put(batch.object, id, r.fields);
        return { key: r.key, ok: true, crmId: id, created: !existing };
      });
      if (fail) throw fail.error;
      return outcomes;
    },
  };
}

export const rateLimited = () =>
  new ConnectorError('memory-crm', 'UNAVAILABLE', 'service unavailable', { retryable: true });
