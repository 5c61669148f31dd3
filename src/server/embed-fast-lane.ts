/**
 * The embedded account view's fast lane. A CRM record page loads `GET /embed/accounts/:id` each
 * time someone opens the record, so this one request is answered straight from the HTTP server,
 * ahead of Express's middleware and routers (a third of the time a cached page took, and 100
 * concurrent loads queued behind each other), when it is plainly in order: a well-formed link
 * whose signature checks out, or a signed-in console user. It sends what the Express route
 * sends (same body, ETag, helmet headers, 304 on a matching If-None-Match) and records the same
 * metric and log line. Anything else (a refused or odd request, an unknown account, a failed
 * load) goes the Express way, which refuses (401), answers 404 or reports the error in the one
 * error shape.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import fresh from 'fresh';
import type { AccountView } from './account-view.js';
import { principal } from './auth.js';
import type { AppContext } from './context.js';
import { embedPage, publicUrl } from './embed-page.js';
import { logRequest } from './metrics.js';
import { embeddedPageHeaders } from './security.js';
import { verifyEmbedLink } from './signatures.js';

const PREFIX = '/embed/accounts/';
/** The route label Express's metrics give this path. */
const ROUTE = `${PREFIX}:id`;

interface EmbedLink {
  id: string;
  exp: string | undefined;
  sig: string | undefined;
}

/** The account id and link parameters of an embed URL, when it is plainly one. */
function parse(url: string): EmbedLink | undefined {
  if (!url.startsWith(PREFIX)) return undefined;
  const q = url.indexOf('?');
  const raw = url.slice(PREFIX.length, q < 0 ? undefined : q);
  if (!raw || raw.includes('/')) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const exp = params.getAll('exp');
  const sig = params.getAll('sig');
  // Repeated parameters are Express's to refuse.
  if (exp.length > 1 || sig.length > 1) return undefined;
  return { id, exp: exp[0], sig: sig[0] };
}

/**
 * `app` with the fast lane in front: signed embed loads are answered here (from the cache at
 * once, or after the batched load on a miss); everything else, and any load that finds no
 * account or fails, goes to `app`, which answers it with the 404 or error it always gives.
 */
export function withEmbedFastLane(ctx: AppContext, app: RequestListener): RequestListener {
  const security = embeddedPageHeaders();
  const { log, metrics } = ctx;

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    view: AccountView,
    started: bigint,
  ) {
    const page = embedPage(view, publicUrl(ctx, req, `/accounts/${encodeURIComponent(id)}`));
    for (const [name, value] of security) res.setHeader(name, value);
    res.setHeader('ETag', page.etag);
    if (fresh(req.headers, { etag: page.etag })) {
      res.statusCode = 304;
      res.end();
    } else {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', page.body.length);
      res.end(page.body);
    }
    metrics.httpDuration.observe(
      { method: 'GET', route: ROUTE, status: String(res.statusCode) },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    logRequest(log, 'GET', req.url?.split('?', 1)[0] ?? PREFIX, res.statusCode, started);
  }

  /** A signed-in console user, or a link whose signature checks out. A request that makes the
   * checks throw (a malformed cookie) is not allowed here: Express answers it. */
  function allowed(req: IncomingMessage, link: EmbedLink) {
    try {
      return (
        principal(req, ctx.config.apiToken) !== undefined ||
        verifyEmbedLink(ctx.config.embedSecret ?? '', link.id, link.exp, link.sig) === 'ok'
      );
    } catch {
      return false;
    }
  }

  /** Sends the page; should anything fail before a byte went out, Express answers instead. */
  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    view: AccountView,
    started: bigint,
  ) {
    try {
      send(req, res, id, view, started);
    } catch {
      if (res.headersSent) res.destroy();
      else app(req, res);
    }
  }

  return (req, res) => {
    const started = process.hrtime.bigint();
    const link = req.method === 'GET' && req.url ? parse(req.url) : undefined;
    if (!link || !allowed(req, link)) {
      app(req, res);
      return;
    }
    const cached = ctx.cachedEmbeddedView(link.id);
    if (cached) {
      answer(req, res, link.id, cached, started);
      return;
    }
    ctx.embeddedView(link.id).then(
      (view) => (view ? answer(req, res, link.id, view, started) : app(req, res)),
      () => app(req, res),
    );
  };
}
