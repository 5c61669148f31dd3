/**
 * The output contract (DESIGN.md "Outputs"): `opportunities.json`, `accounts.json` and
 * `issues.json`. Outside consumers rely on these shapes; keep them exact.
 */
import { z } from 'zod';
import { IsoDate } from './records.js';

export const EXPANSION_TYPES = [
  'seat_expansion',
  'tier_upgrade',
  'usage_expansion',
  'add_on',
  'new_department',
  'new_use_case',
  'competitive_displacement',
  'professional_services',
  'support_upgrade',
] as const;
export const OTHER_TYPES = [
  'activation',
  'conversion',
  'stabilization',
  'champion_followup',
] as const;
export const OPPORTUNITY_TYPES = [...EXPANSION_TYPES, ...OTHER_TYPES] as const;
export const CATEGORIES = [
  'expansion',
  'activation',
  'conversion',
  'stabilization',
  'champion',
] as const;
export const HEALTH = ['green', 'yellow', 'red'] as const;
export const TIMING = ['now', '30d', '90d', 'hold'] as const;
export const READINESS = ['ready_now', 'needs_nurturing', 'not_ready'] as const;
export const ACCOUNT_FLAGS = [
  'at_risk',
  'activation',
  'conversion_candidate',
  'champion_left',
  'just_renewed',
  'low_confidence',
] as const;

const score = z.number().min(1).max(10);

export const EvidenceSchema = z.object({
  /** Machine key of the signal, e.g. `seat_utilization`, `employee_growth`, `workaround`. */
  signal: z.string().min(1),
  /** One readable sentence naming the values. */
  text: z.string().min(1),
  value: z.union([z.number(), z.string()]).optional(),
  threshold: z.union([z.number(), z.string()]).optional(),
  /** The neutral field (or CRM field) the value came from. */
  field: z.string().optional(),
});

export const OpportunitySchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  accountName: z.string(),
  type: z.enum(OPPORTUNITY_TYPES),
  category: z.enum(CATEGORIES),
  title: z.string().min(1),
  description: z.string(),
  evidence: z.array(EvidenceSchema).min(1),
  currentState: z.string(),
  proposedState: z.string(),
  estimatedArr: z.number().finite().nonnegative(),
  // Read-only: opportunities with equal scores share one set.
  scores: z
    .object({ revenue: score, effort: score, likelihood: score, composite: score })
    .readonly(),
  tier: z.number().int().min(1).max(5),
  health: z.enum(HEALTH),
  timing: z.enum(TIMING),
  timingReason: z.string(),
  deadline: IsoDate,
  renewalAligned: z.boolean(),
  // Read-only, like the lists below: opportunities of one account share equal values.
  stakeholders: z
    .object({
      pitchTo: z.string().optional(),
      decides: z.string().optional(),
      benefits: z.string().optional(),
    })
    .readonly(),
  pitch: z.string(),
  // Read-only: the scoring core leaves both empty for the narrative module, which writes new
  // ones, and every unnarrated opportunity of a run shares one empty list (so do empty risks).
  approach: z.array(z.string()).readonly(),
  objections: z.array(z.object({ objection: z.string(), response: z.string() })).readonly(),
  risks: z.array(z.string()).readonly(),
  /** 0..1: how complete the data behind this opportunity was. */
  confidence: z.number().min(0).max(1),
});

export const AccountSummarySchema = z.object({
  accountId: z.string().min(1),
  name: z.string(),
  arr: z.number().finite().nonnegative(),
  health: z.enum(HEALTH),
  healthReasons: z.array(z.string()),
  readiness: z.enum(READINESS),
  /** Best composite score among the account's opportunities; 0 when it has none. */
  bestScore: z.number().min(0).max(10),
  /** Best (lowest-numbered) tier; 0 when the account has no opportunity. */
  bestTier: z.number().int().min(0).max(5),
  potentialArr: z.number().finite().nonnegative(),
  opportunityCount: z.number().int().nonnegative(),
  // Read-only: accounts with the same flags share one list.
  flags: z.array(z.enum(ACCOUNT_FLAGS)).readonly(),
});

/**
 * A per-record problem found on the way in: never a crash, never a silent zero. `skipped` says
 * whether the whole record was dropped (a required field) or only this value.
 */
export const IssueSchema = z.object({
  /** File name for the files connector (`accounts.csv`), connection name for a CRM. */
  source: z.string(),
  object: z.string(),
  recordId: z.string().optional(),
  /** Row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: z.number().int().optional(),
  field: z.string().optional(),
  value: z.unknown().optional(),
  reason: z.string(),
  skipped: z.boolean().default(false),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type Opportunity = z.infer<typeof OpportunitySchema>;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Health = (typeof HEALTH)[number];
export type Timing = (typeof TIMING)[number];
export type Readiness = (typeof READINESS)[number];
export type AccountFlag = (typeof ACCOUNT_FLAGS)[number];
export type AccountSummary = z.infer<typeof AccountSummarySchema>;
export type Issue = z.infer<typeof IssueSchema>;
