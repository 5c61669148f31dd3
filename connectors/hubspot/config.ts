/**
 * HubSpot connection settings. `ctx.options` carries them under their environment names
 * (`HUBSPOT_*`), so a connection configured in a file reads exactly like one configured in the
 * environment; one zod schema validates both and lists every bad setting at once.
 */
import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';
import { zodProblems } from '../../src/config/load-yaml.js';

const optional = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Scopes a public app asks for: read companies/contacts/deals/custom objects, write companies,
 * deals and tasks (tasks ride on the contacts scopes), manage the properties and the pipeline. */
export const DEFAULT_SCOPES = [
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.custom.read',
  'crm.objects.owners.read',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.deals.read',
  'crm.schemas.deals.write',
];

export const HubspotEnvSchema = z
  .object({
    /** API base URL; point it at a proxy or a local plain-http test server.
     * @default "https://api.hubapi.com" */
    HUBSPOT_BASE_URL: z.url().default('https://api.hubapi.com'),
    /** Private-app access token. When set, OAuth is not used. */
    HUBSPOT_ACCESS_TOKEN: optional,
    /** Public app (OAuth): client id, secret and the redirect URI registered with the app. */
    HUBSPOT_CLIENT_ID: optional,
    HUBSPOT_CLIENT_SECRET: optional,
    HUBSPOT_REDIRECT_URI: optional.pipe(z.url().optional()),
    /** The portal (hub) id of this connection's HubSpot account: the app card's requests from
     * that portal read this connection's accounts; requests from any other portal are refused. */
    HUBSPOT_PORTAL_ID: optional.pipe(
      z.string().regex(/^\d+$/, 'a numeric HubSpot portal id').optional(),
    ),
    /** Bootstrap refresh token, used only until one is stored in the secret store. */
    HUBSPOT_REFRESH_TOKEN: optional,
    /** Space-separated OAuth scopes. @default DEFAULT_SCOPES */
    HUBSPOT_SCOPES: optional,
    /** Calls per rolling 10 s for this connection: 100 (Free/Starter), 190 (Professional,
     * Enterprise). @default 100 */
    HUBSPOT_RATE_LIMIT_PER_10S: positiveInt(100),
    /** Search API calls per second (HubSpot allows 5 per account). @default 5 */
    HUBSPOT_SEARCH_RATE_PER_SECOND: positiveInt(5),
    /** Retries of a call after a 429 (not DAILY), a 5xx or a network error. @default 5 */
    HUBSPOT_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(5),
    /** Refresh an OAuth access token this long before it expires. @default 300 */
    HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS: positiveInt(300),
    /** Incremental pulls overlap the previous one by this much: HubSpot's search index lags
     * writes by a few seconds, and re-reading a record is harmless. @default 120 */
    HUBSPOT_SYNC_OVERLAP_SECONDS: z.coerce.number().int().min(0).default(120),
  })
  .superRefine(
    (e, ctx) => {
      if (e.HUBSPOT_ACCESS_TOKEN?.trim()) return;
      for (const key of ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET'] as const) {
        if (!e[key]?.trim()) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'required when HUBSPOT_ACCESS_TOKEN is not set (OAuth public app)',
          });
        }
      }
    },
    // Run even when other settings are bad, so every problem is listed at once.
    { when: () => true },
  );

export type HubspotEnv = z.infer<typeof HubspotEnvSchema>;

/** Validated settings in the shape the connector uses. */
export interface HubspotConfig {
  baseUrl: string;
  accessToken?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  redirectUri?: string | undefined;
  refreshToken?: string | undefined;
  scopes: string[];
  ratePer10s: number;
  searchRatePerSecond: number;
  maxRetries: number;
  refreshMarginMs: number;
  overlapMs: number;
}

/** Validate `ctx.options`; throws a ConfigError listing every bad setting. */
export function parseHubspotOptions(options: Record<string, unknown>): HubspotConfig {
  const res = HubspotEnvSchema.safeParse(options);
  if (!res.success) throw new ConfigError('HubSpot connection settings', zodProblems(res.error));
  const e = res.data;
  return {
    baseUrl: e.HUBSPOT_BASE_URL.replace(/\/+$/, ''),
    accessToken: e.HUBSPOT_ACCESS_TOKEN,
    clientId: e.HUBSPOT_CLIENT_ID,
    clientSecret: e.HUBSPOT_CLIENT_SECRET,
    redirectUri: e.HUBSPOT_REDIRECT_URI,
    refreshToken: e.HUBSPOT_REFRESH_TOKEN,
    scopes: e.HUBSPOT_SCOPES ? e.HUBSPOT_SCOPES.split(/[\s,]+/).filter(Boolean) : DEFAULT_SCOPES,
    ratePer10s: e.HUBSPOT_RATE_LIMIT_PER_10S,
    searchRatePerSecond: e.HUBSPOT_SEARCH_RATE_PER_SECOND,
    maxRetries: e.HUBSPOT_MAX_RETRIES,
    refreshMarginMs: e.HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS * 1000,
    overlapMs: e.HUBSPOT_SYNC_OVERLAP_SECONDS * 1000,
  };
}

/** The `HUBSPOT_*` variables of an environment, as connector options. */
export function hubspotOptionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('HUBSPOT_') && v !== undefined),
  );
}
