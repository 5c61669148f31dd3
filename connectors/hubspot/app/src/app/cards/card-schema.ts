/**
 * What the Headroom server answers the card (`GET /hubspot/app-card/...`): the shared card view
 * model of src/view/account-card.ts, already worded. HubSpot builds this folder on its own, so
 * the shape is restated here and checked at the boundary; test/hubspot-app checks that the
 * server's real answers parse.
 */
import { z } from 'zod';

const Health = z.enum(['green', 'yellow', 'red']);

export const CardOpportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  tier: z.number(),
  tierLabel: z.string(),
  score: z.string(),
  estimatedArrText: z.string(),
  timing: z.string(),
  timingLabel: z.string(),
  timingReason: z.string(),
  deadline: z.string(),
  topEvidence: z.string(),
  evidence: z.array(z.string()),
  pitch: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  statusReason: z.string().optional(),
  actions: z.array(z.enum(['accept', 'dismiss'])),
});

export const AccountCardSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  arrText: z.string().optional(),
  scored: z.boolean(),
  score: z.string().optional(),
  tier: z.number().optional(),
  tierLabel: z.string().optional(),
  health: z.object({ light: Health, label: z.string(), reasons: z.array(z.string()) }).optional(),
  readiness: z.object({ value: z.string(), label: z.string() }).optional(),
  potentialArrText: z.string().optional(),
  flags: z.array(z.string()),
  nextAction: z.object({
    text: z.string(),
    opportunityId: z.string().optional(),
    deadline: z.string().optional(),
  }),
  opportunities: z.array(CardOpportunitySchema),
  moreOpportunities: z.number(),
  link: z.string(),
  owner: z.string().optional(),
  renewal: z.string().optional(),
});

export const CardResponseSchema = z.object({
  card: AccountCardSchema,
  focus: CardOpportunitySchema.optional(),
});

/** The server's error body: `{ error: { code, message } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type CardOpportunity = z.infer<typeof CardOpportunitySchema>;
export type AccountCardData = z.infer<typeof AccountCardSchema>;
export type CardResponse = z.infer<typeof CardResponseSchema>;
