/** The writer thread of `parts-thread.ts`: write each job's file in turn, answer once. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeParts } from './account-parts.js';
import type { PartsJob, PartsReply } from './parts-thread.js';

const { jobs } = workerData as { jobs: PartsJob[] };
let reply: PartsReply;
try {
  const lengths: number[][] = [];
  for (const job of jobs) lengths.push(await writeParts(job.file, job.parts, job.old, job.spare));
  reply = { lengths };
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  reply = { error: err.message, ...(err.stack ? { stack: err.stack } : {}) };
}
parentPort!.postMessage(reply);
