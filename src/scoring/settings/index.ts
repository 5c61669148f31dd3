/**
 * `config/scoring.yaml`: every threshold and weight of the scoring core, so ops tune them without
 * code. Loader-free: the caller loads the file with `loadYamlFile(ScoringSettingsSchema, file)`.
 * Every key is optional; absent keys take the defaults from the seeds.
 */
import { z } from 'zod';
import { ScalesSchema } from '../../model/scales.js';
import { ConfidenceSchema, TimingSchema } from './gates.js';
import { HealthSchema } from './health.js';
import { TicketThemesSchema } from './themes.js';
import {
  ActivationSchema,
  BenchmarksSchema,
  ChampionSchema,
  GraduationSchema,
  ModulesSchema,
  PowerUsersSchema,
  ServicesSchema,
  UsageSchema,
  WhitespaceSchema,
} from './detectors.js';
import {
  EffortSchema,
  LikelihoodSchema,
  RevenueSchema,
  TierBoundsSchema,
  WeightsSchema,
} from './scores.js';

export const ScoringSettingsSchema = z
  .object({
    /** Composite weights (revenue, effort, likelihood); must sum to 1. */
    weights: WeightsSchema.prefault({}),
    /** Lowest composite of each tier. */
    tiers: TierBoundsSchema.prefault({}),
    revenue: RevenueSchema.prefault({}),
    effort: EffortSchema.prefault({}),
    likelihood: LikelihoodSchema.prefault({}),
    /** The scales NPS, CSAT and health scores come on; `auto` detects each per portfolio. A
     * mapping's declared `scales` win over these where they name a value. */
    scales: ScalesSchema.prefault({}),
    health: HealthSchema.prefault({}),
    /** The vocabulary that classifies ticket themes as enablement or risk. */
    ticketThemes: TicketThemesSchema.prefault({}),
    timing: TimingSchema.prefault({}),
    confidence: ConfidenceSchema.prefault({}),
    usage: UsageSchema.prefault({}),
    graduation: GraduationSchema.prefault({}),
    powerUsers: PowerUsersSchema.prefault({}),
    modules: ModulesSchema.prefault({}),
    whitespace: WhitespaceSchema.prefault({}),
    services: ServicesSchema.prefault({}),
    benchmarks: BenchmarksSchema.prefault({}),
    activation: ActivationSchema.prefault({}),
    champion: ChampionSchema.prefault({}),
  })
  .strict();

export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;

/** The settings with every default applied (what an empty `scoring.yaml` means). */
export const DEFAULT_SETTINGS: ScoringSettings = ScoringSettingsSchema.parse({});
