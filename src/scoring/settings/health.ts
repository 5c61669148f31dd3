/**
 * Settings of the health light (seeds/001 timing engine, seeds/004 "respect account health").
 * Red means a real retention risk, each rule on its own; milder signals make yellow and, by
 * default, never add up to red (a health score of 67 and a passive NPS are not a churn risk).
 */
import { z } from 'zod';

const days = z.number().int().positive();
const words = (defaults: string[]) => z.array(z.string().min(1)).default(defaults);

export const NpsResponseSchema = z
  .object({
    /** 0–10 responses below this are detractors (red). @default 7 */
    detractorBelow: z.number().min(0).max(10).default(7),
    /** 0–10 responses from this are promoters (green); between: passive (yellow). @default 9 */
    promoterFrom: z.number().min(0).max(10).default(9),
  })
  .strict()
  .refine((r) => r.detractorBelow <= r.promoterFrom, 'detractorBelow must not exceed promoterFrom');

export const HealthSchema = z
  .object({
    /** Health score below which the light is red, on a 0–100 scale (a 0–10 score is compared
     * at a tenth of it). @default 50 */
    scoreRed: z.number().default(50),
    /** Health score below which the light is at least yellow (0–100 scale). @default 70 */
    scoreYellow: z.number().default(70),
    /** NPS index (−100…100) below which the light is red. @default -20 */
    npsRed: z.number().default(-20),
    /** NPS index below which the light is at least yellow. @default 10 */
    npsYellow: z.number().default(10),
    /** Bands of a 0–10 survey response: detractor red, passive yellow, promoter green. */
    npsResponse: NpsResponseSchema.prefault({}),
    /** CSAT below this share of its scale is yellow (1–5: (v − 1) / 4; 0–100: v / 100). Low
     * satisfaction is a warning, not by itself a churn risk. @default 0.6 */
    csatYellow: z.number().min(0).max(1).default(0.6),
    /** A negative QBR within this many days is red. @default 180 */
    qbrWithinDays: days.default(180),
    /** Tickets in 90 days from which there is a spike: red when a theme is a risk (outage, data
     * loss, bug), yellow when no theme says why, no risk when every theme is enablement. @default 15 */
    ticketSpike90d: z.number().int().nonnegative().default(15),
    /** Usage trend (%) at or below which usage declines (yellow). @default -10 */
    declineYellowPct: z.number().default(-10),
    /** Usage trend (%) at or below which usage collapses (red). @default -25 */
    declineRedPct: z.number().default(-25),
    /** A competitor signal within this many days whose detail names dissatisfaction is red. @default 180 */
    competitorWithinDays: days.default(180),
    /** Words (case-insensitive, whole words) that make a competitor signal an evaluation driven
     * by dissatisfaction rather than a tool used alongside. Words that read both ways on a
     * competitor note ("leaving Zapier for us") are left out. */
    competitorRisk: words([
      'replace',
      'replacement',
      'replacing',
      'switch',
      'switching',
      'churn',
      'dissatisfied',
      'unhappy',
      'frustrated',
      'frustration',
      'alternative',
      'alternatives',
    ]),
    /** Yellow reasons that together make the light red; 0 = never (red needs a real risk). @default 0 */
    yellowReasonsForRed: z.number().int().nonnegative().default(0),
  })
  .strict();
