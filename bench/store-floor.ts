/**
 * The store's floor: the rows a sync left in a store, written again into an empty store with the
 * same schema the way the bulk paths write them (COPY in chunks, `src/store/bulk/`), and nothing
 * else: no export read, nothing mapped, hashed, scored or narrated. What the database alone takes
 * to hold those rows, so the least time any sync that leaves them can take on that store.
 *
 * Each table is read in its primary key's order (a sync writes in about that order: ids as the
 * exports list them) a page at a time, and written in one transaction per table (no commit
 * between chunks: the cheapest way to write them). Only the writes and their commits are timed.
 */
import { readFileSync } from 'node:fs';
import { CopyRows, parseCopyText } from '../src/store/bulk/copy-text.js';
import type { Store } from '../src/store/db.js';
import { round } from './measure.js';

/** Rows read back at a time. */
const PAGE_ROWS = 25_000;
/** A chunk's COPY text at most, as the run's chunks (25k mirror rows, 5k 3 KB documents). */
const CHUNK_BYTES = 16 * 2 ** 20;

const literal = (value: string | null): string =>
  value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`;

export async function tableShape(store: Store, table: string) {
  const { rows: columns } = await store.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = $2 AND is_identity = 'NO' ORDER BY ordinal_position`,
    [store.schema, table],
  );
  const { rows: key } = await store.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = $1 AND c.relname = $2 AND i.indisprimary ORDER BY k.ord`,
    [store.schema, table],
  );
  return { columns: columns.map((c) => c.name), key: key.map((k) => k.name) };
}

/** CPU seconds a server backend on this machine has used (`/proc/<pid>/stat`: utime and stime,
 * in USER_HZ ticks, 100 a second on Linux), or undefined when it is not here: a remote server's
 * pid, or one taken here by a process that is not Postgres'. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return undefined;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export interface FloorTable {
  table: string;
  rows: number;
  seconds: number;
}

/** The tables of a store's schema that hold rows, but the migrations' own. */
async function tablesWithRows(store: Store): Promise<string[]> {
  const { rows } = await store.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> 'schema_migrations'
     ORDER BY c.relname`,
    [store.schema],
  );
  const held: string[] = [];
  for (const { name } of rows)
    if ((await store.query(`SELECT 1 FROM ${name} LIMIT 1`)).rows.length) held.push(name);
  return held;
}

/**
 * Copy every table of `from` that holds rows into `into` (migrated, empty), timing the writes
 * (the commit included). `cpuSeconds`: this process's, which holds PGlite's thread; a server's
 * CPU is not counted.
 */
export async function storeFloor(
  from: Store,
  into: Store,
  options: { pageRows?: number } = {},
): Promise<{
  tables: FloorTable[];
  seconds: number;
  cpuSeconds: number;
  /** The server's CPU for the writes, when the server runs on this machine. */
  serverCpuSeconds?: number;
}> {
  const tables = await tablesWithRows(from);
  const done: FloorTable[] = [];
  let writing = 0;
  const cpu = { user: 0, system: 0 };
  let serverCpu: number | undefined = into.backend === 'pg' ? 0 : undefined;
  for (const table of tables) {
    const { columns, key } = await tableShape(from, table);
    if (!key.length) throw new Error(`${table}: no primary key to read it in order by`);
    const select = [...key, ...columns].join(', ');
    const order = key.join(', ');
    const limit = options.pageRows ?? PAGE_ROWS;
    let after: (string | null)[] | undefined;
    let rows = 0;
    let seconds = 0;
    let ended = 0n;
    let server: { pid: number; start: number } | undefined;
    await into.transaction(async (tx) => {
      if (into.backend === 'pg') {
        const pid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
          .pid;
        const start = processCpuSeconds(pid);
        if (start !== undefined) server = { pid, start };
      }
      for (;;) {
        const where = after ? `WHERE (${order}) > (${after.map(literal).join(', ')})` : '';
        const page = parseCopyText(
          await from.copyOut(
            `SELECT ${select} FROM ${table} ${where} ORDER BY ${order} LIMIT ${limit}`,
          ),
        );
        if (!page.length) break;
        after = page[page.length - 1]!.slice(0, key.length);
        const chunks: CopyRows[] = [new CopyRows()];
        for (const row of page) {
          let chunk = chunks[chunks.length - 1]!;
          if (chunk.view().length >= CHUNK_BYTES) chunks.push((chunk = new CopyRows()));
          chunk.add(row.slice(key.length));
        }
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        for (const chunk of chunks) await tx.copyIn(table, columns, chunk);
        seconds += Number(process.hrtime.bigint() - t0) / 1e9;
        const c = process.cpuUsage(c0);
        cpu.user += c.user;
        cpu.system += c.system;
        rows += page.length;
      }
      ended = process.hrtime.bigint();
    });
    seconds += Number(process.hrtime.bigint() - ended) / 1e9; // the commit
    // The server process's CPU over the whole transaction: the pages were read on another
    // connection, so this is the writes (and the commit's flush).
    const to = server && processCpuSeconds(server.pid);
    serverCpu =
      serverCpu !== undefined && to !== undefined ? serverCpu + to - server!.start : undefined;
    done.push({ table, rows, seconds: round(seconds, 2) });
    writing += seconds;
  }
  return {
    tables: done,
    seconds: round(writing, 2),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    ...(serverCpu !== undefined ? { serverCpuSeconds: round(serverCpu, 2) } : {}),
  };
}
