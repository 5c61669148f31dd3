/**
 * Saved versions of scoring settings, mappings and the catalog. Each save is a new numbered
 * version; nothing is overwritten, so a score change can be traced to the settings that made it.
 */
import type { Db } from './db.js';

export type ConfigKind = 'settings' | 'mapping' | 'catalog';

export interface ConfigVersion {
  kind: ConfigKind;
  connection: string;
  version: number;
  content: string;
  savedAt: string;
  savedBy?: string;
}

/** Save a new version; returns its number. Two saves at once cannot take the same number (the
 * primary key refuses the second, which then retries). */
export async function saveConfigVersion(
  db: Db,
  v: { kind: ConfigKind; connection?: string; content: string; savedBy?: string },
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await db.query<{ version: number }>(
        `INSERT INTO config_versions (kind, connection, version, content, saved_by)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM config_versions WHERE kind = $1 AND connection = $2
         RETURNING version`,
        [v.kind, v.connection ?? '', v.content, v.savedBy ?? null],
      );
      return rows[0]!.version;
    } catch (err) {
      if (attempt >= 3 || (err as { code?: string }).code !== '23505') throw err;
    }
  }
}

/** The latest version, or a given one. */
export async function getConfigVersion(
  db: Db,
  kind: ConfigKind,
  options: { connection?: string; version?: number } = {},
): Promise<ConfigVersion | undefined> {
  const { rows } = await db.query<{
    kind: ConfigKind;
    connection: string;
    version: number;
    content: string;
    saved_at: Date;
    saved_by: string | null;
  }>(
    `SELECT * FROM config_versions WHERE kind = $1 AND connection = $2 AND ($3::int IS NULL OR version = $3)
     ORDER BY version DESC LIMIT 1`,
    [kind, options.connection ?? '', options.version ?? null],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    kind: r.kind,
    connection: r.connection,
    version: r.version,
    content: r.content,
    savedAt: r.saved_at.toISOString(),
    ...(r.saved_by !== null ? { savedBy: r.saved_by } : {}),
  };
}
