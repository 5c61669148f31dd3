/**
 * What the CRMs load, reachable without the API token but only with a valid signature:
 * `GET /embed/accounts/:id` (a signed short-lived link, or a console session),
 * `POST /salesforce/canvas` (a Canvas signed request) and `GET /hubspot/card` (a v3-signed
 * CRM card data fetch). Bad, missing or stale signatures answer 401.
 */
import express, { Router } from 'express';
import { principal } from '../auth.js';
import type { AppContext } from '../context.js';
import { embedPage, publicUrl } from '../embed-page.js';
import { HttpError, notFound } from '../errors.js';
import {
  verifyCanvasRequest,
  verifyEmbedLink,
  verifyHubspotSignature,
  type CanvasEnvelope,
} from '../signatures.js';
import { embeddedAccountPage } from '../views/account.js';
import { hubspotCard } from '../views/hubspot-card.js';

const refused = (message: string, code = 'bad_signature'): HttpError =>
  new HttpError(401, code, message);

/** Account ids a Salesforce record id may belong to: `<connection>:<id>` per Salesforce connection. */
function salesforceAccountIds(ctx: AppContext, envelope: CanvasEnvelope): string[] {
  const env = envelope.context.environment;
  const record = env?.record;
  const type = record?.attributes?.type;
  const fromRecord =
    type === undefined || type === 'Account'
      ? record?.Id
      : (record?.AccountId ?? record?.Account__c);
  const fromParams = env?.parameters?.accountId;
  const crmId = [fromRecord, fromParams].find(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  if (!crmId) return [];
  return ctx.connections
    .filter((c) => c.connector === 'salesforce')
    .map((c) => `${c.name}:${crmId}`);
}

export function embedRoutes(ctx: AppContext): Router {
  const r = Router();
  const limit = ctx.config.bodyLimit ?? '1mb';

  r.get('/embed/accounts/:id', async (req, res) => {
    const id = req.params.id;
    if (!principal(req, ctx.config.apiToken)) {
      const check = verifyEmbedLink(ctx.config.embedSecret ?? '', id, req.query.exp, req.query.sig);
      if (check === 'missing')
        throw refused('a signed link (exp, sig) is required', 'unauthorized');
      if (check === 'expired')
        throw refused('this link has expired; reopen it from the CRM', 'link_expired');
      if (check !== 'ok') throw refused('invalid link signature');
    }
    const view = await ctx.embeddedView(id);
    if (!view) throw notFound(`account "${id}"`);
    const page = embedPage(view, publicUrl(ctx, req, `/accounts/${encodeURIComponent(id)}`));
    res.type('html').set('ETag', page.etag).send(page.body);
  });

  r.post('/salesforce/canvas', express.urlencoded({ extended: false, limit }), async (req, res) => {
    const secret = ctx.config.canvasConsumerSecret;
    if (!secret) throw new HttpError(503, 'not_configured', 'SALESFORCE_CANVAS_SECRET is not set');
    const signed = (req.body as Record<string, unknown> | undefined)?.signed_request;
    if (typeof signed !== 'string') throw refused('signed_request is missing', 'unauthorized');
    const envelope = verifyCanvasRequest(signed, secret);
    if (!envelope) throw refused('invalid Canvas signed request');
    for (const id of salesforceAccountIds(ctx, envelope)) {
      const view = await ctx.embeddedView(id);
      if (view) {
        res
          .type('html')
          .send(
            embeddedAccountPage(view, publicUrl(ctx, req, `/accounts/${encodeURIComponent(id)}`))
              .value,
          );
        return;
      }
    }
    throw notFound('the account of this Salesforce record');
  });

  r.get('/hubspot/card', async (req, res) => {
    const secret = ctx.config.hubspotClientSecret;
    if (!secret) throw new HttpError(503, 'not_configured', 'HUBSPOT_CLIENT_SECRET is not set');
    const check = verifyHubspotSignature({
      clientSecret: secret,
      method: req.method,
      uri: publicUrl(ctx, req, req.originalUrl),
      body: '',
      signature: req.get('x-hubspot-signature-v3'),
      timestamp: req.get('x-hubspot-request-timestamp'),
    });
    if (check === 'missing')
      throw refused(
        'X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required',
        'unauthorized',
      );
    if (check === 'stale')
      throw refused('request timestamp is older than five minutes', 'stale_request');
    if (check !== 'ok') throw refused('invalid HubSpot signature');
    const companyId =
      typeof req.query.associatedObjectId === 'string' ? req.query.associatedObjectId : '';
    for (const c of ctx.connections.filter((x) => x.connector === 'hubspot')) {
      const view = companyId ? await ctx.embeddedView(`${c.name}:${companyId}`) : undefined;
      if (view) {
        res.json(
          hubspotCard(view, companyId, (path) => publicUrl(ctx, req, path), ctx.config.embedSecret),
        );
        return;
      }
    }
    // The card answers for every company; one Headroom has not scored shows no items.
    res.json({ results: [] });
  });

  return r;
}
