/**
 * Open the store: Postgres through `pg` when a database URL is given, PGlite otherwise; apply the
 * migrations; hand back a `Store`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { checkSchemaName, type Store } from './db.js';
import { migrate } from './migrate.js';
import { pgDb } from './pg-db.js';
import { createPgliteInstance, pgliteDb } from './pglite-db.js';
import { pgliteWorkerDb } from './pglite-worker.js';

export interface OpenStoreOptions {
  /** PGlite folder, or `memory://` for a throwaway database.
   * @default process.env.HEADROOM_DATA_DIR ?? './.headroom' */
  dataDir?: string;
  /** A Postgres URL; when set (or `DATABASE_URL` is), PGlite is not used.
   * @default process.env.DATABASE_URL */
  databaseUrl?: string;
  /** Schema holding the tables (tests use a random one per run). @default 'public' */
  schema?: string;
  /** An already-open PGlite instance to use (tests share one per file); not closed by close(). */
  pglite?: PGlite;
  /** Run PGlite in its own worker thread (`pglite-worker.ts`), so SQL and JavaScript use both
   * cores. @default true for a folder (unless HEADROOM_DB_THREAD=off), false for `memory://` */
  thread?: boolean;
  /** Environment to read defaults from. @default process.env */
  env?: Record<string, string | undefined>;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const schema = checkSchemaName(options.schema ?? 'public');
  const url =
    options.databaseUrl ?? (options.pglite || options.dataDir ? undefined : env.DATABASE_URL);
  const backend = url ? 'pg' : 'pglite';
  const dataDir = options.dataDir ?? env.HEADROOM_DATA_DIR ?? './.headroom';
  const thread =
    !options.pglite &&
    (options.thread ?? (!dataDir.startsWith('memory://') && env.HEADROOM_DB_THREAD !== 'off'));
  const db = url
    ? pgDb(url, schema)
    : thread
      ? await pgliteWorkerDb(dataDir)
      : pgliteDb(options.pglite ?? (await createPgliteInstance(dataDir)), !options.pglite);
  try {
    await migrate(db, schema);
    // PGlite is one session: set its search_path once (the pool sets it per connection).
    if (backend === 'pglite') await db.exec(`SET search_path TO ${schema}`);
  } catch (err) {
    await db.close().catch(() => undefined);
    const where = url ? 'the Postgres database (DATABASE_URL)' : 'the embedded database';
    throw new Error(`cannot open ${where}: ${(err as Error).message}`, { cause: err });
  }
  // Derived results: beside a PGlite folder; per database and schema for a server; a folder of
  // its own, removed on close, for a database that lives in memory.
  const memory = !url && dataDir.startsWith('memory://');
  const resultsDir =
    env.HEADROOM_RESULTS_DIR ??
    (memory
      ? mkdtempSync(join(tmpdir(), 'headroom-results-'))
      : url
        ? join(
            tmpdir(),
            'headroom-results',
            createHash('sha1').update(`${url}\u0000${schema}`).digest('hex').slice(0, 16),
          )
        : `${dataDir.replace(/[/\\]+$/, '')}-results`);
  return {
    ...db,
    backend,
    schema,
    resultsDir,
    // The schema is part of the key so stores in different schemas of one server never collide.
    tryLock: (key) => db.tryLock(`${schema}:${key}`),
    close: async () => {
      await db.close();
      if (memory && !env.HEADROOM_RESULTS_DIR) rmSync(resultsDir, { recursive: true, force: true });
    },
  };
}
