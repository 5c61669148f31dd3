/**
 * The embedded backend: PGlite (Postgres 17+ compiled to WASM) in a folder on disk, or in memory
 * (`memory://`) for tests. One process owns a PGlite folder, so the run lock is in-process.
 * https://pglite.dev/docs/api
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { CopyRows } from './bulk/copy-text.js';
import { copySql, TYPE_PARSERS, type Db, type Release } from './db.js';

/** Locks held per PGlite instance: several Store objects may share one instance (tests). */
const held = new WeakMap<PGlite, Set<string>>();

/**
 * A Blob over bytes already in memory. PGlite reads a COPY's input with `arrayBuffer()`, which
 * Node's own Blob answers by streaming its bytes back in parts and joining them: 2.5 s of the
 * database thread in a first sync of 20k accounts (`node --cpu-prof`, 2026-12-07). This one
 * answers with the bytes it was made from; everything else is the Blob's own.
 */
class BytesBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([bytes]);
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#bytes;
    const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
    return Promise.resolve(
      whole ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength),
    );
  }
}

/** COPY from a blob: PGlite's stand-in for STDIN. https://pglite.dev/docs/api#blob */
export async function pgliteCopyIn(
  q: Pick<Transaction, 'query'>,
  table: string,
  columns: readonly string[],
  /** The rows in COPY's text format, as UTF-8 (`CopyRows.bytes`). */
  bytes: Uint8Array<ArrayBuffer>,
  /** The number of rows in `bytes`, for when PGlite does not say how many it loaded. */
  rows: number,
): Promise<number> {
  if (!bytes.byteLength) return 0;
  const res = await q.query(copySql(table, columns, "'/dev/blob'"), [], {
    blob: new BytesBlob(bytes),
  });
  return res.affectedRows ?? rows;
}

const copyIn = (
  q: Pick<Transaction, 'query'>,
  table: string,
  columns: readonly string[],
  rows: CopyRows,
) => pgliteCopyIn(q, table, columns, rows.bytes(), rows.count);

export async function pgliteCopyOut(
  q: Pick<Transaction, 'query'>,
  select: string,
): Promise<string> {
  const res = await q.query(`COPY (${select}) TO '/dev/blob'`);
  return res.blob ? res.blob.text() : '';
}

function wrapTx(tx: Transaction): Db {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await tx.query<T>(sql, params as unknown[])).rows,
    }),
    exec: async (sql) => {
      await tx.exec(sql);
    },
    copyIn: (table, columns, rows) => copyIn(tx, table, columns, rows),
    copyOut: (select) => pgliteCopyOut(tx, select),
    // PGlite has no nested transactions; the caller is already inside one.
    transaction: (fn) => fn(wrapTx(tx)),
    close: async () => undefined,
  };
}

/**
 * PGlite over a folder (created if missing) or `memory://`. A folder that holds no database yet
 * gets one from an instance of its own, closed before the one returned opens it: creating the
 * database (initdb) grows PGlite's WebAssembly memory by about 350 MB that it never gives back.
 * A store opened on a new folder (its database in its thread) holds 0.57 GB instead of 0.93
 * (2026-12-07), for about 0.4 s more, once; a large first sync grows the memory back as it
 * needs it.
 */
export async function createPgliteInstance(dataDir: string): Promise<PGlite> {
  const folder = !dataDir.startsWith('memory://') && !dataDir.includes('://');
  if (folder) {
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await (await PGlite.create(dataDir)).close();
  }
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
    copyIn: (table, columns, rows) => copyIn(pg, table, columns, rows),
    copyOut: (select) => pgliteCopyOut(pg, select),
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
