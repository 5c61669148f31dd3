/**
 * Running `headroom sync` the way the CLI does, minus the process: the connection is resolved by
 * `resolveSyncConnection` from the same flags, from the real environment variables, and run by
 * `syncOnce` (connector opened through the registry, mapping checked against the CRM, outputs
 * written). One embedded store per test file, shared by its connections (rows are keyed by
 * connection name), because booting PGlite is the slowest step of the suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv, type Env } from '../../src/env.js';
import { createLogger } from '../../src/log.js';
import { resolveSyncConnection, type ConnectionFlags } from '../../src/runtime/connection.js';
import { syncOnce, type SyncOnceResult } from '../../src/runtime/sync-once.js';
import type { Store } from '../../src/store/db.js';
import { openStore } from '../../src/store/open.js';
import type { WriteSection } from '../../src/sync/types.js';
import { AS_OF } from './portfolio.js';

export interface Harness {
  store: Store;
  env: Env;
  /** A fresh folder for one run's output files. */
  outDir(name: string): string;
  /** One `headroom sync` with these flags; `out` unless `dryRun`. */
  sync(
    flags: ConnectionFlags,
    options?: { out?: string; dryRun?: boolean; full?: boolean; allowMassChange?: boolean },
  ): Promise<SyncOnceResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The runs' date. @default AS_OF (the demo portfolio's "today") */
  asOf?: string;
  /** Environment variables over the process's (a second portfolio's `HEADROOM_CATALOG`). */
  env?: Record<string, string>;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  const store = await openStore({ dataDir: 'memory://' });
  const env = loadEnv({
    ...process.env,
    ...options.env,
    HEADROOM_DATA_DIR: 'memory://',
    HEADROOM_CONNECTIONS: join(root, 'no-connections.yaml'),
  });
  const asOf = options.asOf ?? AS_OF;
  const log = createLogger('silent');
  let n = 0;
  return {
    store,
    env,
    outDir: (name) => join(root, `${++n}-${name}`),
    async sync(flags, options = {}) {
      const connection = await resolveSyncConnection(flags, env);
      return syncOnce({
        store,
        connection,
        env,
        log,
        asOf,
        out: options.out,
        dryRun: options.dryRun,
        full: options.full,
        allowMassChange: options.allowMassChange,
      });
    },
    async close() {
      await store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const NO_WRITES: Record<WriteSection, number> = { account: 0, opportunity: 0, task: 0 };
