// The entry of every Headroom worker thread: loads the worker module named in `workerData.entry`,
// through tsx when it is TypeScript (running from source, as `npm start` and the tests do).
// A worker does not inherit the parent's `--import tsx` hooks for its entry, hence this file.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
await import(workerData.entry);
