/**
 * `writeParts` in a worker thread, for a caller with CPU work of its own to do meanwhile: a run
 * that changed a few accounts copies most of `opportunities.json` (a gigabyte at 100k accounts)
 * from the last file, and that copy is disk time the main thread would otherwise sit through
 * while the playbook waits. The files are written one after the other, each as `writeParts`
 * writes it (a temporary name renamed at the end); the answer is each file's part lengths, or the
 * first file's error.
 *
 * The thread can be started before its files are known (`new PartsThread()`, then `write`): it
 * takes about a second to boot here, which a run that patches its files spends while it
 * analyzes and stores the changed accounts rather than after. Until it is given files it holds
 * no process open; one never given any is `stop`ped.
 */
import { Worker } from 'node:worker_threads';
import type { Part } from './account-parts.js';

export interface PartsJob {
  file: string;
  parts: Part[];
  /** The file the `{ from }` parts are copied from. */
  old?: string;
  /** Where the file it replaces is kept, to be written over next time (`writeParts`). */
  spare?: string;
}

export type PartsReply = { lengths: number[][] } | { error: string; stack?: string };

export class PartsThread {
  private readonly worker: Worker;
  private readonly answer: Promise<number[][]>;
  private what = 'the writer thread';
  private given = false;

  constructor() {
    this.worker = new Worker(new URL('../workers/boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./parts-thread-entry.ts', import.meta.url).href },
    });
    // Idle, it keeps no process alive; `write` holds it.
    this.worker.unref();
    this.answer = new Promise<number[][]>((resolve, reject) => {
      let answered = false;
      this.worker.once('message', (r: PartsReply) => {
        answered = true;
        if ('lengths' in r) resolve(r.lengths);
        else {
          const err = new Error(`${this.what}: ${r.error}`);
          if (r.stack) err.stack = `${err.message}\n    (in the writer thread)\n${r.stack}`;
          reject(err);
        }
      });
      this.worker.once('error', (e) =>
        reject(new Error(`${this.what}: ${e.message}`, { cause: e })),
      );
      this.worker.once('exit', (code) => {
        if (!answered)
          reject(new Error(`${this.what}: the writer thread stopped (exit code ${code})`));
      });
    });
    // A thread stopped before it was given files fails no one.
    this.answer.catch(() => undefined);
  }

  /** Write these files (once per thread). */
  write(jobs: readonly PartsJob[]): Promise<number[][]> {
    if (this.given) throw new Error('a writer thread writes one set of files');
    this.given = true;
    this.what = `writing ${jobs.map((j) => j.file).join(', ')}`;
    this.worker.ref();
    this.worker.postMessage({ jobs });
    return this.answer;
  }

  /** Done with it: a thread still booting or waiting for files is stopped, one that is writing
   * is left to finish and answer. */
  stop(): void {
    if (!this.given) void this.worker.terminate();
  }
}

export function writePartsInThread(jobs: readonly PartsJob[]): Promise<number[][]> {
  return new PartsThread().write(jobs);
}
