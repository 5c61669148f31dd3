/**
 * What every route handler receives: the injected dependencies plus a few derived helpers (the
 * catalog, cached until its file changes; the as-of date; connection lookup).
 */
import { statSync } from 'node:fs';
import { loadCatalog } from '../config/catalog.js';
import type { Catalog } from '../model/catalog.js';
import type { ConnectionInfo, ServerDeps } from './deps.js';
import { HttpError } from './errors.js';
import type { ServerMetrics } from './metrics.js';
import { lightView, type AccountView } from './account-view.js';
import { BatchLoader } from './batch-loader.js';
import { lightAccountRecords } from './embedded-query.js';
import { ViewCache } from './view-cache.js';

export interface AppContext extends Omit<ServerDeps, 'metrics'> {
  metrics: ServerMetrics;
  /** The catalog file, parsed; re-read when its modification time changes (saved from the console). */
  catalog(): Catalog;
  /** The date narratives count from. */
  currentAsOf(): Promise<string>;
  /** The named connection, or a 404 naming the ones that exist. */
  connection(name: string): ConnectionInfo;
  /** The light (embedded) view of an account, cached until the data changes. */
  embeddedView(accountId: string): Promise<AccountView | undefined>;
  /** The light view when the cache knows it is current, without waiting (the embed fast lane). */
  cachedEmbeddedView(accountId: string): AccountView | undefined;
  /** Call after changing data through this server (accept / dismiss). */
  dataChanged(): void;
}

export function appContext(deps: ServerDeps, metrics: ServerMetrics): AppContext {
  let cached: { mtimeMs: number; catalog: Catalog } | undefined;
  const views = new ViewCache(deps.store, deps.viewCacheMs ?? 1000);
  const records = new BatchLoader((ids: string[]) => lightAccountRecords(deps.store, ids));
  const ctx: AppContext = {
    ...deps,
    metrics,
    catalog() {
      const mtimeMs = statSync(deps.catalogFile).mtimeMs;
      if (!cached || cached.mtimeMs !== mtimeMs)
        cached = { mtimeMs, catalog: loadCatalog(deps.catalogFile) };
      return cached.catalog;
    },
    async currentAsOf() {
      if (deps.asOf) return deps.asOf();
      // The latest finished run's as-of date: narratives then agree with what the sync wrote.
      const { rows } = await deps.store.query<{ as_of: string }>(
        "SELECT as_of FROM sync_runs WHERE status = 'succeeded' AND NOT dry_run ORDER BY id DESC LIMIT 1",
      );
      return rows[0]?.as_of ?? new Date().toISOString().slice(0, 10);
    },
    connection(name) {
      const found = deps.connections.find((c) => c.name === name);
      if (!found) {
        const known = deps.connections.map((c) => c.name).join(', ') || 'none configured';
        throw new HttpError(404, 'not_found', `connection "${name}" not found (known: ${known})`);
      }
      return found;
    },
    embeddedView: (accountId) =>
      views.get(accountId, async () => {
        const r = await records.load(accountId);
        return r && lightView(accountId, r);
      }),
    cachedEmbeddedView: (accountId) => views.peek(accountId),
    dataChanged: () => views.invalidate(),
  };
  return ctx;
}
