/**
 * Salesforce REST payloads as zod schemas, checked before anything reads them: a proxy or an org
 * returning something unexpected fails here with the endpoint named, not deep in the sync.
 */
import { z } from 'zod';
import { ConnectorError } from '../types.js';

/** A record as REST returns it: `attributes` plus fields; relationship fields are nested. */
export const SalesforceRecordSchema = z.looseObject({
  attributes: z.object({ type: z.string(), url: z.string().optional() }).optional(),
  Id: z.string().optional(),
});
export type SalesforceRecord = z.infer<typeof SalesforceRecordSchema>;

/** https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm */
export const QueryResultSchema = z.object({
  totalSize: z.number().int(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(SalesforceRecordSchema),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;

/** https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getdeleted.htm */
export const DeletedResultSchema = z.object({
  deletedRecords: z.array(z.object({ id: z.string(), deletedDate: z.string() })),
  earliestDateAvailable: z.string().optional(),
  latestDateCovered: z.string().optional(),
});

/** One field of https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm */
export const DescribeFieldSchema = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  createable: z.boolean().optional(),
  updateable: z.boolean().optional(),
  unique: z.boolean().optional(),
  externalId: z.boolean().optional(),
  relationshipName: z.string().nullish(),
  picklistValues: z
    .array(
      z.object({ value: z.string(), label: z.string().nullish(), active: z.boolean().optional() }),
    )
    .optional(),
});
export const DescribeResultSchema = z.looseObject({
  name: z.string(),
  fields: z.array(DescribeFieldSchema),
});

/** sObject Collections result, one per record, in request order.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm */
export const SaveResultSchema = z.object({
  id: z.string().nullish(),
  success: z.boolean(),
  created: z.boolean().optional(),
  errors: z.array(
    z.object({
      statusCode: z.string(),
      message: z.string(),
      fields: z.array(z.string()).optional(),
    }),
  ),
});
export const SaveResultsSchema = z.array(SaveResultSchema);
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** Bulk API 2.0 query job. https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_one_job.htm */
export const QueryJobSchema = z.looseObject({
  id: z.string(),
  state: z.enum(['UploadComplete', 'InProgress', 'Aborted', 'JobComplete', 'Failed']),
  errorMessage: z.string().nullish(),
  numberRecordsProcessed: z.number().optional(),
});

/** OAuth token endpoint response. Salesforce sends no `expires_in`; `issued_at` is epoch ms.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm */
export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  instance_url: z.string().min(1),
  id: z.string().optional(),
  issued_at: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** Parse a payload; a mismatch is a fault naming the endpoint. */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
): z.infer<S> {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const first = res.error.issues[0];
  const where = `${first?.path.join('.') || 'root'}: ${first?.message}`;
  throw new ConnectorError('salesforce', 'BAD_RESPONSE', `${what}: unexpected response (${where})`);
}
