/** The thread of `playbook-thread.ts`: the job, its messages through the thread's port. */
import { parentPort, workerData } from 'node:worker_threads';
import {
  Mailbox,
  playbookJob,
  type FromJob,
  type PlaybookJobData,
  type ToJob,
} from './playbook-job.js';

const port = parentPort!;
const inbox = new Mailbox<ToJob>();
port.on('message', (m: ToJob) => inbox.put(m));
const send = (m: FromJob) => port.postMessage(m);
try {
  await playbookJob(workerData.job as PlaybookJobData, inbox, send);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  send({ kind: 'error', message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
}
port.close();
