/**
 * The bench's store floor (`bench/store-floor.ts`) is only a floor if it writes the rows a sync
 * left, all of them and nothing else: a generated folder (not the demo) is synced into one store,
 * its tables copied into an empty one a few rows a page, and every table compared row for row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFloor, tableShape } from '../../bench/store-floor.js';
import { generatePortfolio } from '../../examples/generate/portfolio.js';
import { loadEnv } from '../../src/env.js';
import { createLogger } from '../../src/log.js';
import { resolveSyncConnection } from '../../src/runtime/connection.js';
import { syncOnce } from '../../src/runtime/sync-once.js';
import type { Store } from '../../src/store/db.js';
import { backends } from '../store/backends.js';

async function contents(store: Store, table: string): Promise<string> {
  const { columns, key } = await tableShape(store, table);
  return store.copyOut(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${key.join(', ')}`);
}

describe.each(backends())('store floor on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it('copies every row a sync left into an empty store, page by page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-floor-'));
    try {
      await generatePortfolio({ out: dir, accounts: 40, seed: 'store-floor', weeks: 6 });
      const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
      const from = await backend.open();
      const { report } = await syncOnce({
        store: from,
        connection: await resolveSyncConnection({ connector: 'files', source: dir }, env),
        env,
        log: createLogger('warn'),
        asOf: '2026-11-24',
      });
      expect(report.status).toBe('succeeded');
      const into = await backend.open();
      const floor = await storeFloor(from, into, { pageRows: 37 });
      const copied = new Map(floor.tables.map((t) => [t.table, t.rows]));
      for (const table of ['mirror', 'opportunities', 'score_history', 'snapshots', 'sync_runs'])
        expect(copied.get(table), table).toBeGreaterThan(0);
      // More than a page: the keyset paging must neither skip nor repeat a row.
      expect(copied.get('mirror')).toBeGreaterThan(37 * 3);
      for (const [table, rows] of copied) {
        const text = await contents(into, table);
        expect(text.split('\n').length - 1, table).toBe(rows);
        expect(text, table).toBe(await contents(from, table));
      }
      if (backend.name === 'pg') expect(floor.serverCpuSeconds).toBeGreaterThan(0);
      else expect(floor.serverCpuSeconds).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
