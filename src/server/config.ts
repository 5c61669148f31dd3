/**
 * The server's settings from the environment, validated once at start with every bad variable
 * listed together. Secrets are optional so the local demo starts with none; each missing secret
 * disables exactly the feature that needs it (see the TSDoc of each field).
 */
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { zodProblems } from '../config/load-yaml.js';

const optionalSecret = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

export const ServerEnvSchema = z.object({
  /** Bearer token for the API and the console. Unset = local demo: open on loopback only. */
  HEADROOM_API_TOKEN: optionalSecret.refine((s) => s === undefined || s.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  /** Key of the signed short-lived links to /embed/accounts/:id. Unset = no signed links. */
  HEADROOM_EMBED_SECRET: optionalSecret.refine((s) => s === undefined || s.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  /** Consumer secret of the Salesforce connected app hosting the Canvas view. Unset = /salesforce/canvas refuses. */
  SALESFORCE_CANVAS_SECRET: optionalSecret,
  /** Client secret of the HubSpot app whose card calls /hubspot/app-card/*. Unset = those refuse. */
  HUBSPOT_CLIENT_SECRET: optionalSecret,
  /** The URL the server is reached at from outside (HubSpot signs the full URI; card links). */
  HEADROOM_PUBLIC_URL: z.url().optional(),
  /** Largest accepted request body. @default "1mb" */
  HEADROOM_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i)
    .default('1mb'),
});

/** What `createApp` reads from its configuration. */
export interface ServerConfig {
  apiToken?: string | undefined;
  embedSecret?: string | undefined;
  canvasConsumerSecret?: string | undefined;
  hubspotClientSecret?: string | undefined;
  /** Without a trailing slash, e.g. `https://headroom.example.com`. */
  publicBaseUrl?: string | undefined;
  /** @default "1mb" */
  bodyLimit?: string | undefined;
}

/** Read and check the server's environment variables; throws a ConfigError listing all problems. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const res = ServerEnvSchema.safeParse(env);
  if (!res.success) throw new ConfigError('environment', zodProblems(res.error));
  const e = res.data;
  return {
    apiToken: e.HEADROOM_API_TOKEN,
    embedSecret: e.HEADROOM_EMBED_SECRET,
    canvasConsumerSecret: e.SALESFORCE_CANVAS_SECRET,
    hubspotClientSecret: e.HUBSPOT_CLIENT_SECRET,
    publicBaseUrl: e.HEADROOM_PUBLIC_URL?.replace(/\/+$/, ''),
    bodyLimit: e.HEADROOM_BODY_LIMIT,
  };
}
