/**
 * The environment, validated once at start: every bad variable is listed together (Nango's
 * environment parse is the model). Connector variables (SALESFORCE_*, HUBSPOT_*) are validated by
 * each connector's own schema when that connector is used.
 */
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { zodProblems } from './config/load-yaml.js';

const optionalString = z.string().trim().min(1).optional().catch(undefined);

export const EnvSchema = z.object({
  /** HTTP port of the server. @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the server binds to. @default 127.0.0.1 (use 0.0.0.0 behind a proxy, with a token) */
  HOST: z.string().default('127.0.0.1'),
  /** Embedded database folder (PGlite). @default ./.headroom */
  HEADROOM_DATA_DIR: z.string().default('./.headroom'),
  /** A Postgres server instead of the embedded database, e.g. postgres://user@host:5432/db. */
  DATABASE_URL: optionalString,
  /** Local folder for the output files' cache, so a run that changed a few accounts patches
   * them (`src/output/results-cache.ts`). @default `<HEADROOM_DATA_DIR>-results` beside the
   * embedded database; the system's temporary folder with DATABASE_URL */
  HEADROOM_RESULTS_DIR: optionalString,
  /** Key for secrets kept in the store (AES-256-GCM): 32 bytes as base64/hex, or a passphrase. */
  HEADROOM_SECRET_KEY: optionalString,
  /** Bearer token for the console and the API. Unset: the console is open on loopback only. */
  HEADROOM_API_TOKEN: optionalString,
  /** Secret for signed short-lived links to the embedded account view. */
  HEADROOM_EMBED_SECRET: optionalString,
  /** Salesforce Canvas connected app's consumer secret (verifies signed requests). */
  SALESFORCE_CANVAS_SECRET: optionalString,
  /** HubSpot app client secret (verifies X-HubSpot-Signature-v3 on CRM card requests). */
  HUBSPOT_CLIENT_SECRET: optionalString,
  /** Public base URL of this server (for links placed in the CRM). @default http://localhost:PORT */
  HEADROOM_PUBLIC_URL: optionalString,
  /** Cron expression for scheduled syncs inside the server; unset = no schedule. */
  SYNC_SCHEDULE: optionalString,
  /** Time zone of SYNC_SCHEDULE. @default UTC */
  SYNC_TIMEZONE: z.string().default('UTC'),
  /** Product catalog. @default config/catalog.yaml */
  HEADROOM_CATALOG: z.string().default('config/catalog.yaml'),
  /** Scoring settings. @default config/scoring.yaml */
  HEADROOM_SCORING: z.string().default('config/scoring.yaml'),
  /** Connections file. @default config/connections.yaml */
  HEADROOM_CONNECTIONS: z.string().default('config/connections.yaml'),
  /** Folder `npm start` syncs. @default examples/demo */
  HEADROOM_DEMO_SOURCE: z.string().default('examples/demo'),
  /** Where `npm start` writes the outputs. @default out */
  HEADROOM_OUT: z.string().default('out'),
  /** The run's "as of" date (YYYY-MM-DD). @default today (the demo: its generation date) */
  HEADROOM_AS_OF: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
  /** The embedded database in its own thread (`off`: in the main thread). Read by openStore. */
  HEADROOM_DB_THREAD: z.enum(['on', 'off']).default('on'),
  /** Pull and map some export files in a worker thread (the second core). @default auto */
  HEADROOM_PULL_WORKER: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Read the output files' cache and render the playbook of a run that changed a few accounts
   * in a thread of its own (`runtime/playbook-thread.ts`). @default auto */
  HEADROOM_OUTPUT_THREAD: z.enum(['auto', 'on', 'off']).default('auto'),
  /** A sync warns (log and run record) when more than this share of accounts is red. @default 0.6 */
  HEADROOM_WARN_RED_SHARE: z.coerce.number().min(0).max(1).default(0.6),
  /** ... or when more than this share of an object's records, or of one field's values, was
   * refused on the way in. @default 0.2 */
  HEADROOM_WARN_REFUSED_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  /** Refusal shares are judged on objects with at least this many pulled records. @default 20 */
  HEADROOM_WARN_MIN_RECORDS: z.coerce.number().int().min(1).default(20),
  /** pino level. @default info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parse the environment; throws a ConfigError listing every bad variable. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const res = EnvSchema.safeParse(env);
  if (!res.success) throw new ConfigError('environment', zodProblems(res.error));
  return res.data;
}
