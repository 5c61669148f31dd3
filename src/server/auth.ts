/**
 * Access to the console and the API. With `HEADROOM_API_TOKEN` set: a `Bearer` header, or the
 * HttpOnly session cookie the login form sets. Without it (the local demo), everything is open
 * to loopback clients ONLY: a request from another host, or one relayed by a proxy, is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'headroom_session';
/** A console session lasts a working day. */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Cookie header -> name/value pairs (only this server's own simple cookies are read; one that
 * is not valid percent-encoding, someone else's or garbled, is skipped rather than fatal). */
export function readCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // URIError: not ours.
    }
  }
  return out;
}

/** Stateless session value: issue time + HMAC(token, issue time). Changing the token logs everyone out. */
export function sessionValue(token: string, issuedAt = Date.now()): string {
  return `${issuedAt}.${createHmac('sha256', token).update(`session:${issuedAt}`).digest('base64url')}`;
}

function validSession(token: string, value: string | undefined, now = Date.now()): boolean {
  if (!value) return false;
  const issuedAt = Number(value.split('.')[0]);
  if (!Number.isFinite(issuedAt) || now - issuedAt > SESSION_TTL_MS || issuedAt > now + 60_000)
    return false;
  return equal(sessionValue(token, issuedAt), value);
}

/** Host names a loopback request may carry; any other is DNS rebinding (evil.example -> 127.0.0.1). */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** Is the request from this machine, directly (no proxy in between), addressed to a loopback name? */
export function isDirectLoopback(req: IncomingMessage): boolean {
  const addr = req.socket.remoteAddress ?? '';
  return (
    LOOPBACK.has(addr) &&
    LOOPBACK_HOST.test(req.headers.host ?? '') &&
    req.headers['x-forwarded-for'] === undefined &&
    req.headers.forwarded === undefined
  );
}

export type Principal = 'bearer' | 'session' | 'local-demo';

/** Who is asking, or undefined when nobody authenticated. */
export function principal(
  req: IncomingMessage,
  apiToken: string | undefined,
): Principal | undefined {
  if (!apiToken) {
    // Local demo mode, deliberately: no token configured means no secrets to check, so the only
    // protection left is that the console answers nobody but this machine.
    return isDirectLoopback(req) ? 'local-demo' : undefined;
  }
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && equal(header.slice(7).trim(), apiToken)) return 'bearer';
  if (validSession(apiToken, readCookies(req.headers.cookie)[SESSION_COOKIE])) return 'session';
  return undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: writes by a browser must come from our own pages (Origin/Referer host = Host). Browsers
 * always send Origin on cross-site posts; tools (curl, scripts) send neither, which is allowed
 * only where no cookie is involved (`requireBrowserOrigin` false).
 */
function sameOrigin(req: Request, requireBrowserOrigin: boolean): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return !requireBrowserOrigin;
  try {
    return new URL(source).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Guard for the console and the API. API paths answer 401 JSON; console pages redirect to the
 * login form (or answer 403 in local demo mode, where there is nothing to log in with).
 */
export function requireAuth(apiToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    const who = principal(req, apiToken);
    // A session rides on a cookie; the local demo on "any page this machine's browser opens".
    // Both are open to cross-site forms, so both get the origin check. Bearer tokens are not.
    const csrfExposed = who === 'session' || who === 'local-demo';
    if (csrfExposed && UNSAFE.has(req.method) && !sameOrigin(req, who === 'session')) {
      next(new HttpError(403, 'forbidden', 'cross-site request refused'));
      return;
    }
    if (who) {
      res.locals.principal = who;
      next();
      return;
    }
    if (!apiToken) {
      next(
        new HttpError(
          403,
          'forbidden',
          'no HEADROOM_API_TOKEN is set: the console answers loopback clients only',
        ),
      );
      return;
    }
    if (
      !req.path.startsWith('/api/') &&
      req.method === 'GET' &&
      req.accepts(['json', 'html']) === 'html'
    ) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    next(new HttpError(401, 'unauthorized', 'a valid Bearer token or session is required'));
  };
}

/** Check a token typed into the login form and set the session cookie. */
export function logIn(req: Request, res: Response, apiToken: string, typed: string): boolean {
  if (!equal(typed, apiToken)) return false;
  res.cookie(SESSION_COOKIE, sessionValue(apiToken), {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_TTL_MS,
  });
  return true;
}
