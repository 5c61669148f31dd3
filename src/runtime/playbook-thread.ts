/**
 * The sync's side of the playbook job (`playbook-job.ts`): in a worker thread of its own when the
 * cache is large and the machine has a second core, so the playbook is rendered while the sync
 * stores its results and copies the JSON files; otherwise on this thread, in the same
 * conversation. `HEADROOM_OUTPUT_THREAD`: `on` always takes a thread, `off` never.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  Mailbox,
  playbookJob,
  type CacheIndex,
  type FromJob,
  type PlaybookJobData,
  type ToJob,
} from './playbook-job.js';

export type OutputThreadMode = 'auto' | 'on' | 'off';

/** Bytes of cached account lines (about 10k accounts) from which `auto` takes a thread: below,
 * starting one costs about what it saves. */
export const THREAD_BYTES = 8 << 20;

type Ask<K extends FromJob['kind']> = Extract<FromJob, { kind: K }>;

export class PlaybookJobHandle {
  /** What the sync needs of the cache, once the job has read it. */
  readonly index: Promise<CacheIndex>;
  readonly threaded: boolean;
  private readonly answers = new Mailbox<FromJob>();
  private readonly post: (m: ToJob) => void;
  private readonly end: () => void;
  private going = false;

  constructor(data: PlaybookJobData, mode: OutputThreadMode) {
    this.threaded =
      mode === 'on' ||
      (mode === 'auto' &&
        availableParallelism() >= 2 &&
        (data.header.lengths?.accounts ?? 0) >= THREAD_BYTES);
    const fail = (err: Error) => this.answers.fail(err);
    if (this.threaded) {
      const worker = new Worker(new URL('../workers/boot.mjs', import.meta.url), {
        workerData: {
          entry: new URL('./playbook-thread-entry.ts', import.meta.url).href,
          job: data,
        },
      });
      worker.on('message', (m: FromJob) => {
        if (m.kind !== 'error') return this.answers.put(m);
        const err = new Error(`the output files: ${m.message}`);
        if (m.stack) err.stack = `${err.message}\n    (in the playbook thread)\n${m.stack}`;
        fail(err);
      });
      worker.on('error', (e) => fail(new Error(`the playbook thread: ${e.message}`, { cause: e })));
      // After the messages it sent before it stopped.
      worker.on('exit', (code) =>
        setImmediate(() => fail(new Error(`the playbook thread stopped (exit code ${code})`))),
      );
      this.post = (m) => worker.postMessage(m);
      this.end = () => void worker.terminate();
    } else {
      const inbox = new Mailbox<ToJob>();
      this.post = (m) => inbox.put(m);
      this.end = () => inbox.fail(new Error('the output files are not written'));
      playbookJob(data, inbox, (m) => this.answers.put(m)).catch(fail);
    }
    // A thread reads the cache from the start, on the second core, while this one pulls; on
    // this thread, reading it would hold up the pull.
    if (this.threaded) this.go();
    this.index = this.ask('index').then((m) => m.index);
    // Awaited by the plan; a run that goes another way leaves it unawaited.
    this.index.catch(() => undefined);
  }

  private ask<K extends FromJob['kind']>(kind: K): Promise<Ask<K>> {
    return this.answers.next(kind);
  }

  /** The run builds on the last results: the job reads the cache (once). */
  go(): void {
    if (this.going) return;
    this.going = true;
    this.post({ kind: 'go' });
  }

  /** The changed accounts' entries: the job starts on the playbook. */
  render(m: Omit<Extract<ToJob, { kind: 'render' }>, 'kind'>): void {
    this.post({ kind: 'render', ...m });
  }

  /** The opportunities the playbook writes out in full (and their accounts' order). */
  wants(): Promise<Ask<'wants'>> {
    return this.ask('wants');
  }

  details(m: Omit<Extract<ToJob, { kind: 'details' }>, 'kind'>): void {
    this.post({ kind: 'details', ...m });
  }

  /** Write the playbook (through a temporary name). */
  async write(file: string): Promise<void> {
    this.post({ kind: 'write', file });
    await this.ask('written');
  }

  /** Update the cache for the new files. */
  async cache(m: Omit<Extract<ToJob, { kind: 'cache' }>, 'kind'>): Promise<void> {
    this.post({ kind: 'cache', ...m });
    await this.ask('cached');
  }

  /** Done with, whether the files were written or not. */
  stop(): void {
    this.end();
  }
}
