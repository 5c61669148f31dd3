/**
 * One sync in a process of its own, with nothing else keeping it alive (no server, no progress
 * bar): `node --import tsx sync-alone.ts FOLDER OUT DATA_DIR`. Node exits with code 13 when the
 * event loop empties while a top-level await still waits, so a worker thread that does not
 * keep the process alive while it is waited on shows here as that exit code.
 */
import { loadEnv } from '../../../src/env.js';
import { createLogger } from '../../../src/log.js';
import { resolveSyncConnection } from '../../../src/runtime/connection.js';
import { syncOnce } from '../../../src/runtime/sync-once.js';
import { openStore } from '../../../src/store/open.js';

const [folder, out, dataDir] = process.argv.slice(2) as [string, string, string];
const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
const store = await openStore({ dataDir, env: process.env });
const connection = await resolveSyncConnection({ connector: 'files', source: folder }, env);
const { report } = await syncOnce({
  store,
  connection,
  env,
  log: createLogger('warn'),
  asOf: '2026-12-01',
  out,
});
await store.close();
process.stdout.write(
  `${JSON.stringify({ status: report.status, worker: report.stats.pulledInWorker })}\n`,
);
