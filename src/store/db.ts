/**
 * The one database contract the rest of Headroom talks to. Two implementations: PGlite (Postgres
 * compiled to WASM, the embedded default) and a `pg` pool (a Postgres server). Both speak the
 * same SQL dialect, so queries and migrations are written once.
 */

import type { CopyRows } from './bulk/copy-text.js';

/** A connection (or transaction) that runs SQL with `$1`-style parameters. */
export interface Db {
  /** Run one statement. Rows come back with `date` columns as `YYYY-MM-DD` strings and `bigint`
   * / `numeric` columns as numbers, on both backends. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Run a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-load rows with `COPY table (columns) FROM STDIN` in COPY's text format, as
   * `bulk/copy-text.ts` writes them (`CopyRows`). Resolves the number of rows loaded. PGlite
   * reads them as a blob (`FROM '/dev/blob'`), `pg` through pg-copy-streams. A temporary
   * (staging) table exists only on its own connection: load it inside `transaction`.
   */
  copyIn(table: string, columns: readonly string[], rows: CopyRows): Promise<number>;
  /**
   * `COPY (select) TO STDOUT` in COPY's text format, as one string: several times cheaper than
   * rows as objects for a large read of short columns. COPY takes no parameters: set them with
   * `set_config` in the same transaction and read them with `current_setting`.
   */
  copyOut(select: string): Promise<string>;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A held lock; call it to release. */
export type Release = () => Promise<void>;

/** The store: a Db plus the per-connection run lock. */
export interface Store extends Db {
  readonly backend: 'pglite' | 'pg';
  /** The schema all tables live in (`public` unless a test asked for its own). */
  readonly schema: string;
  /** A local folder for results derived from the store and kept to save work later (the output
   * files' cache, `output/results-cache.ts`): beside a PGlite folder, in the system's temporary
   * folder for a server or a `memory://` database, or `HEADROOM_RESULTS_DIR`. */
  readonly resultsDir: string;
  /**
   * Try to take a named lock without waiting. Postgres: a session advisory lock
   * (`pg_try_advisory_lock(hashtext(key))`) held on a dedicated connection, so it also excludes
   * other processes. PGlite: an in-process lock, since only one process can open a PGlite folder.
   * Resolves `undefined` when someone else holds it.
   */
  tryLock(key: string): Promise<Release | undefined>;
}

/** Type parsers shared by both backends: Postgres type oid -> parser. */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  /** int8 (count(*), sums): counts here stay far below 2^53. */
  20: Number,
  /** numeric */
  1700: Number,
  /** date: keep the calendar date, never a local-midnight Date object. */
  1082: (v) => v,
};

/** The COPY statement for a table and its columns (names are Headroom's own, never input). */
export const copySql = (table: string, columns: readonly string[], from: string): string =>
  `COPY ${table} (${columns.join(', ')}) FROM ${from}`;

/** A schema name safe to splice into SQL (tests use random ones). */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name "${schema}" (lowercase letters, digits and _ only)`);
  }
  return schema;
}
