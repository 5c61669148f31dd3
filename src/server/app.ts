/**
 * The express app `npm start` serves: the JSON API, the ops console, the views embedded in
 * Salesforce and HubSpot, and the operations endpoints. `createApp` wires the pieces in the
 * order that matters (security headers and timing first, signature-checked embeds before the
 * token guard, one error handler last); `startServer` listens and hands back a `close`.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { requireAuth } from './auth.js';
import { appContext, type AppContext } from './context.js';
import type { ServerDeps } from './deps.js';
import { withEmbedFastLane } from './embed-fast-lane.js';
import { errorHandler, notFound } from './errors.js';
import { logRequest, serverMetrics, timeRequests } from './metrics.js';
import { accountsApi } from './routes/api-accounts.js';
import { configApi } from './routes/api-config.js';
import { opportunitiesApi } from './routes/api-opportunities.js';
import { runsApi } from './routes/api-runs.js';
import { consoleRoutes } from './routes/console.js';
import { embedRoutes } from './routes/embed.js';
import { hubspotAppRoutes } from './routes/hubspot-app.js';
import { opsRoutes } from './routes/ops.js';
import { securityHeaders } from './security.js';

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));

export function createApp(deps: ServerDeps): express.Application {
  return build(deps).app;
}

/**
 * What the HTTP server runs: the embed fast lane (embed-fast-lane.ts) for cached record-page
 * loads, the Express app for everything else. Both share one context (one view cache).
 */
export function createRequestListener(deps: ServerDeps): RequestListener {
  const { app, ctx } = build(deps);
  return withEmbedFastLane(ctx, app);
}

function build(deps: ServerDeps): { app: express.Application; ctx: AppContext } {
  const metrics = serverMetrics(deps.metrics);
  const ctx = appContext(deps, metrics);
  const limit = deps.config.bodyLimit ?? '1mb';
  const app = express();
  if (!deps.config.apiToken) {
    // Deliberate local-demo mode (see auth.ts): say so where operators look.
    deps.log.warn(
      {},
      'HEADROOM_API_TOKEN is not set: the console and API answer loopback clients only',
    );
  }

  app.disable('x-powered-by');
  app.use(timeRequests(metrics));
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => logRequest(deps.log, req.method, req.path, res.statusCode, start));
    next();
  });
  app.use(securityHeaders());
  app.use('/assets', express.static(ASSETS, { maxAge: '1h', index: false }));

  // Reachable without the token: health checks, sign-in, and the signature-checked CRM views.
  app.use(opsRoutes(ctx));
  app.use(embedRoutes(ctx), hubspotAppRoutes(ctx));

  app.use(requireAuth(deps.config.apiToken));
  app.use(
    '/api',
    express.json({ limit }),
    express.text({ type: ['application/yaml', 'text/yaml', 'text/plain'], limit }),
  );
  app.use(accountsApi(ctx), opportunitiesApi(ctx), runsApi(ctx), configApi(ctx));
  app.use(express.urlencoded({ extended: false, limit }));
  app.use(consoleRoutes(ctx));

  app.use((req, _res, next) => next(notFound(`${req.method} ${req.path}`)));
  app.use(errorHandler(deps.log, (code) => metrics.errors.inc({ code })));
  return { app, ctx };
}

/** Listen on `port` (0 = a free one) on `host` (@default '127.0.0.1'); resolves once listening. */
export function startServer(
  deps: ServerDeps,
  port: number,
  host = '127.0.0.1',
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(createRequestListener(deps));
  return new Promise((resolve, reject) => {
    server.listen(port, host, () => {
      const addr = server.address() as AddressInfo;
      const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        url: `http://${shown}:${addr.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            server.closeAllConnections();
          }),
      });
    });
    server.on('error', reject);
  });
}
