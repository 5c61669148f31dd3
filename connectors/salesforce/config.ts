/**
 * Salesforce connection settings: one zod schema for the environment (`SALESFORCE_*`), one for
 * the connector options it turns into. Every bad variable is listed at once, by its env name.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';

/** Option key -> environment variable. The table is the documentation of `.env.example`. */
export const SALESFORCE_ENV = {
  auth: 'SALESFORCE_AUTH',
  loginUrl: 'SALESFORCE_LOGIN_URL',
  instanceUrl: 'SALESFORCE_INSTANCE_URL',
  accessToken: 'SALESFORCE_ACCESS_TOKEN',
  clientId: 'SALESFORCE_CLIENT_ID',
  clientSecret: 'SALESFORCE_CLIENT_SECRET',
  redirectUri: 'SALESFORCE_REDIRECT_URI',
  username: 'SALESFORCE_USERNAME',
  privateKey: 'SALESFORCE_PRIVATE_KEY',
  privateKeyFile: 'SALESFORCE_PRIVATE_KEY_FILE',
  apiVersion: 'SALESFORCE_API_VERSION',
  dailyApiShare: 'SALESFORCE_DAILY_API_SHARE',
  bulkThreshold: 'SALESFORCE_BULK_THRESHOLD',
  lookbackSeconds: 'SALESFORCE_LOOKBACK_SECONDS',
  sessionTtlMinutes: 'SALESFORCE_SESSION_TTL_MINUTES',
  timeoutMs: 'SALESFORCE_TIMEOUT_MS',
  maxRetries: 'SALESFORCE_MAX_RETRIES',
} as const;

const url = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .transform((u) => u.replace(/\/+$/, ''));
const int = (min: number) => z.coerce.number().int().min(min);

/** The raw environment: every variable optional and a string, as `process.env` holds them. */
export const SalesforceEnvSchema = z.object(
  Object.fromEntries(
    Object.values(SALESFORCE_ENV).map((name) => [name, z.string().optional()]),
  ) as {
    [K in (typeof SALESFORCE_ENV)[keyof typeof SALESFORCE_ENV]]: z.ZodOptional<z.ZodString>;
  },
);

/** Connector options (`ctx.options`), validated and defaulted. */
export const SalesforceOptionsSchema = z.object({
  /** `token` (instance URL + access token), `oauth` (web-server flow, refresh token in the secret
   * store) or `jwt` (JWT bearer, unattended). @default inferred from the credentials given */
  auth: z.enum(['token', 'oauth', 'jwt']).optional(),
  /** Where OAuth and JWT log in: production, `https://test.salesforce.com`, a My Domain, a proxy
   * or a local test server. @default 'https://login.salesforce.com' */
  loginUrl: url.default('https://login.salesforce.com'),
  /** Overrides the instance URL a token response names (proxies, local servers). */
  instanceUrl: url.optional(),
  accessToken: z.string().min(1).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  redirectUri: url.optional(),
  username: z.string().min(1).optional(),
  /** PEM private key of the connected app's certificate (JWT flow). */
  privateKey: z.string().min(1).optional(),
  privateKeyFile: z.string().min(1).optional(),
  /** @default '62.0' */
  apiVersion: z
    .string()
    .regex(/^\d{2}\.0$/, 'expected a version such as 62.0')
    .default('62.0'),
  /** Stop before this share of the org's daily API allocation is used; `0.5` or `50`. @default 0.5 */
  dailyApiShare: z.coerce
    .number()
    .positive()
    .max(100)
    .default(0.5)
    .transform((v) => (v > 1 ? v / 100 : v)),
  /** Pulls larger than this many records use Bulk API 2.0. @default 10000 */
  bulkThreshold: int(0).default(10_000),
  /** Incremental pulls re-read this far behind the watermark (commit lag). @default 300 */
  lookbackSeconds: int(0).default(300),
  /** Session lifetime set in the org; tokens are refreshed `refreshMarginSeconds` before. @default 120 */
  sessionTtlMinutes: int(1).default(120),
  /** @default 120 */
  refreshMarginSeconds: int(0).default(120),
  /** Per-request timeout. @default 120000 */
  timeoutMs: int(1).default(120_000),
  /** Retries on 503, UNABLE_TO_LOCK_ROW and timeouts. @default 4 */
  maxRetries: int(0).default(4),
  /** First back-off delay (doubles each retry). @default 1000 */
  retryDelayMs: int(0).default(1000),
  /** Bulk API 2.0 job polling. @default 2000 / 600000 */
  bulkPollIntervalMs: int(1).default(2000),
  bulkPollTimeoutMs: int(1).default(600_000),
  /** Records per Bulk API 2.0 results call. @default 50000 */
  bulkPageSize: int(1).default(50_000),
});
export type SalesforceOptions = z.infer<typeof SalesforceOptionsSchema> & {
  auth: 'token' | 'oauth' | 'jwt';
};

/** Environment -> connector options (only the variables that are set). */
export function salesforceOptionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const parsed = SalesforceEnvSchema.parse(env) as Record<string, string | undefined>;
  const out: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(SALESFORCE_ENV)) {
    const v = parsed[name]?.trim();
    if (v) out[key] = key === 'privateKey' ? v.replace(/\\n/g, '\n') : v;
  }
  return out;
}

const envName = (key: string) => SALESFORCE_ENV[key as keyof typeof SALESFORCE_ENV] ?? key;

/** Validate options; every problem is listed with its variable name. */
export function parseSalesforceOptions(
  raw: Record<string, unknown>,
  source: string,
): SalesforceOptions {
  const res = SalesforceOptionsSchema.safeParse(raw);
  if (!res.success) {
    throw new ConfigError(
      source,
      res.error.issues.map((i) => ({ path: envName(String(i.path[0] ?? '')), message: i.message })),
    );
  }
  const o = res.data;
  if (o.privateKeyFile && !o.privateKey) o.privateKey = readKeyFile(o.privateKeyFile, source);
  const auth =
    o.auth ?? (o.privateKey ? 'jwt' : o.accessToken ? 'token' : o.clientId ? 'oauth' : undefined);
  const need: Record<string, (keyof typeof o)[]> = {
    token: ['instanceUrl', 'accessToken'],
    oauth: ['clientId'],
    jwt: ['clientId', 'username', 'privateKey'],
  };
  if (!auth) {
    throw new ConfigError(source, [
      {
        path: 'SALESFORCE_AUTH',
        message:
          'no credentials: set SALESFORCE_INSTANCE_URL + SALESFORCE_ACCESS_TOKEN, or SALESFORCE_CLIENT_ID ' +
          '(OAuth web-server flow), or SALESFORCE_CLIENT_ID + SALESFORCE_USERNAME + SALESFORCE_PRIVATE_KEY(_FILE) (JWT)',
      },
    ]);
  }
  const missing = need[auth]!.filter((k) => o[k] === undefined);
  if (missing.length) {
    throw new ConfigError(
      source,
      missing.map((k) => ({ path: envName(k), message: `required for ${auth} authentication` })),
    );
  }
  return { ...o, auth };
}

function readKeyFile(file: string, source: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      source,
      [
        {
          path: 'SALESFORCE_PRIVATE_KEY_FILE',
          message: `cannot read ${file} (${(cause as Error).message})`,
        },
      ],
      { cause },
    );
  }
}
