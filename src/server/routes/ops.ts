/**
 * Operations and sign-in: `/healthz` (the process answers), `/readyz` (the store answers a
 * query), `/metrics` (Prometheus text; behind the same auth as the API, scrape it with a Bearer
 * token), and the login / logout form of the console.
 */
import express, { Router } from 'express';
import { logIn, requireAuth, SESSION_COOKIE } from '../auth.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { loginPage, safeNext } from '../views/login.js';

/** /readyz gives the store this long to answer. */
const READY_TIMEOUT_MS = 2000;

export function opsRoutes(ctx: AppContext): Router {
  const r = Router();
  const token = ctx.config.apiToken;

  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  r.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ctx.store.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('store did not answer in time')),
            READY_TIMEOUT_MS,
          );
        }),
      ]);
      res.json({ status: 'ready', store: ctx.store.backend });
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message }, 'readiness check failed');
      throw new HttpError(503, 'not_ready', 'the store is not reachable');
    } finally {
      clearTimeout(timer);
    }
  });

  r.get('/metrics', requireAuth(token), async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });

  r.get('/login', (req, res) => {
    if (!token) {
      res.redirect(303, '/');
      return;
    }
    res.type('html').send(loginPage(safeNext(req.query.next), false).value);
  });

  r.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    if (token && typeof body.token === 'string' && logIn(req, res, token, body.token)) {
      res.redirect(303, next);
      return;
    }
    res.status(401).type('html').send(loginPage(next, true).value);
  });

  r.post('/logout', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, token ? '/login' : '/');
  });

  return r;
}
