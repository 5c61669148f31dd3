/**
 * The embedded backend: PGlite (Postgres 17+ compiled to WASM) in a folder on disk, or in memory
 * (`memory://`) for tests. One process owns a PGlite folder, so the run lock is in-process.
 * https://pglite.dev/docs/api
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { TYPE_PARSERS, type Db, type Release } from './db.js';

/** Locks held per PGlite instance: several Store objects may share one instance (tests). */
const held = new WeakMap<PGlite, Set<string>>();

function wrapTx(tx: Transaction): Db {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await tx.query<T>(sql, params as unknown[])).rows,
    }),
    exec: async (sql) => {
      await tx.exec(sql);
    },
    // PGlite has no nested transactions; the caller is already inside one.
    transaction: (fn) => fn(wrapTx(tx)),
    close: async () => undefined,
  };
}

export async function createPgliteInstance(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://') && !dataDir.includes('://'))
    mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { parsers: TYPE_PARSERS });
}

/** A Db over a PGlite instance. `ownsInstance`: close() closes the instance too. */
export function pgliteDb(
  pg: PGlite,
  ownsInstance: boolean,
): Db & { tryLock(key: string): Promise<Release | undefined> } {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await pg.query<T>(sql, params as unknown[])).rows,
    }),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTx(tx))),
    close: async () => {
      if (ownsInstance && !pg.closed) await pg.close();
    },
    tryLock: async (key) => {
      let keys = held.get(pg);
      if (!keys) held.set(pg, (keys = new Set()));
      if (keys.has(key)) return undefined;
      keys.add(key);
      return async () => {
        keys.delete(key);
      };
    },
  };
}
