/**
 * Connections: which CRM (or folder) each connection reads, with which mapping, whether it writes
 * back, and on what schedule. Kept in `config/connections.yaml`; `${ENV_VAR}` references (and
 * `${ENV_VAR:-default}`) are resolved from the environment so secrets stay out of the file.
 *
 * ```yaml
 * connections:
 *   - name: salesforce
 *     connector: salesforce
 *     mapping: mappings/salesforce.yaml
 *     writeBack: true
 *     schedule: "0 *\/4 * * *"
 *     timezone: Europe/Berlin
 *     options: { instanceUrl: "${SALESFORCE_INSTANCE_URL}" }
 * ```
 */
import { resolve } from 'node:path';
import { validate as validCron } from 'node-cron';
import { z } from 'zod';
import { parseWith, parseYamlText, readConfigText } from '../config/load-yaml.js';
import { ConfigError } from '../errors.js';
import { loadMapping } from '../mapping/load.js';
import type { SyncConnection } from './types.js';

const validZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ConnectionSchema = z
  .object({
    /** Unique; prefixes neutral ids (`name:crmId`), so no colon. */
    name: z.string().regex(/^[A-Za-z0-9][\w-]*$/, 'letters, digits, _ and - only'),
    /** Registry name: files, salesforce, hubspot. */
    connector: z.string().min(1),
    /** Mapping file, relative to the working directory. @default mappings/<connector>.yaml */
    mapping: z.string().min(1).optional(),
    /** Write results back into the CRM. @default false */
    writeBack: z.boolean().default(false),
    /** Cron expression for the in-server schedule. @default SYNC_SCHEDULE */
    schedule: z
      .string()
      .refine((s) => validCron(s), 'not a valid cron expression')
      .optional(),
    /** IANA time zone of the schedule. @default SYNC_TIMEZONE */
    timezone: z.string().refine(validZone, 'not an IANA time zone').optional(),
    /** Mass-change guard: the largest share (0–1) of accounts that may disappear, or of open
     * opportunities that may close, in one run without a confirmation. @default 0.2 */
    massChangeShare: z.number().min(0).max(1).optional(),
    /** Connector settings, validated by the connector's factory. */
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type ConnectionConfig = z.infer<typeof ConnectionSchema>;

export const ConnectionsFileSchema = z
  .object({ connections: z.array(ConnectionSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.connections.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: ['connections', i, 'name'],
          message: `duplicate connection name "${c.name}"`,
        });
      seen.add(c.name);
    });
  });

/** Replace `${VAR}` / `${VAR:-default}` in every string; unknown variables are problems. */
export function resolveEnvRefs(
  value: unknown,
  env: Record<string, string | undefined>,
  problems: { path: string; message: string }[],
  path: string[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
      (_m, name: string, fallback?: string) => {
        const v = env[name] ?? fallback;
        if (v === undefined)
          problems.push({
            path: path.join('.'),
            message: `environment variable ${name} is not set`,
          });
        return v ?? '';
      },
    );
  }
  if (Array.isArray(value))
    return value.map((v, i) => resolveEnvRefs(v, env, problems, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveEnvRefs(v, env, problems, [...path, k])]),
    );
  }
  return value;
}

export function parseConnections(
  text: string,
  file: string,
  env: Record<string, string | undefined> = process.env,
): ConnectionConfig[] {
  const problems: { path: string; message: string }[] = [];
  const data = resolveEnvRefs(parseYamlText(text, file), env, problems);
  if (problems.length) throw new ConfigError(file, problems);
  return parseWith(ConnectionsFileSchema, data, file).connections;
}

export function loadConnections(
  file: string,
  env: Record<string, string | undefined> = process.env,
): ConnectionConfig[] {
  return parseConnections(readConfigText(file), file, env);
}

/** Load a connection's mapping and check it is written for the same connector. */
export function resolveConnection(config: ConnectionConfig, cwd = process.cwd()): SyncConnection {
  const mappingFile = resolve(cwd, config.mapping ?? `mappings/${config.connector}.yaml`);
  const mapping = loadMapping(mappingFile);
  if (mapping.connector !== config.connector) {
    throw new ConfigError(mappingFile, [
      {
        path: 'connector',
        message: `is ${mapping.connector}, but connection ${config.name} uses the ${config.connector} connector`,
      },
    ]);
  }
  return {
    name: config.name,
    connector: config.connector,
    mappingFile,
    mapping,
    writeBack: config.writeBack,
    options: config.options,
    ...(config.massChangeShare !== undefined ? { massChangeShare: config.massChangeShare } : {}),
  };
}
