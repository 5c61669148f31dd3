/**
 * HubSpot CRM v3/v4 wire shapes, validated before anything reads them. Only the keys the
 * connector uses are declared; unknown keys are ignored so new API fields do not break a sync.
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm
 */
import { z } from 'zod';

const Paging = z
  .object({ next: z.object({ after: z.string(), link: z.string().optional() }).optional() })
  .optional();

export const HubspotAssociationListSchema = z.object({
  results: z.array(z.object({ id: z.coerce.string(), type: z.string().optional() })),
  paging: Paging,
});

/** One CRM object as list, search and batch endpoints return it. */
export const HubspotObjectSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()).default({}),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
  associations: z.record(z.string(), HubspotAssociationListSchema).optional(),
});
export type HubspotObject = z.infer<typeof HubspotObjectSchema>;

/** GET /crm/v3/objects/{type}: a page of records with `paging.next.after`. */
export const HubspotListPageSchema = z.object({
  results: z.array(HubspotObjectSchema),
  paging: Paging,
});

/** POST /crm/v3/objects/{type}/search. */
export const HubspotSearchPageSchema = HubspotListPageSchema.extend({ total: z.number().int() });

export const HubspotBatchErrorSchema = z.object({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().default('unknown error'),
  context: z.record(z.string(), z.array(z.coerce.string())).optional(),
});
export type HubspotBatchError = z.infer<typeof HubspotBatchErrorSchema>;

/** Batch create/update/upsert: 200/201 all done, 207 some inputs failed (`errors[]`). */
export const HubspotBatchResponseSchema = z.object({
  status: z.string(),
  results: z.array(
    z.object({
      id: z.string(),
      new: z.boolean().optional(),
      objectWriteTraceId: z.string().optional(),
      properties: z.record(z.string(), z.string().nullable()).default({}),
    }),
  ),
  errors: z.array(HubspotBatchErrorSchema).default([]),
  numErrors: z.number().int().optional(),
});
export type HubspotBatchResponse = z.infer<typeof HubspotBatchResponseSchema>;

/** POST /crm/v4/associations/{from}/{to}/batch/read. */
export const HubspotAssociationReadSchema = z.object({
  status: z.string(),
  results: z.array(
    z.object({
      from: z.object({ id: z.coerce.string() }),
      to: z.array(z.object({ toObjectId: z.coerce.string() })),
      paging: Paging,
    }),
  ),
  errors: z.array(HubspotBatchErrorSchema).default([]),
});

/** Any v4 batch write (associate default): only the status matters. */
export const HubspotStatusSchema = z.object({
  status: z.string().optional(),
  errors: z.array(HubspotBatchErrorSchema).default([]),
});

/** GET /crm/v3/properties/{type}. */
export const HubspotPropertySchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
  options: z.array(z.object({ label: z.string(), value: z.string() })).default([]),
  hasUniqueValue: z.boolean().optional(),
  calculated: z.boolean().optional(),
  modificationMetadata: z.object({ readOnlyValue: z.boolean() }).partial().optional(),
});
export const HubspotPropertiesSchema = z.object({ results: z.array(HubspotPropertySchema) });
export type HubspotProperty = z.infer<typeof HubspotPropertySchema>;

/** GET /crm/v3/properties/{type}/groups/{name}. */
export const HubspotGroupSchema = z.object({ name: z.string(), label: z.string() });

export const HubspotPipelineSchema = z.object({
  id: z.string(),
  label: z.string(),
  stages: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      metadata: z.record(z.string(), z.string()).default({}),
    }),
  ),
});
export type HubspotPipeline = z.infer<typeof HubspotPipelineSchema>;
/** GET /crm/v3/pipelines/deals. */
export const HubspotPipelinesSchema = z.object({ results: z.array(HubspotPipelineSchema) });

/** The body of an error response (4xx/5xx), including 429s with `policyName`. */
export const HubspotErrorBodySchema = z
  .object({
    status: z.string(),
    message: z.string(),
    category: z.string(),
    errorType: z.string(),
    policyName: z.string(),
    correlationId: z.string(),
  })
  .partial();
export type HubspotErrorBody = z.infer<typeof HubspotErrorBodySchema>;

/** Any body: for calls whose response is not read. */
export const AnyBodySchema = z.unknown();
