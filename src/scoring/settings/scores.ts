/**
 * Settings of the three scoring dimensions, the composite and the tiers (seeds/004 rubric).
 */
import { z } from 'zod';
import { OPPORTUNITY_TYPES, type OpportunityType } from '../../model/output.js';

const score = z.number().min(1).max(10);
const weight = z.number().min(0).max(1);

/** One band of a 1–10 table: from `min` (inclusive) the score runs from `low` to `high`. */
const BandSchema = z.object({ min: z.number().nonnegative(), low: score, high: score }).strict();
const ascending = (bands: { min: number }[]) =>
  bands.every((b, i) => i === 0 || b.min > bands[i - 1]!.min);
const bandsMessage = 'bands must be listed by ascending min';

/** A per-opportunity-type map whose every key has its own default, so YAML may set a few. */
function perType<T extends z.ZodType>(item: T, defaults: Record<OpportunityType, z.input<T>>) {
  const shape = Object.fromEntries(
    OPPORTUNITY_TYPES.map((t) => [t, (item as z.ZodType).default(defaults[t])]),
  ) as Record<OpportunityType, z.ZodDefault<T>>;
  return z.object(shape).strict().prefault({});
}

export const WeightsSchema = z
  .object({
    /** @default 0.4 */
    revenue: weight.default(0.4),
    /** @default 0.3 */
    effort: weight.default(0.3),
    /** @default 0.3 */
    likelihood: weight.default(0.3),
  })
  .strict()
  .refine((w) => Math.abs(w.revenue + w.effort + w.likelihood - 1) < 1e-9, 'weights must sum to 1');

/** Lowest composite score of each tier; below `tier4` is Tier 5. */
export const TierBoundsSchema = z
  .object({
    /** @default 8 */
    tier1: z.number().default(8),
    /** @default 6 */
    tier2: z.number().default(6),
    /** @default 4 */
    tier3: z.number().default(4),
    /** @default 2 */
    tier4: z.number().default(2),
  })
  .strict()
  .refine(
    (t) => t.tier1 > t.tier2 && t.tier2 > t.tier3 && t.tier3 > t.tier4,
    'tier bounds must descend',
  );

export const RevenueSchema = z
  .object({
    /** Share of the revenue score taken from the % of ARR; the rest from absolute dollars. @default 0.5 */
    relativeWeight: weight.default(0.5),
    /** % of current ARR bands (rubric table). @default 0:1–2, 5:3–4, 10:5–6, 25:7–8, 50:9–10 */
    relativeBands: z
      .array(BandSchema)
      .min(1)
      .refine(ascending, bandsMessage)
      .default([
        { min: 0, low: 1, high: 2 },
        { min: 5, low: 3, high: 4 },
        { min: 10, low: 5, high: 6 },
        { min: 25, low: 7, high: 8 },
        { min: 50, low: 9, high: 10 },
      ]),
    /** % of ARR at which the top band reaches its high score. @default 100 */
    relativeTop: z.number().positive().default(100),
    /** Absolute incremental-ARR bands in catalog currency. @default 0:1–2, 5k:3–4, 10k:5–6, 25k:7–8, 50k:9–10 */
    absoluteBands: z
      .array(BandSchema)
      .min(1)
      .refine(ascending, bandsMessage)
      .default([
        { min: 0, low: 1, high: 2 },
        { min: 5000, low: 3, high: 4 },
        { min: 10000, low: 5, high: 6 },
        { min: 25000, low: 7, high: 8 },
        { min: 50000, low: 9, high: 10 },
      ]),
    /** Dollars at which the top absolute band reaches its high score. @default 100000 */
    absoluteTop: z.number().positive().default(100000),
  })
  .strict();

export const EffortSchema = z
  .object({
    /** Effort score (10 = self-serve) of each type with a single stakeholder.
     * @default seat 8, tier 6, usage 9, add-on 6, new dept 5, new use case 4, displacement 3,
     * services 6, support 7, activation 8, conversion 7, stabilization 4, champion 5 */
    byType: perType(score, {
      seat_expansion: 8,
      tier_upgrade: 6,
      usage_expansion: 9,
      add_on: 6,
      new_department: 5,
      new_use_case: 4,
      competitive_displacement: 3,
      professional_services: 6,
      support_upgrade: 7,
      activation: 8,
      conversion: 7,
      stabilization: 4,
      champion_followup: 5,
    }),
    /** Stakeholders each type needs. @default 1 for seats/usage/support/activation/conversion, 2 tier/add-on/services/stabilization/champion, 3 new dept/use case/displacement */
    stakeholdersByType: perType(z.number().int().min(1), {
      seat_expansion: 1,
      tier_upgrade: 2,
      usage_expansion: 1,
      add_on: 2,
      new_department: 3,
      new_use_case: 3,
      competitive_displacement: 3,
      professional_services: 2,
      support_upgrade: 1,
      activation: 1,
      conversion: 1,
      stabilization: 2,
      champion_followup: 2,
    }),
    /** Effort points lost per stakeholder beyond the first. @default 0.75 */
    perExtraStakeholder: z.number().nonnegative().default(0.75),
    /** Incremental ARR from which procurement joins as a stakeholder. @default 50000 */
    procurementArr: z.number().nonnegative().default(50000),
  })
  .strict();

export const LikelihoodSchema = z
  .object({
    /** Starting likelihood by health light: a healthy account with average engagement and
     * average evidence is a "moderate" 5–6 on the rubric; strong evidence earns the 7–8.
     * @default green 6, yellow 4.5, red 3 */
    healthBase: z
      .object({ green: score.default(6), yellow: score.default(4.5), red: score.default(3) })
      .strict()
      .prefault({}),
    /** Points from engagement (0..1 mapped to ±weight). @default 1.5 */
    engagementWeight: z.number().nonnegative().default(1.5),
    /** Points from evidence strength (0..1 mapped to ±weight). @default 2.5 */
    evidenceWeight: z.number().nonnegative().default(2.5),
    /** Points lost at zero data confidence (scaled by the missing share). @default 3 */
    confidencePenalty: z.number().nonnegative().default(3),
    /** A contact engaged within this many days counts as engaged. @default 90 */
    engagedWithinDays: z.number().int().positive().default(90),
    /** Engaged contacts for full engagement. @default 3 */
    engagedContactsForFull: z.number().int().positive().default(3),
  })
  .strict();
