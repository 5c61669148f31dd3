/**
 * Records by a field Headroom owns (`Headroom_Key__c` on Task): how a create whose answer was lost
 * (a 5xx, a timeout, a killed run) is confirmed on the next run instead of being sent again. A
 * SOQL `IN` query per 200 keys, composed by the SOQL library (values are quoted by it, never
 * pasted), paged by `nextRecordsUrl`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
 */
import { composeQuery, getField } from '@jetstreamapp/soql-parser-js';
import type { SalesforceApi } from './client.js';
import { parsePayload, QueryResultSchema, type QueryResult } from './schemas.js';
import { checkObjectName, selectFields } from './soql.js';

const KEYS_PER_QUERY = 200;

/** A SOQL string literal: backslash and quote escaped. */
const literal = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** key -> record Id of the records whose `keyField` is one of `keys`. */
export async function findByKey(
  api: SalesforceApi,
  object: string,
  keyField: string,
  keys: string[],
): Promise<Map<string, string>> {
  const sObject = checkObjectName(object);
  const [, , field] = selectFields([keyField]);
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const soql = composeQuery({
      fields: [getField('Id'), getField(field!)],
      sObject,
      where: {
        left: {
          field: field!,
          operator: 'IN',
          value: keys.slice(i, i + KEYS_PER_QUERY).map(literal),
          literalType: 'STRING',
        },
      },
      orderBy: [{ field: 'CreatedDate', order: 'ASC' }],
    });
    let url: string | undefined = `${api.basePath}/query?q=${encodeURIComponent(soql)}`;
    while (url) {
      const body: unknown = await api.request<unknown>(`find ${sObject}`, { method: 'GET', url });
      const page: QueryResult = parsePayload(QueryResultSchema, body, `find ${sObject}`);
      for (const r of page.records) {
        const key = r[field!];
        // The oldest record wins when a key was created twice.
        if (typeof key === 'string' && !found.has(key)) found.set(key, String(r.Id));
      }
      url = page.done ? undefined : page.nextRecordsUrl;
    }
  }
  return found;
}
