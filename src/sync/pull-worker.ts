/**
 * The second core for a pull. Parsing an export and mapping its records is most of a files
 * sync's work on the main thread; a connector that can be rebuilt in a worker thread (it offers
 * `Connector.worker`) has some of its objects pulled and mapped there while the main thread
 * maps the others and writes the mirror. The worker sends each mapped page back as text (the
 * neutral JSON the mirror stores and hashes); the records are parsed back from it, so what is
 * scored and stored is the same as when everything runs on one thread.
 *
 * Accounts are always mapped on the main thread: their catalog check needs the catalog index.
 * Rows the mirror already holds as read are skipped there as here: their digests go to the
 * worker, so a re-read export sends back only what changed.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Connector, ConnectorContext, PullRequest } from '../../connectors/types.js';
import { SourceError, UnreadableSourceError } from '../errors.js';
import type { MapContext } from '../mapping/apply.js';
import type { ObjectMapping } from '../mapping/schema.js';
import type { NeutralObject } from '../model/records.js';
import type { MappedPage } from './map-pages.js';
import type { RowsByBytes } from './row-bytes.js';

export interface WorkerTask {
  kind: 'map';
  connector: { module: string; factory: string; ctx: ConnectorContext };
  object: NeutralObject;
  spec: ObjectMapping;
  request: PullRequest;
  ctx: MapContext;
  /** Digest rows under this key (`unchanged-rows.ts`). */
  rowsKey?: string;
  /** The digests of the rows the mirror holds (id -> digest): those rows are not mapped again. */
  rowDigests?: ReadonlyMap<string, string>;
  /** What the last pull read by each row's bytes (`row-bytes.ts`). */
  byBytes?: RowsByBytes;
}

/** Sent as the worker starts: the connector to build before the first task. */
export interface WorkerSetup {
  kind: 'setup';
  connector: WorkerTask['connector'];
}

export type WorkerReply =
  | { kind: 'page'; page: MappedPage }
  | { kind: 'done' }
  | {
      kind: 'error';
      error: {
        /** `setup`: the worker could not build the connector (it is not used again). */
        kind: 'unreadable' | 'source' | 'setup' | 'other';
        message: string;
        source?: string;
        stack?: string;
      };
    };

/** `auto`: a worker when the machine has a second core and the objects it would take hold at
 * least `AUTO_WEIGHT` records; `on`: whenever the connector offers one; `off`: never. */
export type PullWorkerMode = 'auto' | 'on' | 'off';

/** Records (outside accounts) below which starting a worker costs more than it saves. */
export const AUTO_WEIGHT = 100_000;

/** Whether this run uses a worker; `objects` carry the connector's record estimates
 * (`Connector.worker.weight`), read once per run. */
export function wantsWorker(
  mode: PullWorkerMode,
  connector: Connector,
  objects: { object: NeutralObject; records: number }[],
): boolean {
  if (mode === 'off' || !connector.worker) return false;
  const candidates = objects.filter((o) => o.object !== 'account');
  if (!candidates.length) return false;
  if (mode === 'on') return true;
  if (availableParallelism() < 2) return false;
  return candidates.reduce((n, o) => n + o.records, 0) >= AUTO_WEIGHT;
}

/**
 * Which objects the worker takes. `weight` is an object's work: records times the fields mapped
 * from each (plus a few for hashing and the duplicate check). Accounts are on the main thread
 * from the start; then the heaviest first, each to the lighter side, the main thread counting a
 * tenth of what the worker takes (it parses the worker's text back and stores every record).
 * Decided before anything runs, from the estimates alone. Each side then pulls its objects in
 * the neutral order, and a side that is done takes the lightest object the other has not
 * started (`pull-phase.ts`): what each side pulled is in the run's stats (`pulledInWorker`).
 */
export function splitObjects(objects: { object: NeutralObject; weight: number }[]): {
  main: NeutralObject[];
  worker: NeutralObject[];
} {
  const main = new Set<NeutralObject>();
  const worker = new Set<NeutralObject>();
  let mainLoad = 0;
  let workerLoad = 0;
  for (const o of objects)
    if (o.object === 'account') {
      main.add(o.object);
      mainLoad += o.weight;
    }
  const rest = objects.filter((o) => o.object !== 'account').sort((a, b) => b.weight - a.weight);
  for (const o of rest) {
    if (workerLoad < mainLoad + o.weight / 10) {
      worker.add(o.object);
      workerLoad += o.weight;
      mainLoad += o.weight / 10;
    } else {
      main.add(o.object);
      mainLoad += o.weight;
    }
  }
  const inOrder = (set: Set<NeutralObject>) =>
    objects.map((o) => o.object).filter((o) => set.has(o));
  return { main: inOrder(main), worker: inOrder(worker) };
}

/**
 * The next object for a lane of `splitObjects`' split, taken off its list: the lane's own next
 * in the neutral order, else the lightest the other lane has not started (never accounts,
 * whose catalog check runs on the main thread). The split is made from estimates: a lane left
 * idle while the other still has objects waiting is a core left idle (at 100k accounts the
 * worker went on alone for 14 s after the main thread's last object, 2026-12-07).
 */
export function takeNext(
  lanes: { main: NeutralObject[]; worker: NeutralObject[] },
  lane: 'main' | 'worker',
  weight: (object: NeutralObject) => number,
): NeutralObject | undefined {
  const own = lanes[lane];
  if (own.length) return own.shift();
  const other = lanes[lane === 'main' ? 'worker' : 'main'];
  let pick = -1;
  for (const [i, o] of other.entries())
    if (o !== 'account' && (pick < 0 || weight(o) < weight(other[pick]!))) pick = i;
  return pick < 0 ? undefined : other.splice(pick, 1)[0];
}

/** The work of pulling an object: about how many records, times what mapping one costs. */
export const objectWeight = (records: number, mappedFields: number) => records * (mappedFields + 4);

function rebuildError(e: Extract<WorkerReply, { kind: 'error' }>['error']): Error {
  const err =
    e.kind === 'unreadable'
      ? new UnreadableSourceError(e.source!, e.message)
      : e.kind === 'source'
        ? new SourceError(e.source!, e.message)
        : new Error(e.message);
  if (e.stack) err.stack = `${err.name}: ${err.message}\n    (in the pull worker)\n${e.stack}`;
  return err;
}

/** One worker thread for one run's pull, mapping one object at a time. */
export class PullWorker {
  private readonly worker: Worker;
  private busy = false;
  private closing = false;
  /** Set once the worker cannot be used again (it failed, or a pull was left unfinished). */
  private failed: Error | undefined;
  /** Set when the worker itself failed (it could not start, or stopped), not its caller. */
  private faulted = false;
  private listener: ((r: WorkerReply) => void) | undefined;

  constructor(private readonly connector: Connector) {
    this.worker = new Worker(new URL('../workers/boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./pull-worker-thread.ts', import.meta.url).href },
    });
    this.worker.on('message', (r: WorkerReply) => this.listener?.(r));
    const fail = (err: Error) => {
      this.failed ??= err;
      this.faulted = true;
      this.listener?.({ kind: 'error', error: { kind: 'other', message: err.message } });
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (!this.closing) fail(new Error(`the pull worker stopped (exit code ${code})`));
    });
    // The thread keeps the process alive only while a pull waits on it.
    this.worker.unref();
    const setup: WorkerSetup = { kind: 'setup', connector: this.offer() };
    this.worker.postMessage(setup);
  }

  private offer(): WorkerTask['connector'] {
    const { module, factory, ctx } = this.connector.worker!;
    return { module, factory, ctx };
  }

  /** Pull and map one object in the worker: its mapped pages, in source order. */
  async *map(
    object: NeutralObject,
    spec: ObjectMapping,
    request: PullRequest,
    ctx: MapContext,
    rowsKey?: string,
    rowDigests?: ReadonlyMap<string, string>,
    byBytes?: RowsByBytes,
  ): AsyncGenerator<MappedPage> {
    if (this.failed) throw this.failed;
    if (this.busy) throw new Error('the pull worker maps one object at a time');
    this.busy = true;
    this.worker.ref();
    const queue: WorkerReply[] = [];
    let wake: (() => void) | undefined;
    this.listener = (r) => {
      queue.push(r);
      wake?.();
    };
    const task: WorkerTask = {
      kind: 'map',
      connector: this.offer(),
      object,
      spec,
      request,
      ...(rowsKey !== undefined ? { rowsKey } : {}),
      ...(rowDigests?.size ? { rowDigests } : {}),
      ...(byBytes?.size ? { byBytes } : {}),
      // The catalog index is for accounts, which stay on this thread.
      ctx: {
        connection: ctx.connection,
        ...(ctx.priorPeriodMonths !== undefined
          ? { priorPeriodMonths: ctx.priorPeriodMonths }
          : {}),
      },
    };
    this.worker.postMessage(task);
    let ended = false;
    try {
      for (;;) {
        if (!queue.length) await new Promise<void>((r) => (wake = r));
        wake = undefined;
        const reply = queue.shift()!;
        if (reply.kind === 'done') {
          ended = true;
          return;
        }
        if (reply.kind === 'error') {
          ended = true;
          const err = rebuildError(reply.error);
          if (reply.error.kind === 'setup') {
            this.failed ??= err;
            this.faulted = true;
          }
          throw err;
        }
        this.worker.postMessage({ kind: 'ack' });
        yield reply.page;
      }
    } finally {
      this.listener = undefined;
      this.busy = false;
      this.worker.unref();
      // Left before the end: the thread is still on this object, so it takes no other.
      if (!ended) this.failed ??= new Error('a pull in the worker was left unfinished');
    }
  }

  /** False once the worker cannot take another object. */
  get usable(): boolean {
    return this.failed === undefined;
  }

  /** True when the worker itself failed: what it had is mapped on the main thread instead. */
  get broken(): boolean {
    return this.faulted;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }
}
