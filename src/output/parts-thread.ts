/**
 * `writeParts` in a worker thread, for a caller with CPU work of its own to do meanwhile: a run
 * that changed a few accounts copies most of `opportunities.json` (a gigabyte at 100k accounts)
 * from the last file, and that copy is disk time the main thread would otherwise sit through
 * while the playbook waits. The files are written one after the other, each as `writeParts`
 * writes it (a temporary name renamed at the end); the answer is each file's part lengths, or the
 * first file's error.
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

export function writePartsInThread(jobs: readonly PartsJob[]): Promise<number[][]> {
  const worker = new Worker(new URL('../workers/boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./parts-thread-entry.ts', import.meta.url).href, jobs },
  });
  const what = `writing ${jobs.map((j) => j.file).join(', ')}`;
  return new Promise<number[][]>((resolve, reject) => {
    let answered = false;
    worker.once('message', (r: PartsReply) => {
      answered = true;
      if ('lengths' in r) resolve(r.lengths);
      else {
        const err = new Error(`${what}: ${r.error}`);
        if (r.stack) err.stack = `${err.message}\n    (in the writer thread)\n${r.stack}`;
        reject(err);
      }
    });
    worker.once('error', (e) => reject(new Error(`${what}: ${e.message}`, { cause: e })));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`${what}: the writer thread stopped (exit code ${code})`));
    });
  });
}
