/**
 * Numbered SQL migrations (`migrations/NNN_name.sql`), applied in order at open and recorded in
 * `schema_migrations`. All of it runs in one transaction behind a transaction-scoped advisory
 * lock, so two processes opening the same database at once apply each migration exactly once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The migrations shipped with Headroom, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f,
      sql: readFileSync(`${dir}/${f}`, 'utf8'),
    }));
}

/** Apply what is missing; returns the names applied now. */
export async function migrate(
  db: Db,
  schema: string,
  migrations = loadMigrations(),
): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Serialize concurrent openers; released at commit. https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`headroom:migrate:${schema}`]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET LOCAL search_path TO ${schema};`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await tx.exec(m.sql);
      } catch (cause) {
        throw new Error(`migration ${m.name} failed: ${(cause as Error).message}`, { cause });
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.name);
    }
    return applied;
  });
}
