/** A scoring shard's worker thread (`threads.ts`): load the share, wait for the word, score. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadShare, scoreShare, shardOutcome, sinkShare, type ScoringShardJob } from './index.js';
import type { ShardThreadMessage } from './threads.js';

const job = (workerData as { job: ScoringShardJob }).job;
const port = parentPort!;
const send = (m: ShardThreadMessage) => port.postMessage(m);

try {
  const t0 = performance.now();
  const share = await loadShare(job);
  const t1 = performance.now();
  send({ kind: 'loaded' });
  await new Promise<void>((resolve) => port.once('message', () => resolve()));
  const t2 = performance.now();
  const result = scoreShare(job, share);
  const t3 = performance.now();
  send({ kind: 'scored' });
  const delivered = await sinkShare(job, result);
  send({
    kind: 'done',
    outcome: shardOutcome(job, result, delivered, {
      load: t1 - t0,
      score: t3 - t2,
      sink: performance.now() - t3,
    }),
  });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  send({ kind: 'error', message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
}
