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
import { knownRows } from './row-bytes.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './pull-worker.js';

const WINDOW = 4;
const port = parentPort!;
let building: Promise<Connector> | undefined;
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

/** Rows the mirror holds as read are not mapped again (`unchanged-rows.ts`). */
const skipping = (digests: ReadonlyMap<string, string> | undefined) =>
  digests?.size ? { has: (id: string, digest: string) => digests.get(id) === digest } : {};

/** The connector, built once: on `setup` (sent as the worker starts, so loading its modules
 * overlaps what the run does before it pulls) or at the first task. */
function build(spec: WorkerSetup['connector']): Promise<Connector> {
  building ??= (async () => {
    const mod = (await import(spec.module)) as Record<string, ConnectorFactory>;
    return mod[spec.factory]!(spec.ctx);
  })();
  // Reported when a task needs it.
  building.catch(() => undefined);
  return building;
}

async function run(task: WorkerTask): Promise<boolean> {
  let connector: Connector;
  try {
    connector = await build(task.connector);
  } catch (err) {
    // The worker cannot do its job at all: the main thread maps the objects itself.
    post({ kind: 'error', error: { ...serializeError(err), kind: 'setup' } });
    return false;
  }
  const pages = mapPages(
    connector.pull(task.request, knownRows(task.byBytes ?? new Map())),
    task.object,
    task.spec,
    task.ctx,
    false,
    task.rowsKey !== undefined ? { key: task.rowsKey, ...skipping(task.rowDigests) } : undefined,
  );
  for await (const page of pages) {
    if (inFlight >= WINDOW) await new Promise<void>((r) => (resume = r));
    inFlight++;
    post({ kind: 'page', page });
  }
  return true;
}

port.on('message', (msg: WorkerTask | WorkerSetup | { kind: 'ack' }) => {
  if (msg.kind === 'setup') {
    void build(msg.connector);
    return;
  }
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
