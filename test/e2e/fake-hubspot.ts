/**
 * A stateful fake HubSpot portal behind nock, in the CRM v3/v4 wire format: list pages (100,
 * `paging.next.after`, inline associations), search (filters, sorts, 200 a page), v4 association
 * batch reads, properties, deal pipelines, and batch upsert/update/create plus default
 * associations that change the portal's data (and `hs_lastmodifieddate`, and a deal's
 * `hs_is_closed` from its stage) as HubSpot does. Every call is logged, so tests count them.
 */
import nock from 'nock';
import { pipelines, portalProperties } from './hubspot-schema.js';
import type { HsData, HsObject } from './render-hubspot.js';
import { applyBatch, type BatchInput, type HsWrite } from './hubspot-batch.js';
import { searchPage, type SearchBody } from './hubspot-search.js';

export type { HsWrite };

export const HS_BASE = 'http://hubspot.e2e.test';

export type HsCallKind =
  'list' | 'archived' | 'search' | 'assocRead' | 'properties' | 'pipelines' | HsWrite | 'associate';
export interface HsCall {
  kind: HsCallKind;
  object: string;
  inputs?: { id?: string; properties: Record<string, string> }[];
}

/** Datetime properties HubSpot returns as ISO strings whatever was written (epoch ms). */
const DATETIME = new Set(['closedate', 'hs_timestamp', 'hs_lastmodifieddate']);
const LIST_PAGE = 100;

export interface FakePortal {
  data: HsData;
  calls: HsCall[];
  count(kind: HsCallKind, object?: string): number;
  /** Change properties of a record as a person would (its modification time moves). */
  edit(type: string, id: string, properties: Record<string, string>): void;
  clear(): void;
  /** The next batch write of `kind` to `type` is answered with `status` (a 502 from a gateway):
   * `applied` says whether the portal did the work first (the answer was lost on the way back). */
  answerNext(kind: HsWrite, type: string, status: number, applied: boolean): void;
}

export function fakePortal(data: HsData, base = HS_BASE): FakePortal {
  const props = portalProperties(data);
  const stages = pipelines().flatMap((p) => p.stages);
  const calls: HsCall[] = [];
  let clock = Date.now();
  const now = () => (clock = Math.max(clock + 1000, Date.now()));
  const objects = (type: string) => {
    if (!data.has(type)) data.set(type, []);
    return data.get(type)!;
  };
  const touch = (type: string, o: HsObject, changes: Record<string, string>) => {
    for (const [k, v] of Object.entries(changes))
      o.properties[k] = DATETIME.has(k) && /^\d+$/.test(v) ? new Date(Number(v)).toISOString() : v;
    const stage = stages.find((s) => s.id === o.properties.dealstage);
    if (type === 'deals' && stage) {
      o.properties.hs_is_closed = stage.metadata.isClosed;
      o.properties.hs_is_closed_won = String(stage.metadata.probability === '1.0');
    }
    o.properties[type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate'] = new Date(
      now(),
    ).toISOString();
  };
  const wire = (type: string, o: HsObject, names: string[], assoc: boolean) => ({
    id: o.id,
    properties: Object.fromEntries(
      ['hs_object_id', ...names].map((n) => [n, o.properties[n] ?? null]),
    ),
    createdAt: '2024-01-02T03:04:05.000Z',
    updatedAt: o.properties.hs_lastmodifieddate ?? o.properties.lastmodifieddate,
    archived: false,
    ...(assoc && o.companies?.length
      ? {
          associations: {
            companies: {
              results: o.companies.map((id, i) => ({
                id,
                type: `${type.replace(/s$/, '')}_to_company${i ? '_unlabeled' : ''}`,
              })),
            },
          },
        }
      : {}),
  });

  let fault: { kind: HsWrite; type: string; status: number; applied: boolean } | undefined;
  const scope = nock(base).persist();
  scope.get(/^\/crm\/v3\/objects\/\w+\?/).reply((uri) => {
    const url = new URL(uri, base);
    const type = url.pathname.split('/').pop()!;
    const q = url.searchParams;
    if (q.get('archived') === 'true') {
      calls.push({ kind: 'archived', object: type });
      return [200, { results: [] }];
    }
    calls.push({ kind: 'list', object: type });
    const start = Number(q.get('after') ?? 0);
    const limit = Math.min(Number(q.get('limit') ?? 10), LIST_PAGE);
    const all = objects(type);
    const names = (q.get('properties') ?? '').split(',').filter(Boolean);
    const assoc = (q.get('associations') ?? '').split(',').includes('companies');
    const next = start + limit < all.length ? String(start + limit) : undefined;
    return [
      200,
      {
        results: all.slice(start, start + limit).map((o) => wire(type, o, names, assoc)),
        ...(next
          ? { paging: { next: { after: next, link: `${base}${url.pathname}?after=${next}` } } }
          : {}),
      },
    ];
  });
  scope.post(/^\/crm\/v3\/objects\/\w+\/search$/).reply((uri, body) => {
    const type = uri.split('/').at(-2)!;
    calls.push({ kind: 'search', object: type });
    const b = (typeof body === 'string' ? JSON.parse(body) : body) as SearchBody;
    const page = searchPage(objects(type), b);
    return [200, { ...page, results: page.results.map((o) => wire(type, o, b.properties, false)) }];
  });
  scope.post(/^\/crm\/v4\/associations\/\w+\/companies\/batch\/read$/).reply((uri, body) => {
    const type = uri.split('/')[4]!;
    calls.push({ kind: 'assocRead', object: type });
    const { inputs } = (typeof body === 'string' ? JSON.parse(body) : body) as {
      inputs: { id: string }[];
    };
    const byId = new Map(objects(type).map((o) => [o.id, o]));
    const found = inputs.filter((i) => byId.get(i.id)?.companies?.length);
    return [
      found.length === inputs.length ? 200 : 207,
      {
        status: 'COMPLETE',
        results: found.map((i) => ({
          from: { id: i.id },
          to: byId.get(i.id)!.companies!.map((c) => ({
            toObjectId: Number(c),
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }],
          })),
        })),
        errors: [],
      },
    ];
  });
  scope.get(/^\/crm\/v3\/properties\/\w+/).reply((uri) => {
    const type = new URL(uri, base).pathname.split('/').pop()!;
    calls.push({ kind: 'properties', object: type });
    return [200, { results: [...(props.get(type)?.values() ?? [])] }];
  });
  scope.get('/crm/v3/pipelines/deals').reply(() => {
    calls.push({ kind: 'pipelines', object: 'deals' });
    return [200, { results: pipelines() }];
  });
  scope.post(/^\/crm\/v3\/objects\/\w+\/batch\/(upsert|update|create)$/).reply((uri, body) => {
    const [, , , , type, , mode] = uri.split('/') as string[];
    const { inputs } = (typeof body === 'string' ? JSON.parse(body) : body) as {
      inputs: BatchInput[];
    };
    calls.push({ kind: mode as HsWrite, object: type!, inputs });
    if (fault && fault.kind === mode && fault.type === type) {
      const { status, applied, kind: fault0 } = fault;
      fault = undefined;
      if (applied) applyBatch({ objects, touch, props: props.get(type!)! }, type!, fault0, inputs);
      return [status, '<html><body>502 Bad Gateway</body></html>'];
    }
    return applyBatch({ objects, touch, props: props.get(type!)! }, type!, mode as HsWrite, inputs);
  });
  scope
    .post(/^\/crm\/v4\/associations\/\w+\/companies\/batch\/associate\/default$/)
    .reply((uri, body) => {
      const type = uri.split('/')[4]!;
      const { inputs } = (typeof body === 'string' ? JSON.parse(body) : body) as {
        inputs: { from: { id: string }; to: { id: string } }[];
      };
      calls.push({ kind: 'associate', object: type });
      for (const i of inputs) {
        const o = objects(type).find((x) => x.id === i.from.id);
        if (o && !o.companies?.includes(i.to.id)) o.companies = [...(o.companies ?? []), i.to.id];
      }
      return [
        200,
        {
          status: 'COMPLETE',
          results: inputs.map((i) => ({
            from: { id: i.from.id },
            to: { id: i.to.id },
            associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 },
          })),
          errors: [],
        },
      ];
    });

  return {
    data,
    calls,
    count: (kind, object) =>
      calls.filter((c) => c.kind === kind && (!object || c.object === object)).length,
    edit(type, id, properties) {
      const o = objects(type).find((x) => x.id === id);
      if (!o) throw new Error(`fake portal: no ${type} ${id}`);
      touch(type, o, properties);
    },
    clear: () => void calls.splice(0),
    answerNext(kind, type, status, applied) {
      fault = { kind, type, status, applied };
    },
  };
}
