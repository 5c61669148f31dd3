/**
 * Field discovery: an object's fields as the connector contract describes them, for
 * `headroom fields salesforce Account` and for checking a mapping before a run.
 */
import type { FieldInfo } from '../types.js';
import type { SalesforceApi } from './client.js';
import { DescribeResultSchema, parsePayload } from './schemas.js';
import { checkObjectName } from './soql.js';

/** https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
 * (one API call per object; the result is cached for the life of the connector) */
export async function describeObject(api: SalesforceApi, object: string): Promise<FieldInfo[]> {
  const url = `${api.basePath}/sobjects/${checkObjectName(object)}/describe`;
  const body = await api.request<unknown>(`describe ${object}`, { method: 'GET', url });
  const described = parsePayload(DescribeResultSchema, body, `describe ${object}`);
  return described.fields.map((f) => {
    const options = (f.picklistValues ?? []).filter((p) => p.active !== false).map((p) => p.value);
    return {
      name: f.name,
      label: f.label,
      type: f.type,
      ...(options.length ? { options } : {}),
      writable: Boolean(f.createable || f.updateable),
      unique: Boolean(f.unique || f.externalId),
    };
  });
}
