/**
 * Security headers (helmet). The console may not be framed by anyone; the embedded account view
 * and the Salesforce Canvas endpoint may be framed by Salesforce and HubSpot pages only
 * (CSP `frame-ancestors`, which modern browsers apply instead of X-Frame-Options). Scripts and
 * styles come from this origin only: no inline script anywhere.
 * https://helmetjs.github.io/
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Where Salesforce (Lightning, Classic, Visualforce) and HubSpot render record pages. */
export const CRM_FRAME_ANCESTORS = [
  "'self'",
  'https://*.force.com',
  'https://*.salesforce.com',
  'https://*.lightning.force.com',
  'https://*.visualforce.com',
  'https://*.hubspot.com',
];

/** Paths whose pages are shown inside CRM iframes. */
export const EMBED_PATHS = ['/embed/', '/salesforce/canvas'];

function headers(frameAncestors: string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors,
      },
    },
    // Framing is governed by frame-ancestors above; X-Frame-Options cannot express a list.
    frameguard: frameAncestors.includes("'none'") ? { action: 'deny' } : false,
    // A CRM page embedding us is cross-origin by design.
    crossOriginResourcePolicy: {
      policy: frameAncestors.includes("'none'") ? 'same-origin' : 'cross-origin',
    },
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts,
    // which the CSRF check (auth.ts) must be able to compare; signed embed links never leak out.
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** helmet for every response, with the framing policy chosen by path. */
export function securityHeaders(): RequestHandler {
  const console = headers(["'none'"]);
  const embedded = headers(CRM_FRAME_ANCESTORS);
  return (req, res, next) => {
    const embed = EMBED_PATHS.some((p) => req.path.startsWith(p));
    (embed ? embedded : console)(req, res, next);
  };
}

/**
 * The headers helmet sets on an embedded page, as [name, value] pairs: for answering from the
 * embed fast lane (embed-fast-lane.ts) with exactly what the Express path sends. Read off helmet
 * itself, so the two cannot drift apart.
 */
export function embeddedPageHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name, String(value));
    },
    removeHeader(name: string) {
      headers.delete(name);
    },
  } as unknown as ServerResponse;
  const req = { headers: {}, path: EMBED_PATHS[0] } as unknown as IncomingMessage;
  let done = false;
  (
    securityHeaders() as unknown as (
      q: IncomingMessage,
      r: ServerResponse,
      next: () => void,
    ) => void
  )(req, res, () => (done = true));
  if (!done) throw new Error('helmet did not finish synchronously');
  return [...headers];
}
