/**
 * The mapping file schema (DESIGN.md "Mapping files"): one YAML file per connection, the same
 * shape for every connector. Unknown keys are refused, so a typo is an error, not a silent no-op.
 */
import { z } from 'zod';
import { NEUTRAL_OBJECTS } from '../model/records.js';
import { DeclaredScalesSchema } from '../model/scales.js';

export const FIELD_TYPES = [
  'string',
  'integer',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'list',
  'enum',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A source field spec: where a neutral value comes from and how it is cleaned. */
export const FieldSpecObjectSchema = z
  .object({
    /** Source field (dot paths reach into relationship objects: `Owner.Name`). A list means
     * "the first that is not blank"; a list inside it is joined with spaces
     * (`[[firstname, lastname], email]`: the full name, else the email). */
    field: z
      .union([
        z.string().min(1),
        z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).min(1),
      ])
      .optional(),
    /** Read the first associated record id of this object type (HubSpot `companies`). */
    association: z.string().min(1).optional(),
    /** A constant. */
    value: scalar.optional(),
    /** @default 'string' */
    type: z.enum(FIELD_TYPES).optional(),
    /** List separator. @default ';' */
    separator: z.string().min(1).optional(),
    /** Source value -> neutral value, for enums and list items. Matching ignores case. */
    map: z.record(z.string(), scalar).optional(),
    /** Used when the source is blank (and, with an issue recorded, when it cannot be read). */
    default: z.union([scalar, z.array(scalar)]).optional(),
    /** A record without this value is skipped and reported. @default false */
    required: z.boolean().optional(),
  })
  .strict()
  .refine(
    (s) => [s.field, s.association, s.value].filter((v) => v !== undefined).length === 1,
    'give exactly one of field, association or value',
  );

/** A bare string is shorthand for `{ field: <string> }`; normalised here so errors name the key. */
export const FieldSpecSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { field: v } : v),
  FieldSpecObjectSchema,
);
export type FieldSpec = string | z.infer<typeof FieldSpecObjectSchema>;

/** A spec's source alternatives, in order; each is one field or several to join with spaces. */
export function fieldAlternatives(spec: FieldSpecObject): string[][] {
  if (spec.field === undefined) return [];
  if (!Array.isArray(spec.field)) return [[spec.field]];
  return spec.field.map((f) => (Array.isArray(f) ? f : [f]));
}

/** Every source field a spec names. */
export const fieldNames = (spec: FieldSpecObject): string[] => fieldAlternatives(spec).flat();
export type FieldSpecObject = z.infer<typeof FieldSpecObjectSchema>;

export const ObjectMappingSchema = z
  .object({
    /** CRM object (Salesforce `Account`), HubSpot object type (`companies`), or file name. */
    from: z.string().min(1),
    /** Optional connector-specific filter (a SOQL condition for Salesforce). */
    where: z.string().optional(),
    /** Neutral field (dot path) -> source. */
    fields: z.record(z.string(), FieldSpecSchema),
  })
  .strict();
export type ObjectMapping = z.infer<typeof ObjectMappingSchema>;

/** Write-back field sources: an output field path (`scores.composite`, `account.crmId`) or a
 * constant `{ value: X }`. */
export const WriteFieldSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { field: v } : v),
  z
    .object({
      /** Output field path (`scores.composite`, `account.crmId`). */
      field: z.string().min(1).optional(),
      /** A constant (a HubSpot pipeline id, say). */
      value: scalar.optional(),
      /** Source value -> CRM value (e.g. health `red` -> picklist `Red`). */
      map: z.record(z.string(), scalar).optional(),
      /** `date` writes YYYY-MM-DD; `datetime` midnight-UTC epoch ms (HubSpot date properties);
       * `text` joins arrays and objects into readable lines; `json` writes JSON text. */
      format: z.enum(['date', 'datetime', 'text', 'json']).optional(),
      /** Truncate text to this many characters (the CRM field's length). */
      maxLength: z.number().int().positive().optional(),
      /** Written only when Headroom first creates the record, never on later updates: fields
       * people move on from there (a HubSpot deal stage, a Salesforce status). @default false */
      createOnly: z.boolean().optional(),
    })
    .strict()
    .refine(
      (w) => (w.field === undefined) !== (w.value === undefined),
      'give exactly one of field or value',
    ),
);
export type WriteField = z.infer<typeof WriteFieldSchema>;

const writeTarget = {
  /** CRM object written to. */
  to: z.string().min(1),
  fields: z.record(z.string(), WriteFieldSchema),
  /** Associate each written record with these related records: object type -> source path
   * (HubSpot: `companies: account.crmId`). */
  associations: z.record(z.string(), z.string()).optional(),
};

export const WriteBackSchema = z
  .object({
    account: z
      .object({ ...writeTarget })
      .strict()
      .optional(),
    opportunity: z
      .object({
        ...writeTarget,
        /** External id / unique property the upsert matches on; receives the opportunity id. */
        key: z.string().min(1),
        /** Where people record what they did with an opportunity, read back before each write:
         * CRM value -> Headroom status. A dismissed/converted record is never reopened. */
        status: z
          .object({
            field: z.string().min(1),
            map: z.record(
              z.string(),
              z.enum(['open', 'accepted', 'dismissed', 'converted', 'won', 'lost']),
            ),
          })
          .strict()
          .optional(),
        /** Only opportunities at or above this tier (1 = best) are written. @default 5 */
        minTier: z.number().int().min(1).max(5).optional(),
      })
      .strict()
      .optional(),
    task: z
      .object({
        ...writeTarget,
        /** Tasks only for opportunities at or above this tier. @default 1 */
        minTier: z.number().int().min(1).max(5).default(1),
        // No status read-back: a task is created once per opportunity and never again, so one a
        // person completed or deleted cannot come back.
      })
      .strict()
      .optional(),
  })
  .strict();
export type WriteBack = z.infer<typeof WriteBackSchema>;

export const MappingSchema = z
  .object({
    connector: z.enum(['salesforce', 'hubspot', 'files']),
    version: z.literal(1),
    objects: z
      .object(
        Object.fromEntries(NEUTRAL_OBJECTS.map((o) => [o, ObjectMappingSchema.optional()])) as {
          [K in (typeof NEUTRAL_OBJECTS)[number]]: z.ZodOptional<typeof ObjectMappingSchema>;
        },
      )
      .strict()
      .refine((o) => o.account !== undefined, {
        message: 'objects.account is required',
        path: ['account'],
      }),
    writeBack: WriteBackSchema.optional(),
    /** The scales this connection's survey and health values come on (`nps: response`, ...);
     * each named one wins over `config/scoring.yaml`'s `scales`. @default every scale `auto` */
    scales: DeclaredScalesSchema.optional(),
    /** A prior headcount without its date (`employeesPrior.asOf` unmapped or blank) is taken to
     * cover this many months; the growth evidence says the period was assumed. */
    employeesPrior: z
      .object({
        /** @default 12 */
        periodMonths: z.number().int().min(1).max(120),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Mapping = z.infer<typeof MappingSchema>;
