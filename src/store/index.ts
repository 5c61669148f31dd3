/**
 * The store: `openStore()` plus query functions grouped by table.
 */
export type { Db, Release, Store } from './db.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { migrate, loadMigrations } from './migrate.js';
export { fieldHash, hashValue, stableStringify } from './hash.js';
export * from './runs.js';
export * from './mirror.js';
export * from './snapshots.js';
export * from './opportunities.js';
export * from './score-history.js';
export * from './summaries.js';
export * from './write-state.js';
export * from './issues.js';
export * from './watermarks.js';
export * from './secrets.js';
export * from './config-versions.js';
export * from './outcomes.js';
