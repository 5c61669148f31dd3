/**
 * The scales a portfolio's survey and health values come on. CRMs disagree: NPS is either the
 * latest survey response (0–10) or the account's NPS index (−100…100); CSAT is 1–5, 0–100 or a
 * fraction; health scores are 0–10 or 0–100. `auto` (the default) detects the scale per
 * portfolio. Declared in `config/scoring.yaml` (`scales`) and, per connection, at the top of a
 * mapping file (`scales`), which wins where it names a value.
 */
import { z } from 'zod';

export const NpsScaleSchema = z.enum(['response', 'index', 'auto']);
export const CsatScaleSchema = z.enum(['1-5', '0-100', 'fraction', 'auto']);
export const HealthScoreScaleSchema = z.enum(['0-10', '0-100', 'auto']);

export const ScalesSchema = z
  .object({
    /** `response`: latest survey answer 0–10; `index`: NPS −100…100. @default 'auto' */
    nps: NpsScaleSchema.default('auto'),
    /** @default 'auto' */
    csat: CsatScaleSchema.default('auto'),
    /** @default 'auto' */
    healthScore: HealthScoreScaleSchema.default('auto'),
  })
  .strict();

export type Scales = z.infer<typeof ScalesSchema>;
export type NpsScale = z.infer<typeof NpsScaleSchema>;
export type CsatScale = z.infer<typeof CsatScaleSchema>;
export type HealthScoreScale = z.infer<typeof HealthScoreScaleSchema>;

/** A mapping file's declaration: only the keys it names (no defaults filled in). */
export const DeclaredScalesSchema = z
  .object({
    nps: NpsScaleSchema.optional(),
    csat: CsatScaleSchema.optional(),
    healthScore: HealthScoreScaleSchema.optional(),
  })
  .strict();
export type DeclaredScales = z.infer<typeof DeclaredScalesSchema>;
