/**
 * Field discovery: an object's properties (name, label, type, options, unique, writable), for
 * `headroom fields hubspot companies` and for refusing a mapping that names a property that does
 * not exist (`checkSourceFields`, with the closest names).
 */
import type { FieldInfo } from '../types.js';
import type { HubspotHttp } from './request.js';
import { HubspotPropertiesSchema, type HubspotProperty } from './schemas.js';

export async function listProperties(
  http: HubspotHttp,
  object: string,
): Promise<HubspotProperty[]> {
  // https://developers.hubspot.com/docs/api/crm/properties (GET /crm/v3/properties/{objectType})
  const res = await http.call(
    { path: `/crm/v3/properties/${encodeURIComponent(object)}`, qs: { archived: 'false' } },
    HubspotPropertiesSchema,
  );
  return res.results;
}

export function toFieldInfo(p: HubspotProperty): FieldInfo {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    ...(p.options.length ? { options: p.options.map((o) => o.value) } : {}),
    writable: !(p.modificationMetadata?.readOnlyValue ?? false) && !p.calculated,
    unique: p.hasUniqueValue ?? false,
  };
}

export async function describeObject(http: HubspotHttp, object: string): Promise<FieldInfo[]> {
  return (await listProperties(http, object)).map(toFieldInfo);
}
