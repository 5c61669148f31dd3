/**
 * The store backends every store and sync suite runs against: PGlite in-process and in its own
 * thread (the default for a data folder) always, a real Postgres server when `DATABASE_URL` is
 * set. Each suite gets its own schema on the server (random name,
 * dropped afterwards) so parallel runs never collide.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/db.js';

export interface Backend {
  name: 'pglite' | 'pglite-thread' | 'pg';
  /** A fresh, migrated, empty store. */
  open(): Promise<Store>;
  /** Drop what open() created. */
  cleanup(): Promise<void>;
}

function pgliteBackend(thread = false): Backend {
  const stores: Store[] = [];
  return {
    name: thread ? 'pglite-thread' : 'pglite',
    open: async () => {
      const s = await openStore({ dataDir: 'memory://', thread });
      stores.push(s);
      return s;
    },
    cleanup: async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
    },
  };
}

function pgBackend(url: string): Backend {
  const stores: Store[] = [];
  const schemas: string[] = [];
  return {
    name: 'pg',
    open: async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      const s = await openStore({ databaseUrl: url, schema });
      stores.push(s);
      return s;
    },
    cleanup: async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const schema of schemas.splice(0))
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export const DATABASE_URL = process.env.DATABASE_URL;

/** Backends for `describe.each`. */
export function backends(): Backend[] {
  return [pgliteBackend(), pgliteBackend(true), ...(DATABASE_URL ? [pgBackend(DATABASE_URL)] : [])];
}
