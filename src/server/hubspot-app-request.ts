/**
 * Who is asking, for the HubSpot app card's `hubspot.fetch` calls: HubSpot proxies each call to
 * this server, appends `portalId`, `userId`, `userEmail` and `appId` to the query string and signs
 * the whole request (method + full URI + raw body + timestamp) with the app's client secret
 * (`X-HubSpot-Signature-v3`). A request is answered only when that signature is valid and fresh
 * and its portal is the portal of one configured HubSpot connection, whose account ids the
 * card's company ids then resolve against (company ids are unique within a portal only).
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
 */
import type { Request } from 'express';
import type { AppContext } from './context.js';
import type { ConnectionInfo } from './deps.js';
import { publicUrl } from './embed-page.js';
import { HttpError } from './errors.js';
import { verifyHubspotSignature } from './signatures.js';

export interface HubspotAppCaller {
  connection: ConnectionInfo;
  portalId: string;
  /** The HubSpot user (recorded with an accept or dismiss); absent when HubSpot sent none. */
  userId?: string;
}

const refused = (code: string, message: string): HttpError => new HttpError(401, code, message);

const queryText = (req: Request, key: string): string | undefined => {
  const v = req.query[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

/**
 * Verify a card request and find its connection; throws 503 (no client secret), 401 (missing,
 * stale or bad signature) or 403 (a portal no HubSpot connection is configured for).
 * @param rawBody the body exactly as received ('' for a GET)
 */
export function verifyHubspotApp(ctx: AppContext, req: Request, rawBody: string): HubspotAppCaller {
  const secret = ctx.config.hubspotClientSecret;
  if (!secret) throw new HttpError(503, 'not_configured', 'HUBSPOT_CLIENT_SECRET is not set');
  const check = verifyHubspotSignature({
    clientSecret: secret,
    method: req.method,
    uri: publicUrl(ctx, req, req.originalUrl),
    body: rawBody,
    signature: req.get('x-hubspot-signature-v3'),
    timestamp: req.get('x-hubspot-request-timestamp'),
  });
  if (check === 'missing')
    throw refused(
      'unauthorized',
      'X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required',
    );
  if (check === 'stale')
    throw refused('stale_request', 'request timestamp is older than five minutes');
  if (check !== 'ok') throw refused('bad_signature', 'invalid HubSpot signature');

  const portalId = queryText(req, 'portalId');
  const hubspot = ctx.connections.filter((c) => c.connector === 'hubspot');
  const connection = portalId ? hubspot.find((c) => c.hubspotPortalId === portalId) : undefined;
  if (!portalId || !connection) {
    const configured = hubspot.filter((c) => c.hubspotPortalId).length;
    throw new HttpError(
      403,
      'wrong_portal',
      `no HubSpot connection is configured for portal ${portalId ?? '(none given)'}` +
        (configured ? '' : ' (set HUBSPOT_PORTAL_ID on the HubSpot connection)'),
    );
  }
  const userId = queryText(req, 'userId');
  return { connection, portalId, ...(userId ? { userId } : {}) };
}
