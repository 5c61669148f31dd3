/**
 * Prometheus metrics the server exposes on /metrics: HTTP latency, API calls, errors by code and
 * sync runs started. Registered idempotently so several apps (tests) can share one registry, and
 * the sync engine can register its own metrics (CRM API calls, rows written) on the same one.
 * https://github.com/siimons/prom-client#readme
 */
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  apiCalls: Counter<'method' | 'route' | 'status'>;
  errors: Counter<'code'>;
  runsStarted: Counter<'connection' | 'dry_run'>;
}

function once<M extends Metric>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}

/** The server's metrics on `registry` (a fresh one with Node's default metrics when absent). */
export function serverMetrics(registry?: Registry): ServerMetrics {
  const reg = registry ?? new Registry();
  if (!registry) collectDefaultMetrics({ register: reg });
  const registers = [reg];
  return {
    registry: reg,
    httpDuration: once(
      reg,
      'headroom_http_request_duration_seconds',
      () =>
        new Histogram({
          name: 'headroom_http_request_duration_seconds',
          help: 'HTTP request latency by route',
          labelNames: ['method', 'route', 'status'] as const,
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
          registers,
        }),
    ),
    apiCalls: once(
      reg,
      'headroom_api_requests_total',
      () =>
        new Counter({
          name: 'headroom_api_requests_total',
          help: 'Calls to the JSON API',
          labelNames: ['method', 'route', 'status'] as const,
          registers,
        }),
    ),
    errors: once(
      reg,
      'headroom_http_errors_total',
      () =>
        new Counter({
          name: 'headroom_http_errors_total',
          help: 'Requests answered with an error, by error code',
          labelNames: ['code'] as const,
          registers,
        }),
    ),
    runsStarted: once(
      reg,
      'headroom_sync_runs_started_total',
      () =>
        new Counter({
          name: 'headroom_sync_runs_started_total',
          help: 'Sync runs started from the API or the console',
          labelNames: ['connection', 'dry_run'] as const,
          registers,
        }),
    ),
  };
}

/**
 * Times every request. The route label is the matched route pattern (`/api/accounts/:id`), never
 * the raw path, so label cardinality stays bounded; unmatched paths are labelled `unmatched`.
 */
export function timeRequests(m: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const end = m.httpDuration.startTimer();
    res.on('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      end(labels);
      if (route.startsWith('/api/')) m.apiCalls.inc(labels);
    });
    next();
  };
}

/**
 * The structured log line of one answered request. Path only: query strings may carry
 * embed-link signatures. Written by the Express app and by the embed fast lane alike.
 */
export function logRequest(
  log: { info(fields: object, msg: string): void },
  method: string,
  path: string,
  status: number,
  startedAt: bigint,
): void {
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  log.info({ method, path, status, ms: Math.round(ms * 10) / 10 }, 'request');
}
