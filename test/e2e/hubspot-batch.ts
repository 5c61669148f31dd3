/**
 * The fake portal's batch writes (POST /crm/v3/objects/{type}/batch/{upsert|update|create}, 100
 * inputs): every property must exist in the portal and an enumeration value must be one of its
 * options, else the whole batch is refused with a 400 VALIDATION_ERROR as HubSpot does; upsert
 * matches on the `idProperty` value, create takes inline associations.
 */
import type { PortalProperty } from './hubspot-schema.js';
import type { HsObject } from './render-hubspot.js';

export type HsWrite = 'upsert' | 'update' | 'create';

export interface BatchInput {
  id?: string;
  idProperty?: string;
  objectWriteTraceId?: string;
  properties: Record<string, string>;
  associations?: { to: { id: string } }[];
}

export interface PortalState {
  objects(type: string): HsObject[];
  /** Apply property changes (and move the modification time). */
  touch(type: string, o: HsObject, changes: Record<string, string>): void;
  props: Map<string, PortalProperty>;
}

export function applyBatch(
  ctx: PortalState,
  type: string,
  mode: HsWrite,
  inputs: BatchInput[],
): [number, unknown] {
  const known = ctx.props;
  for (const input of inputs)
    for (const [name, value] of Object.entries(input.properties)) {
      const p = known.get(name);
      const bad = !p
        ? `Property "${name}" does not exist`
        : p.options.length && value && !p.options.some((o) => o.value === value)
          ? `${value} was not one of the allowed options`
          : undefined;
      if (bad)
        return [
          400,
          {
            status: 'error',
            category: 'VALIDATION_ERROR',
            message: `Property values were not valid: ${bad}`,
          },
        ];
    }
  const results = inputs.map((input) => {
    const all = ctx.objects(type);
    let o =
      mode === 'update'
        ? all.find((x) => x.id === input.id)
        : mode === 'upsert'
          ? all.find((x) => x.properties[input.idProperty!] === input.id)
          : undefined;
    const created = !o;
    if (!o) {
      const id = String(9_000_000 + all.length + 1);
      o = {
        id,
        properties: {
          hs_object_id: id,
          ...(mode === 'upsert' ? { [input.idProperty!]: input.id! } : {}),
        },
      };
      if (input.associations?.length) o.companies = input.associations.map((a) => a.to.id);
      all.push(o);
    }
    ctx.touch(type, o, input.properties);
    return {
      id: o.id,
      new: created,
      objectWriteTraceId: input.objectWriteTraceId,
      properties: { ...o.properties },
      createdAt: '2026-11-24T00:00:00.000Z',
      updatedAt: o.properties.hs_lastmodifieddate,
      archived: false,
    };
  });
  return [
    mode === 'create' ? 201 : 200,
    {
      status: 'COMPLETE',
      results,
      startedAt: new Date().toISOString(),
      completedAt: new Date().toISOString(),
    },
  ];
}
