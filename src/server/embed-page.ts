/**
 * Rendered embed pages, kept per cached view object: when the view cache drops or replaces a
 * view (a sync, an accept or dismiss), its pages go with it. Body bytes and ETag are computed
 * once, so neither the Express route nor the fast lane encodes or hashes the page per request.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AccountView } from './account-view.js';
import type { AppContext } from './context.js';
import { embeddedAccountPage } from './views/account.js';

export interface EmbedPage {
  body: Buffer;
  etag: string;
}

const rendered = new WeakMap<AccountView, Map<string, EmbedPage>>();

/** The embedded page of `view` linking to `consoleUrl`, rendered on first use. */
export function embedPage(view: AccountView, consoleUrl: string): EmbedPage {
  let pages = rendered.get(view);
  if (!pages) rendered.set(view, (pages = new Map()));
  let page = pages.get(consoleUrl);
  if (!page) {
    const body = Buffer.from(embeddedAccountPage(view, consoleUrl).value);
    page = { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
    pages.set(consoleUrl, page);
  }
  return page;
}

/**
 * The URL the outside world used: HubSpot signs it, links point at it. `HEADROOM_PUBLIC_URL`
 * when set (behind a proxy); else this request's own scheme and Host, as Express's `req.protocol`
 * reads them without 'trust proxy'.
 */
export function publicUrl(ctx: AppContext, req: IncomingMessage, path: string): string {
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  return `${ctx.config.publicBaseUrl ?? `${scheme}://${req.headers.host ?? 'localhost'}`}${path}`;
}
