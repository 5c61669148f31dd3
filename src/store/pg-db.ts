/**
 * The server backend: a `pg` connection pool, used when `DATABASE_URL` is set.
 * https://node-postgres.com/apis/pool
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { CopyRows } from './bulk/copy-text.js';
import { copySql, TYPE_PARSERS, type Db, type Release } from './db.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

function types(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      TYPE_PARSERS[oid] ??
      pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}

function queryable(q: Queryable): Pick<Db, 'query' | 'exec'> {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const res = await q.query(sql, params);
      return { rows: res.rows as T[] };
    },
    exec: async (sql) => {
      await q.query(sql);
    },
  };
}

/** The rows' bytes in pieces of 64 KiB: one socket write each. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
}

/** COPY ... FROM STDIN on one client. https://github.com/brianc/node-pg-copy-streams */
async function copyIn(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: CopyRows,
): Promise<number> {
  if (!rows.count) return 0;
  const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
  await pipeline(Readable.from(pieces(rows.view())), stream);
  return stream.rowCount;
}

async function copyOut(client: pg.PoolClient, select: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(`COPY (${select}) TO STDOUT`)))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function clientDb(client: pg.PoolClient): Db {
  return {
    ...queryable(client),
    copyIn: (table, columns, rows) => copyIn(client, table, columns, rows),
    copyOut: (select) => copyOut(client, select),
    // Nested calls join the outer transaction.
    transaction: (fn) => fn(clientDb(client)),
    close: async () => undefined,
  };
}

/** A Db over a pool. `schema` becomes every connection's search_path. */
export function pgDb(
  connectionString: string,
  schema: string,
): Db & { tryLock(key: string): Promise<Release | undefined> } {
  const pool = new pg.Pool({
    connectionString,
    max: 5,
    types: types(),
    options: `-c search_path=${schema}`,
  });
  return {
    ...queryable(pool),
    copyIn: async (table, columns, rows) => {
      const client = await pool.connect();
      try {
        return await copyIn(client, table, columns, rows);
      } finally {
        client.release();
      }
    },
    copyOut: async (select) => {
      const client = await pool.connect();
      try {
        return await copyOut(client, select);
      } finally {
        client.release();
      }
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(clientDb(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    // A session advisory lock lives as long as its connection, so the lock keeps one client
    // checked out until released. https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS
    tryLock: async (key) => {
      const client = await pool.connect();
      try {
        const res = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock(hashtext($1)) AS ok',
          [key],
        );
        if (!res.rows[0]?.ok) {
          client.release();
          return undefined;
        }
      } catch (err) {
        client.release();
        throw err;
      }
      return async () => {
        try {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        } finally {
          client.release();
        }
      };
    },
  };
}
