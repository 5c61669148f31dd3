/**
 * The HubSpot connector (@hubspot/api-client 13.5.0): pull (full backfill by the list endpoint,
 * incremental by search), describe (properties), setup (group, properties, pipeline) and write
 * (batch upsert/update/create), every call through one limiter per connection.
 */
import type {
  Connector,
  ConnectorContext,
  ConnectorFactory,
  PullRequest,
  RawPage,
} from '../types.js';
import { archivedSince } from './archived.js';
import { createTokenSource } from './auth.js';
import { buildHubspotClient } from './client.js';
import { parseHubspotOptions } from './config.js';
import { describeObject } from './describe.js';
import { listDealPipelines } from './pipelines.js';
import { pullList } from './pull-list.js';
import { parseSince, pullSearch, type Cursor } from './pull-search.js';
import { limitsFor } from './rate-limit.js';
import { modifiedProperty } from './records.js';
import { HubspotHttp, type Clock } from './request.js';
import type { HubspotPipeline } from './schemas.js';
import { runSetup } from './setup.js';
import { parseWhere } from './where.js';
import { findByKey } from './find-by-key.js';
import { writeBatch } from './write.js';

export { HubspotEnvSchema, hubspotOptionsFromEnv } from './config.js';
export { exchangeHubspotCode, hubspotAuthorizeUrl } from './oauth.js';

/** Test seams: the clock, and the length of HubSpot's rate window (10 s). */
export interface HubspotDeps extends Clock {
  windowMs: number;
}

const realDeps: HubspotDeps = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  windowMs: 10_000,
};

export function createHubspotConnectorWith(
  ctx: ConnectorContext,
  deps: HubspotDeps = realDeps,
): Connector {
  const config = parseHubspotOptions(ctx.options);
  const client = buildHubspotClient(config);
  const tokens = createTokenSource(config, client, ctx, deps.now);
  const limits = limitsFor(
    ctx.connection,
    config.ratePer10s,
    config.searchRatePerSecond,
    deps.windowMs,
  );
  const http = new HubspotHttp(client, tokens, limits, deps, config.maxRetries);
  let pipelines: Promise<HubspotPipeline[]> | undefined;

  async function* pull(request: PullRequest): AsyncGenerator<RawPage> {
    const started = deps.now();
    const where = parseWhere(request.where);
    const since = request.since ? parseSince(request.since) : undefined;
    // Overlap the next pull with this one: the search index trails writes by seconds.
    const watermark = new Date(Math.max(since?.ts ?? 0, started - config.overlapMs)).toISOString();
    const properties = [...new Set([...request.fields, modifiedProperty(request.object)])];
    if (!since && !where.length) {
      yield* pullList(http, request, properties, watermark);
      return;
    }
    // Filters (a mapping's `where`) and increments need search; a filtered backfill starts at 0.
    const start: Cursor = since ?? { ts: 0, mode: 'from' };
    yield* pullSearch(http, request, properties, where, start, watermark);
    if (since)
      yield {
        records: [],
        deleted: await archivedSince(http, request.object, since.ts),
        watermark,
      };
  }

  return {
    name: 'hubspot',
    pull,
    describe: (object) => describeObject(http, object),
    find: (object, keyField, keys) => findByKey(http, object, keyField, keys),
    setup: (options) => runSetup(http, options?.dryRun ?? false),
    write: (batch) =>
      writeBatch(http, batch, () => {
        // One read per connector instance; a failed read is not cached.
        pipelines ??= listDealPipelines(http).catch((e: unknown) => {
          pipelines = undefined;
          throw e;
        });
        return pipelines;
      }),
    usage: () => http.usage(),
  };
}

/** Registry entry (`connectors/index.ts`). Settings: `ctx.options` with `HUBSPOT_*` keys. */
export const createHubspotConnector: ConnectorFactory = (ctx) => createHubspotConnectorWith(ctx);
