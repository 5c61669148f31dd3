/**
 * The embedded database in its own thread. PGlite is Postgres compiled to WebAssembly: in the
 * main thread, every statement it runs stops everything else there (mapping, scoring, the HTTP
 * server answering an account view during a scheduled sync). Here it runs in a worker thread
 * (`pglite-worker-thread.ts`) behind the same `Db` interface, so SQL and JavaScript use both
 * cores: a pull maps the next pages while the last batch is being written.
 *
 * Transactions: `begin` opens one in the worker and answers with its id; the statements of
 * `fn` carry that id; `end` commits or rolls it back. Statements outside it wait on PGlite's
 * lock, as they do in-process. One process owns a PGlite folder, so the run lock stays here.
 */
import { Worker, type Transferable } from 'node:worker_threads';
import type { Db, Release } from './db.js';

export type DbRequest = { id: number; tx?: number | undefined } & (
  | { op: 'query'; sql: string; params?: unknown[] | undefined }
  | { op: 'exec'; sql: string }
  | {
      op: 'copyIn';
      table: string;
      columns: readonly string[];
      /** The rows in COPY's text format as UTF-8, moved to the thread, not copied. */
      bytes: Uint8Array<ArrayBuffer>;
      rows: number;
    }
  | { op: 'copyOut'; select: string }
  | { op: 'begin' }
  | { op: 'end'; commit: boolean }
  | { op: 'close' }
);

export type DbReply =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      error: { name: string; message: string; fields: Record<string, string> };
    };

type Call = DbRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function rebuild(e: Extract<DbReply, { ok: false }>['error']): Error {
  const err = Object.assign(new Error(e.message), e.fields);
  err.name = e.name;
  return err;
}

/** Open PGlite at `dataDir` (a folder, or `memory://`) in a worker thread. */
export async function pgliteWorkerDb(
  dataDir: string,
): Promise<Db & { tryLock(key: string): Promise<Release | undefined> }> {
  const worker = new Worker(new URL('../workers/boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./pglite-worker-thread.ts', import.meta.url).href, dataDir },
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;
  // The thread keeps the process alive only while a call waits on it.
  const hold = () => (waiting.size ? worker.ref() : worker.unref());
  const failAll = (err: Error) => {
    dead ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    hold();
  };
  worker.on('message', (r: DbReply) => {
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    hold();
    if (r.ok) w.resolve(r.value);
    else w.reject(rebuild(r.error));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) =>
    failAll(new Error(`the embedded database thread stopped (exit ${code})`)),
  );

  const wait = <T>(id: number): Promise<T> => {
    const done = new Promise<T>((resolve, reject) =>
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }),
    );
    hold();
    return done;
  };
  const call = <T>(req: Call, transfer: Transferable[] = []): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    const done = wait<T>(id);
    worker.postMessage({ ...req, id }, transfer);
    return done;
  };
  // The thread answers id 0 once PGlite is open (or could not be opened).
  await wait(0).catch(async (err: Error) => {
    await worker.terminate();
    throw new Error(`cannot open the embedded database at ${dataDir}: ${err.message}`, {
      cause: err,
    });
  });

  const on = (tx?: number): Db => ({
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: await call<T[]>({ op: 'query', sql, params, tx }),
    }),
    exec: async (sql) => {
      await call({ op: 'exec', sql, tx });
    },
    copyIn: (table, columns, rows) => {
      if (!rows.count) return Promise.resolve(0);
      // The rows' bytes in a buffer of their own, moved to the thread with the message
      // (a string would be copied into it).
      const bytes = rows.bytes();
      return call<number>({ op: 'copyIn', table, columns, bytes, rows: rows.count, tx }, [
        bytes.buffer,
      ]);
    },
    copyOut: (select) => call<string>({ op: 'copyOut', select, tx }),
    transaction: async (fn) => {
      // PGlite has no nested transactions: inside one, `fn` joins it.
      if (tx !== undefined) return fn(on(tx));
      const id = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await fn(on(id));
      } catch (err) {
        await call({ op: 'end', tx: id, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ op: 'end', tx: id, commit: true });
      return result;
    },
    close: async () => undefined,
  });

  const held = new Set<string>();
  return {
    ...on(),
    close: async () => {
      if (!dead) await call({ op: 'close' }).catch(() => undefined);
      dead ??= new Error('the store is closed');
      await worker.terminate();
    },
    tryLock: async (key) => {
      if (held.has(key)) return undefined;
      held.add(key);
      return async () => {
        held.delete(key);
      };
    },
  };
}
