/**
 * The server's one error path: routes throw (or reject with) an `HttpError`, a `ZodError` or a
 * `ConfigError`; `errorHandler` turns any of them into `{ error: { code, message } }` (or the same
 * thing as a small HTML page for console pages). Unknown faults are logged and answered as 500
 * without their message, which may hold internals.
 */
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { ConfigError } from '../errors.js';
import { zodProblems } from '../config/load-yaml.js';
import { html } from './html.js';
import { page } from './views/layout.js';
import type { ServerLog } from './deps.js';

/** An expected HTTP failure with a stable machine code (`not_found`, `unauthorized`, ...). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not_found', `${what} not found`);

interface Shaped {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

function shape(err: unknown): Shaped | undefined {
  if (err instanceof HttpError)
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (err instanceof ZodError) {
    const problems = zodProblems(err);
    const message = problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; ');
    return { status: 400, code: 'invalid_request', message, details: problems };
  }
  if (err instanceof ConfigError) {
    return { status: 422, code: 'invalid_config', message: err.message, details: err.problems };
  }
  // body-parser's errors carry `type` and `status` (https://github.com/expressjs/body-parser#errors).
  const e = err as { type?: unknown; status?: unknown };
  if (e && e.type === 'entity.too.large')
    return { status: 413, code: 'payload_too_large', message: 'request body too large' };
  if (e && e.type === 'entity.parse.failed')
    return { status: 400, code: 'invalid_json', message: 'request body is not valid JSON' };
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return { status: e.status, code: 'bad_request', message: 'bad request' };
  }
  return undefined;
}

/** Build the single error handler; `onError` counts errors for /metrics. */
export function errorHandler(log: ServerLog, onError: (code: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = shape(err);
    const s: Shaped = known ?? { status: 500, code: 'internal', message: 'internal error' };
    if (!known) log.error({ err, method: req.method, path: req.path }, 'request failed');
    onError(s.code);
    if (res.headersSent) return;
    const wantsHtml = !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
    if (wantsHtml) {
      res
        .status(s.status)
        .type('html')
        .send(
          page({
            title: 'Error',
            body: html`<h1>${s.status}</h1>
              <p class="error">${s.message}</p>`,
          }).value,
        );
      return;
    }
    const body: { error: { code: string; message: string; details?: unknown } } = {
      error: { code: s.code, message: s.message },
    };
    if (s.details !== undefined) body.error.details = s.details;
    res.status(s.status).json(body);
  };
}
