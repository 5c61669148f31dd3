/**
 * Scoring shards on this machine's cores: one worker thread per job, each loading its own share
 * (the job's source), then all scoring at once. Scoring starts when every share is loaded, so a
 * run's figures tell loading (parsing, mapping: the source's work) from scoring.
 */
import { Worker } from 'node:worker_threads';
import type { ScoringShardJob, ShardOutcome } from './index.js';

export type ShardThreadMessage =
  | { kind: 'loaded' }
  | { kind: 'scored' }
  | { kind: 'done'; outcome: ShardOutcome }
  | { kind: 'error'; message: string; stack?: string };

export interface ThreadRun {
  outcomes: ShardOutcome[];
  /** Wall-clock seconds: until every share was loaded; from then until every shard had scored;
   * and until every outcome was back (sinks and results included). */
  seconds: { load: number; score: number; done: number };
}

export async function scoreInThreads(jobs: readonly ScoringShardJob[]): Promise<ThreadRun> {
  const t0 = performance.now();
  const workers = jobs.map(
    (job) =>
      new Worker(new URL('../../workers/boot.mjs', import.meta.url), {
        workerData: { entry: new URL('./shard-thread.ts', import.meta.url).href, job },
      }),
  );
  const outcomes: ShardOutcome[] = [];
  let tLoaded = t0;
  let tScored = t0;
  try {
    await new Promise<void>((resolve, reject) => {
      let loaded = 0;
      let scored = 0;
      let done = 0;
      const finished = new Set<number>();
      workers.forEach((w, i) => {
        const where = `scoring shard ${jobs[i]!.shard.index + 1} of ${jobs[i]!.shard.count}`;
        w.on('message', (m: ShardThreadMessage) => {
          if (m.kind === 'loaded' && ++loaded === workers.length) {
            tLoaded = performance.now();
            for (const x of workers) x.postMessage('score');
          } else if (m.kind === 'scored' && ++scored === workers.length) {
            tScored = performance.now();
          } else if (m.kind === 'done') {
            finished.add(i);
            outcomes.push(m.outcome);
            if (++done === workers.length) resolve();
          } else if (m.kind === 'error') {
            const e = new Error(`${where}: ${m.message}`);
            if (m.stack) e.stack = `${e.message}\n${m.stack}`;
            reject(e);
          }
        });
        w.on('error', (e) => reject(new Error(`${where}: ${e.message}`, { cause: e })));
        w.on('exit', (code) => {
          if (!finished.has(i))
            reject(new Error(`${where}: the thread exited (code ${code}) before it finished`));
        });
      });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const s = (ms: number) => Math.round(ms) / 1000;
  return {
    outcomes: outcomes.sort((a, b) => a.shard.index - b.shard.index),
    seconds: {
      load: s(tLoaded - t0),
      score: s(tScored - tLoaded),
      done: s(performance.now() - tLoaded),
    },
  };
}
