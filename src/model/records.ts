/**
 * The neutral account model: what every connector's records are mapped into and what the scoring
 * core reads. Field names are a contract (see DESIGN.md "Neutral model"); optional fields may be
 * absent, and the core then lowers its confidence instead of guessing.
 *
 * Dates are ISO calendar dates (`YYYY-MM-DD`); datetimes are full ISO-8601 strings. Ids are
 * `source:crmId`, where `source` is the connection name (by default the connector's name).
 */
import { z } from 'zod';

/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');

export const IsoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a datetime');

const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();

export const SEGMENTS = ['enterprise', 'mid-market', 'smb'] as const;
export const LIFECYCLES = ['customer', 'trial', 'free', 'churned'] as const;
export const QBR_OUTCOMES = ['positive', 'neutral', 'negative'] as const;
export const CONTACT_ROLES = [
  'champion',
  'economic_buyer',
  'exec_sponsor',
  'power_user',
  'decision_maker',
] as const;
export const DEAL_KINDS = ['new', 'renewal', 'expansion', 'other'] as const;
export const SIGNAL_KINDS = [
  'funding',
  'new_office',
  'acquisition',
  'leadership_hire',
  'initiative',
  'regulatory',
  'competitor',
  'workaround',
  'hiring',
] as const;

export const OwnerSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
});

export const AccountSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  crmId: z.string().min(1),
  name: z.string().min(1),
  domain: z.string().optional(),
  industry: z.string().optional(),
  segment: z.enum(SEGMENTS).optional(),
  region: z.string().optional(),
  owner: OwnerSchema.optional(),
  lifecycle: z.enum(LIFECYCLES).default('customer'),
  plan: z.string().optional(),
  products: z.array(z.string()).default([]),
  arr: nonNegative,
  currency: z.string().length(3).default('USD'),
  seats: z.object({ licensed: count, active: count }).optional(),
  employees: count.optional(),
  /** A prior headcount: as of a date, or (when the source keeps no date) over `periodMonths`,
   * a period the mapping states and the growth evidence reports as assumed. */
  employeesPrior: z
    .object({
      count,
      asOf: IsoDate.optional(),
      periodMonths: z.number().int().positive().optional(),
    })
    .optional(),
  contract: z
    .object({
      start: IsoDate.optional(),
      renewal: IsoDate.optional(),
      termMonths: count.optional(),
    })
    .optional(),
  health: z
    .object({
      score: z.number().min(0).max(100).optional(),
      nps: z.number().min(-100).max(100).optional(),
      csat: z.number().min(0).max(100).optional(),
      tickets90d: count.optional(),
      ticketThemes: z.array(z.string()).default([]),
      lastQbr: z.object({ date: IsoDate, outcome: z.enum(QBR_OUTCOMES) }).optional(),
    })
    .optional(),
  featuresUsed: z.array(z.string()).default([]),
  customFields: z.record(z.string(), z.unknown()).default({}),
});

export const ContactSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  roles: z.array(z.enum(CONTACT_ROLES)).default([]),
  status: z.enum(['active', 'left']).default('active'),
  leftAt: IsoDate.optional(),
  movedTo: z.object({ company: z.string().min(1), title: z.string().optional() }).optional(),
  /** When mail to the contact last hard-bounced (Salesforce `EmailBouncedDate`): evidence of a
   * departure, where a changed email domain alone is not. */
  emailBouncedAt: IsoDate.optional(),
  lastEngagedAt: IsoDate.optional(),
  createdAt: IsoDate.optional(),
});

export const DealSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(DEAL_KINDS).default('other'),
  stage: z.string().default(''),
  amount: z.number().finite(),
  currency: z.string().length(3).default('USD'),
  closeDate: IsoDate.optional(),
  closed: z.boolean().default(false),
  won: z.boolean().default(false),
  products: z.array(z.string()).default([]),
  expansionKey: z.string().optional(),
});

export const UsagePointSchema = z.object({
  accountId: z.string().min(1),
  date: IsoDate,
  metric: z.string().min(1),
  value: nonNegative,
  limit: nonNegative.optional(),
});

export const DepartmentSchema = z.object({
  accountId: z.string().min(1),
  name: z.string().min(1),
  headcount: count.optional(),
  usesProduct: z.boolean().default(false),
  seats: count.optional(),
});

export const SignalSchema = z.object({
  accountId: z.string().min(1),
  date: IsoDate,
  kind: z.enum(SIGNAL_KINDS),
  detail: z.string().default(''),
  value: z.number().finite().optional(),
});

export type Owner = z.infer<typeof OwnerSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Deal = z.infer<typeof DealSchema>;
export type UsagePoint = z.infer<typeof UsagePointSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Signal = z.infer<typeof SignalSchema>;
export type Segment = (typeof SEGMENTS)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** The neutral objects a mapping can fill, and the schema that validates each. */
export const NEUTRAL_SCHEMAS = {
  account: AccountSchema,
  contact: ContactSchema,
  deal: DealSchema,
  usage: UsagePointSchema,
  department: DepartmentSchema,
  signal: SignalSchema,
} as const;
export type NeutralObject = keyof typeof NEUTRAL_SCHEMAS;
export const NEUTRAL_OBJECTS = Object.keys(NEUTRAL_SCHEMAS) as NeutralObject[];

/** Everything the scoring core reads about one portfolio. */
export interface Portfolio {
  accounts: Account[];
  contacts: Contact[];
  deals: Deal[];
  usage: UsagePoint[];
  departments: Department[];
  signals: Signal[];
}

export const emptyPortfolio = (): Portfolio => ({
  accounts: [],
  contacts: [],
  deals: [],
  usage: [],
  departments: [],
  signals: [],
});
