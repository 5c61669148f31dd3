/**
 * The sync engine: `runSync` for one run, `startScheduler` for the in-server schedule, the
 * connections file, and run history for `headroom runs`.
 */
export { runSync, summarizePlan } from './run-sync.js';
export {
  startScheduler,
  DEFAULT_SCHEDULE,
  type Scheduler,
  type ScheduledConnection,
} from './scheduler.js';
export {
  ConnectionSchema,
  ConnectionsFileSchema,
  loadConnections,
  parseConnections,
  resolveConnection,
  resolveEnvRefs,
  type ConnectionConfig,
} from './connections.js';
export { buildPortfolio, SEAT_METRIC } from './portfolio.js';
export { evidenceHash } from './track-opportunities.js';
export { listRuns, getRun, type RunRow } from '../store/runs.js';
export type * from './types.js';
export { emptyStats } from './types.js';
