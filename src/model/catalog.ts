/**
 * The product catalog: what a customer can buy. Also the shape of `config/catalog.yaml` and of a
 * `catalog.yaml` dropped into a files-connector folder. Prices are annual, in `currency`.
 */
import { z } from 'zod';

/** Exactly one of the three pricing forms. */
export const PriceSchema = z
  .object({
    /** Annual price per licensed seat. */
    perSeat: z.number().nonnegative().optional(),
    /** Annual flat price. */
    flat: z.number().nonnegative().optional(),
    /** Share of the account's current ARR, as a fraction (0.15 = 15%). */
    pctOfArr: z.number().min(0).max(5).optional(),
  })
  .strict()
  .refine(
    (p) => [p.perSeat, p.flat, p.pctOfArr].filter((v) => v !== undefined).length === 1,
    'a price has exactly one of perSeat, flat or pctOfArr',
  );

export const TierSchema = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    seatPrice: z.number().nonnegative(),
    /** Plan limits per usage metric (e.g. `api_calls: 1000000`). Seats are limited by the licence. */
    limits: z.record(z.string(), z.number().nonnegative()).default({}),
    features: z.array(z.string()).default([]),
  })
  .strict();

export const ModuleSchema = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    price: PriceSchema,
    /** Workaround / initiative / ticket-theme / competitor keywords this module solves. */
    addresses: z.array(z.string()).default([]),
    requiresTier: z.string().optional(),
  })
  .strict();

export const ServiceSchema = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    price: PriceSchema,
    /** What makes this service relevant: `new_department`, `low_adoption`, `ticket_volume`, ... */
    triggers: z.array(z.string()).default([]),
  })
  .strict();

export const CatalogSchema = z
  .object({
    currency: z.string().length(3).default('USD'),
    /** In ascending order: the first is the entry tier, the last the top one. */
    tiers: z.array(TierSchema).min(1),
    modules: z.array(ModuleSchema).default([]),
    services: z.array(ServiceSchema).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [i, k] of [...c.tiers, ...c.modules, ...c.services].map((x) => x.key).entries()) {
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `duplicate key "${k}"`, path: [i] });
      seen.add(k);
    }
    const tierKeys = new Set(c.tiers.map((t) => t.key));
    c.modules.forEach((m, i) => {
      if (m.requiresTier && !tierKeys.has(m.requiresTier))
        ctx.addIssue({
          code: 'custom',
          message: `requiresTier "${m.requiresTier}" is not a tier key`,
          path: ['modules', i, 'requiresTier'],
        });
    });
  });

export type Price = z.infer<typeof PriceSchema>;
export type Tier = z.infer<typeof TierSchema>;
export type Module = z.infer<typeof ModuleSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
