/**
 * The pull worker's thread: rebuilds the connector from what it offered (`Connector.worker`),
 * pulls and maps the objects it is sent one at a time (`mapPages`) and posts each mapped page
 * back. At most `WINDOW` pages are in flight: the main thread acknowledges each one it has
 * taken, so a fast parser never piles a whole export up in the main thread's memory.
 */
import { parentPort } from 'node:worker_threads';
import type { Connector, ConnectorFactory } from '../../connectors/types.js';
import { SourceError, UnreadableSourceError } from '../errors.js';
import { mapPages } from './map-pages.js';
import type { WorkerReply, WorkerTask } from './pull-worker.js';

const WINDOW = 4;
const port = parentPort!;
let connector: Connector | undefined;
let inFlight = 0;
let resume: (() => void) | undefined;

const post = (reply: WorkerReply) => port.postMessage(reply);

function serializeError(err: unknown): Extract<WorkerReply, { kind: 'error' }>['error'] {
  const e = err instanceof Error ? err : new Error(String(err));
  const kind =
    e instanceof UnreadableSourceError
      ? 'unreadable'
      : e instanceof SourceError
        ? 'source'
        : 'other';
  return {
    kind,
    message: e instanceof SourceError ? e.message.slice(e.source.length + 2) : e.message,
    ...(e instanceof SourceError ? { source: e.source } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

async function run(task: WorkerTask): Promise<boolean> {
  if (!connector) {
    try {
      const mod = (await import(task.connector.module)) as Record<string, ConnectorFactory>;
      connector = await mod[task.connector.factory]!(task.connector.ctx);
    } catch (err) {
      // The worker cannot do its job at all: the main thread maps the objects itself.
      post({ kind: 'error', error: { ...serializeError(err), kind: 'setup' } });
      return false;
    }
  }
  const pages = mapPages(
    connector.pull(task.request),
    task.object,
    task.spec,
    task.ctx,
    false,
    task.rowsKey !== undefined ? { key: task.rowsKey } : undefined,
  );
  for await (const page of pages) {
    if (inFlight >= WINDOW) await new Promise<void>((r) => (resume = r));
    inFlight++;
    post({ kind: 'page', page });
  }
  return true;
}

port.on('message', (msg: WorkerTask | { kind: 'ack' }) => {
  if (msg.kind === 'ack') {
    inFlight--;
    const r = resume;
    resume = undefined;
    r?.();
    return;
  }
  run(msg).then(
    (ok) => ok && post({ kind: 'done' }),
    (err: unknown) => post({ kind: 'error', error: serializeError(err) }),
  );
});
