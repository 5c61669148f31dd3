/**
 * Worker thread of `scorePortfolioParallel`: indexes the catalog and cohort table once, then
 * scores each batch it is sent and posts the result back (with this process's peak RSS).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexCatalog } from '../catalog-index.js';
import type { BatchRequest, WorkerInit, WorkerReply } from './protocol.js';
import { scoreBatch } from './score-batch.js';
import { benchmarksFromTable } from './shared-benchmarks.js';

const init = workerData as WorkerInit;
const cx = indexCatalog(init.catalog);
const benchmarks = benchmarksFromTable(init.cohorts);
const port = parentPort;
if (!port) throw new Error('score-parallel worker must run in a worker thread');

port.on('message', ({ batch, portfolio }: BatchRequest) => {
  let reply: WorkerReply;
  try {
    const result = scoreBatch(portfolio, cx, benchmarks, init.settings, init.asOf);
    reply = { batch, result, maxRssKb: process.resourceUsage().maxRSS };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { batch, error: { message: e.message, stack: e.stack } };
  }
  port.postMessage(reply);
});
