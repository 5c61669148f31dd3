/**
 * The embedded database's own thread: one PGlite instance, answering the statements the main
 * thread sends (`pglite-worker.ts`). Every message is handled as it arrives, so a transaction's
 * statements reach PGlite while other calls wait on PGlite's own lock, exactly as in-process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { createPgliteInstance, pgliteCopyIn, pgliteCopyOut } from './pglite-db.js';
import type { DbReply, DbRequest } from './pglite-worker.js';

const port = parentPort!;
const reply = (r: DbReply) => port.postMessage(r);

/** What a client can rebuild of an error: message, name and Postgres' fields (code, detail). */
function errorOf(err: unknown): Extract<DbReply, { ok: false }>['error'] {
  const e = err instanceof Error ? err : new Error(String(err));
  const fields: Record<string, string> = {};
  for (const k of ['code', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'constraint'])
    if (typeof (e as unknown as Record<string, unknown>)[k] === 'string')
      fields[k] = (e as unknown as Record<string, string>)[k]!;
  return { name: e.name, message: e.message, fields };
}

let pg: PGlite;
try {
  pg = await createPgliteInstance(workerData.dataDir as string);
  reply({ id: 0, ok: true, value: null });
} catch (err) {
  reply({ id: 0, ok: false, error: errorOf(err) });
  throw err;
}

/** Open transactions: the statements of each run on its `tx` until the client ends it. */
const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();

async function handle(m: DbRequest): Promise<unknown> {
  const on = m.tx === undefined ? pg : open.get(m.tx)?.tx;
  if (!on) throw new Error(`transaction ${m.tx} is not open`);
  switch (m.op) {
    case 'query':
      return (await on.query(m.sql, m.params)).rows;
    case 'exec':
      await on.exec(m.sql);
      return null;
    case 'copyIn':
      return pgliteCopyIn(on, m.table, m.columns, m.bytes, m.rows);
    case 'copyOut':
      return pgliteCopyOut(on, m.select);
    case 'begin':
      return new Promise((began, failed) => {
        let started = false;
        pg.transaction(
          (tx) =>
            new Promise<void>((commit, rollback) => {
              started = true;
              open.set(m.id, { tx, end: (ok) => (ok ? commit() : rollback(ROLLBACK)) });
              began(m.id);
            }),
        ).then(
          () => settle(m.id),
          (err: unknown) =>
            started ? settle(m.id, err === ROLLBACK ? undefined : err) : failed(err),
        );
      });
    case 'end': {
      const t = open.get(m.tx!)!;
      const done = new Promise((resolve, reject) => ending.set(m.tx!, { resolve, reject }));
      t.end(m.commit);
      return done;
    }
    case 'close':
      if (!pg.closed) await pg.close();
      return null;
  }
}

const ROLLBACK = new Error('rolled back');
/** `end` requests waiting for their transaction to commit or roll back. */
const ending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
function settle(tx: number, err?: unknown) {
  open.delete(tx);
  const e = ending.get(tx);
  ending.delete(tx);
  if (err === undefined) e?.resolve(null);
  else e?.reject(err);
}

port.on('message', (m: DbRequest) => {
  handle(m).then(
    (value) => reply({ id: m.id, ok: true, value }),
    (err: unknown) => reply({ id: m.id, ok: false, error: errorOf(err) }),
  );
});
