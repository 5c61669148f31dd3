/**
 * Salesforce field values rendered as User Interface API responses, the shapes Lightning Data
 * Service hands an LWC: a Record (`{ apiName, id, fields: { F: { value, displayValue } } }`) for
 * getRecord, and a List Record Collection for getRelatedListRecords. `displayValue` follows the
 * UI API's rules for an en_US user: picklist labels from the shipped metadata, currency and date
 * formatted, null for numbers, text and ids.
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_field_value.htm
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_list_record_collection.htm
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_DIR } from '../../connectors/salesforce/setup.js';

export const API = '/services/data/v62.0';
const OBJECTS = join(METADATA_DIR, 'force-app', 'main', 'default', 'objects');

interface FieldMeta {
  type: string;
  labels: Map<string, string>;
}

/** Type and picklist labels of a shipped custom field; standard fields are Text. */
export function fieldMeta(object: string, field: string): FieldMeta {
  const file = join(OBJECTS, object, 'fields', `${field}.field-meta.xml`);
  if (!existsSync(file)) return { type: 'Text', labels: new Map() };
  const xml = readFileSync(file, 'utf8');
  const values = xml.matchAll(/<fullName>([^<]+)<\/fullName>[\s\S]*?<label>([^<]+)<\/label>/g);
  return {
    type: /<type>(\w+)<\/type>/.exec(xml)?.[1] ?? 'Text',
    labels: new Map([...values].slice(1).map((m) => [m[1]!, m[2]!])),
  };
}

function displayValue(meta: FieldMeta, value: unknown, currency: string): string | null {
  if (value === null || value === undefined) return null;
  switch (meta.type) {
    case 'Picklist':
      return meta.labels.get(String(value)) ?? String(value);
    case 'Currency': {
      const n = Number(value).toLocaleString('en-US', { minimumFractionDigits: 2 });
      return currency === 'USD' ? `$${n}` : `${currency} ${n}`;
    }
    case 'Date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return `${m}/${d}/${y}`;
    }
    default:
      return null;
  }
}

const etag = (x: unknown) => createHash('md5').update(JSON.stringify(x)).digest('hex');

/** A Record response body with exactly the requested fields (absent values are null). */
export function record(
  apiName: string,
  id: string,
  values: Record<string, unknown>,
  fieldNames: readonly string[],
  opts: { currency: string; modified: string; modifiedBy: string },
) {
  const fields = Object.fromEntries(
    [...fieldNames].sort().map((f) => {
      const value = values[f] ?? null;
      return [
        f,
        { displayValue: displayValue(fieldMeta(apiName, f), value, opts.currency), value },
      ];
    }),
  );
  return {
    apiName,
    childRelationships: {},
    eTag: etag({ id, fields }),
    fields,
    id,
    lastModifiedById: opts.modifiedBy,
    lastModifiedDate: opts.modified,
    recordTypeId: '012000000000000AAA',
    recordTypeInfo: null,
    systemModstamp: opts.modified,
    weakEtag: Date.parse(opts.modified),
  };
}

/** A List Record Collection, as getRelatedListRecords provisions it (one page). */
export function relatedListRecords(args: {
  parentId: string;
  parentObject: string;
  object: string;
  relatedListId: string;
  fields: readonly string[];
  optionalFields: readonly string[];
  pageSize: number;
  records: ReturnType<typeof record>[];
}) {
  const url = `${API}/ui-api/related-list-records/${args.parentId}/${args.relatedListId}`;
  return {
    count: args.records.length,
    currentPageToken: '0',
    currentPageUrl: `${url}?pageSize=${args.pageSize}&pageToken=0`,
    fields: args.fields,
    listInfoETag: etag(args.fields),
    listReference: {
      id: null,
      inContextOfRecordId: args.parentId,
      listViewApiName: null,
      objectApiName: args.object,
      parentObjectApiName: args.parentObject,
      recordTypeId: null,
      relatedListId: args.relatedListId,
      type: 'relatedList',
    },
    nextPageToken: null,
    nextPageUrl: null,
    optionalFields: args.optionalFields,
    pageSize: args.pageSize,
    previousPageToken: null,
    previousPageUrl: null,
    records: args.records,
    sortBy: [],
    where: null,
  };
}
