/**
 * Reading and saving what ops edit in the console: mappings, the catalog and the scoring
 * settings. A save validates first (nothing invalid reaches the disk), writes the file atomically
 * (the next sync reads it) and records a numbered version in the store (history, who saved it).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseWith, parseYamlText } from '../config/load-yaml.js';
import { ConfigError } from '../errors.js';
import { parseMappingText } from '../mapping/load.js';
import { CatalogSchema } from '../model/catalog.js';
import { ScoringSettingsSchema } from '../scoring/settings/index.js';
import type { Db } from '../store/db.js';
import type { ConnectionInfo } from './deps.js';

export type ConfigKind = 'mapping' | 'catalog' | 'settings';

export interface ConfigVersion {
  version: number;
  savedAt: string;
  savedBy?: string;
}

/** The file's text; '' when it does not exist yet (settings: every default applies). */
export function readText(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** The connection's mapping file; the sync engine's default when none is configured. */
export function mappingFile(mappingsDir: string, c: ConnectionInfo): string {
  return c.mappingFile ?? join(mappingsDir, `${c.connector}.yaml`);
}

/** Validate text of one kind; throws ConfigError naming the file and every bad key path. */
export function validateConfig(
  kind: ConfigKind,
  text: string,
  file: string,
  connection?: ConnectionInfo,
): unknown {
  const name = basename(file);
  if (kind === 'mapping') {
    const mapping = parseMappingText(text, name);
    if (connection && mapping.connector !== connection.connector) {
      throw new ConfigError(name, [
        {
          path: 'connector',
          message: `is "${mapping.connector}" but connection "${connection.name}" uses "${connection.connector}"`,
        },
      ]);
    }
    return mapping;
  }
  const data = parseYamlText(text, name) ?? {};
  return kind === 'catalog'
    ? parseWith(CatalogSchema, data, name)
    : parseWith(ScoringSettingsSchema, data, name);
}

export async function latestVersion(
  db: Db,
  kind: ConfigKind,
  connection = '',
): Promise<ConfigVersion | undefined> {
  const { rows } = await db.query<{ version: number; saved_at: Date; saved_by: string | null }>(
    `SELECT version, saved_at, saved_by FROM config_versions WHERE kind = $1 AND connection = $2
     ORDER BY version DESC LIMIT 1`,
    [kind, connection],
  );
  const r = rows[0];
  return (
    r && {
      version: r.version,
      savedAt: r.saved_at.toISOString(),
      ...(r.saved_by ? { savedBy: r.saved_by } : {}),
    }
  );
}

/**
 * Validate, write `file` atomically, record the next version. Returns the new version number.
 * (Two saves racing for one number: the loser fails on the primary key and answers 500; saves
 * are rare human actions, so no retry loop.)
 */
export async function saveConfig(
  db: Db,
  input: { kind: ConfigKind; file: string; text: string; by: string; connection?: ConnectionInfo },
): Promise<number> {
  validateConfig(input.kind, input.text, input.file, input.connection);
  const tmp = `${input.file}.${process.pid}.tmp`;
  writeFileSync(tmp, input.text, 'utf8');
  renameSync(tmp, input.file);
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO config_versions (kind, connection, version, content, saved_by)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM config_versions WHERE kind = $1 AND connection = $2
     RETURNING version`,
    [input.kind, input.connection?.name ?? '', input.text, input.by],
  );
  return rows[0]!.version;
}
