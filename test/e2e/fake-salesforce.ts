/**
 * A stateful fake Salesforce org behind nock, speaking the REST wire format: SOQL queries
 * (parsed, filtered by their WHERE, 2,000 rows a page chained by `nextRecordsUrl`), describe,
 * getDeleted, and sObject Collections upsert/update/create that change the org's data (and
 * SystemModstamp) the way a real org does. Every call is logged, so tests count them.
 */
import nock from 'nock';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { describeBody, orgSchema, type FieldDef } from './salesforce-schema.js';
import { matches, project } from './soql-eval.js';
import { API, PREFIX, sfDateTime, sfId, type SfData } from './render-salesforce.js';

export const SF_INSTANCE = 'http://sf.e2e.test';
const PAGE = 2000;
const HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };

export type SfCallKind = 'query' | 'queryMore' | 'queryAll' | 'describe' | 'deleted' | SfWrite;
export type SfWrite = 'upsert' | 'update' | 'create';
export interface SfCall {
  kind: SfCallKind;
  object: string;
  /** The records sent by a write. */
  records?: Record<string, unknown>[];
}

export interface FakeOrg {
  data: SfData;
  calls: SfCall[];
  /** Calls of a kind (and object). */
  count(kind: SfCallKind, object?: string): number;
  /** Change fields of a row as a person would (SystemModstamp moves). */
  edit(object: string, id: string, fields: Record<string, unknown>): void;
  clear(): void;
}

export function fakeOrg(data: SfData): FakeOrg {
  const schema = orgSchema();
  const calls: SfCall[] = [];
  const cursors = new Map<string, { object: string; rows: Record<string, unknown>[] }>();
  let clock = Date.now();
  const stamp = () => sfDateTime((clock = Math.max(clock + 1000, Date.now())));
  let serial = 0;
  const log = (call: SfCall) => calls.push(call);
  const fieldsOf = (object: string): FieldDef[] => {
    const f = schema.get(object);
    if (!f) throw new Error(`fake org: no object ${object}`);
    return f;
  };
  const page = (object: string, rows: Record<string, unknown>[], from: number) => {
    const done = from + PAGE >= rows.length;
    const locator = `01gE2E${++serial}-${from + PAGE}`;
    if (!done) cursors.set(locator, { object, rows });
    return {
      totalSize: rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${API}/query/${locator}` }),
      records: rows.slice(from, from + PAGE),
    };
  };

  const scope = nock(SF_INSTANCE).persist();
  scope.defaultReplyHeaders({ ...HEADERS, 'Sforce-Limit-Info': 'api-usage=120/100000' });
  scope.get(/\/services\/data\/v62\.0\/(query|queryAll)\?/).reply((uri) => {
    const url = new URL(uri, SF_INSTANCE);
    const q = parseQuery(url.searchParams.get('q')!);
    const object = q.sObject!;
    const all = url.pathname.endsWith('queryAll');
    log({ kind: all ? 'queryAll' : 'query', object });
    if (all) return [200, page(object, [], 0)];
    const fields = (q.fields ?? []).map(
      (f) => ('rawValue' in f && f.rawValue) || ('field' in f ? f.field : ''),
    );
    const known = new Set(fieldsOf(object).map((f) => f.name));
    const bad = fields.find(
      (f) => !known.has(f.split('.')[0]!) && !known.has(`${f.split('.')[0]}Id`),
    );
    if (bad)
      return [
        400,
        [{ errorCode: 'INVALID_FIELD', message: `No such column '${bad}' on entity '${object}'` }],
      ];
    const rows = (data.get(object) ?? [])
      .filter((r) => matches(r, q.where))
      .map((r) => project(r, fields as string[]));
    return [200, page(object, rows, 0)];
  });
  scope.get(/\/services\/data\/v62\.0\/query\/01gE2E/).reply((uri) => {
    const locator = uri.split('/').pop()!;
    const cursor = cursors.get(locator);
    if (!cursor)
      return [400, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]];
    log({ kind: 'queryMore', object: cursor.object });
    return [200, page(cursor.object, cursor.rows, Number(locator.split('-').pop()))];
  });
  scope.get(/\/sobjects\/\w+\/describe$/).reply((uri) => {
    const object = uri.split('/').at(-2)!;
    log({ kind: 'describe', object });
    return [200, describeBody(object, fieldsOf(object))];
  });
  scope.get(/\/sobjects\/\w+\/deleted\//).reply((uri) => {
    const url = new URL(uri, SF_INSTANCE);
    log({ kind: 'deleted', object: url.pathname.split('/').at(-3)! });
    const end = url.searchParams.get('end');
    return [
      200,
      {
        deletedRecords: [],
        earliestDateAvailable: '2026-10-01T00:00:00.000+0000',
        latestDateCovered: end,
      },
    ];
  });

  /** Apply one record of a Collections write; a SaveResult in the wire format. */
  const save = (mode: SfWrite, object: string, rec: Record<string, unknown>, keyField?: string) => {
    const { attributes: _a, id: updateId, ...fields } = rec;
    const known = new Set(fieldsOf(object).map((f) => f.name));
    const bad = Object.keys(fields).filter((f) => !known.has(f));
    if (bad.length)
      return {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: `No such column '${bad[0]}' on sobject of type ${object}`,
            fields: bad,
          },
        ],
      };
    const rows = data.get(object) ?? [];
    data.set(object, rows);
    const existing =
      mode === 'update'
        ? rows.find((r) => r.Id === updateId)
        : mode === 'upsert'
          ? rows.find((r) => r[keyField!] === fields[keyField!])
          : undefined;
    if (mode === 'update' && !existing)
      return {
        id: updateId,
        success: false,
        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
      };
    if (existing) {
      Object.assign(existing, fields, { SystemModstamp: stamp() });
      return { id: existing.Id, success: true, errors: [], created: false };
    }
    const Id = sfId(PREFIX[object]!, rows.length + 1);
    const defaults = Object.fromEntries(
      fieldsOf(object)
        .filter((f) => f.defaultValue)
        .map((f) => [f.name, f.defaultValue]),
    );
    rows.push({
      attributes: { type: object },
      Id,
      SystemModstamp: stamp(),
      ...(object === 'Task' ? { IsClosed: false } : {}),
      ...defaults,
      ...fields,
    });
    return { id: Id, success: true, errors: [], created: true };
  };
  const collections = (mode: SfWrite) => (uri: string, body: unknown) => {
    const { records } = (typeof body === 'string' ? JSON.parse(body) : body) as {
      records: Record<string, unknown>[];
    };
    const parts = new URL(uri, SF_INSTANCE).pathname.split('/');
    const object =
      mode === 'upsert' ? parts.at(-2)! : String((records[0]!.attributes as { type: string }).type);
    log({ kind: mode, object, records });
    return [
      200,
      records.map((r) => save(mode, object, r, mode === 'upsert' ? parts.at(-1) : undefined)),
    ] as [number, unknown];
  };
  scope.patch(/\/composite\/sobjects\/\w+\/\w+$/).reply(collections('upsert'));
  scope.patch(`${API}/composite/sobjects`).reply(collections('update'));
  scope.post(`${API}/composite/sobjects`).reply(collections('create'));

  return {
    data,
    calls,
    count: (kind, object) =>
      calls.filter((c) => c.kind === kind && (!object || c.object === object)).length,
    edit(object, id, fields) {
      const row = data.get(object)?.find((r) => r.Id === id);
      if (!row) throw new Error(`fake org: no ${object} ${id}`);
      Object.assign(row, fields, { SystemModstamp: stamp() });
    },
    clear: () => void calls.splice(0),
  };
}
