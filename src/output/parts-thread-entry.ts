/** The writer thread of `parts-thread.ts`: once given its files, write each in turn, answer once. */
import { parentPort } from 'node:worker_threads';
import { writeParts } from './account-parts.js';
import type { PartsJob, PartsReply } from './parts-thread.js';

parentPort!.once('message', async ({ jobs }: { jobs: PartsJob[] }) => {
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
});
