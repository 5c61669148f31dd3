/**
 * The main job end to end on generated folders of exports: files connector → mapping → mirror on
 * embedded PGlite → scoring → narratives → output files (`syncOnce`, exactly what `headroom sync`
 * runs). Generation is outside the timed section. Sizes: 10k and 100k accounts
 * (`BENCH_FILES_SIZES=10000,100000`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePortfolio } from '../examples/generate/portfolio.js';
import { loadEnv } from '../src/env.js';
import { createLogger } from '../src/log.js';
import { resolveSyncConnection } from '../src/runtime/connection.js';
import { syncOnce } from '../src/runtime/sync-once.js';
import { openStore } from '../src/store/open.js';
import { peakRssMb, round } from './measure.js';
import type { Bench } from './types.js';

const SIZES = (process.env.BENCH_FILES_SIZES ?? '10000,100000').split(',').map(Number);

const bench: Bench = {
  name: 'files-sync',
  description:
    'headroom sync of a generated folder (files connector, PGlite, scoring, narratives, outputs)',
  async run() {
    const figures: Record<string, number> = {};
    const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
    for (const n of SIZES) {
      const dir = mkdtempSync(join(tmpdir(), `headroom-bench-${n}-`));
      try {
        await generatePortfolio({ out: join(dir, 'in'), accounts: n, seed: 7 });
        // On disk, as `headroom sync` runs: PGlite keeps its data in the folder, not in memory.
        const store = await openStore({ dataDir: join(dir, 'db') });
        const connection = await resolveSyncConnection(
          { connector: 'files', source: join(dir, 'in') },
          env,
        );
        const started = process.hrtime.bigint();
        const { report } = await syncOnce({
          store,
          connection,
          env,
          log: createLogger('warn'),
          asOf: '2026-11-24',
          out: join(dir, 'out'),
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        await store.close();
        if (report.status !== 'succeeded') throw new Error(`sync failed: ${report.error}`);
        figures[`accounts_${n}`] = report.analysis?.accounts.length ?? 0;
        figures[`records_${n}`] = report.stats.pulled;
        figures[`opportunities_${n}`] = report.analysis?.opportunities.length ?? 0;
        figures[`seconds_${n}`] = round(seconds, 2);
        figures[`accountsPerSecond_${n}`] = Math.round(n / seconds);
        figures[`peakRssMb_after_${n}`] = peakRssMb();
        for (const [phase, ms] of Object.entries(report.stats.phaseMs))
          figures[`phaseSeconds_${n}_${phase}`] = round(ms / 1000, 2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return figures;
  },
};

export default bench;
