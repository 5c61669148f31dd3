/**
 * What the CRMs load, reachable without the API token but only with a valid signature:
 * `GET /embed/accounts/:id` (a signed short-lived link, or a console session),
 * and `POST /salesforce/canvas` (a Canvas signed request). Bad, missing or stale signatures
 * answer 401. HubSpot's app card has its own routes (hubspot-app.ts); the legacy CRM card's
 * `GET /hubspot/card` is gone: HubSpot stopped showing legacy cards on October 31, 2026.
 */
import express, { Router } from 'express';
import { principal } from '../auth.js';
import type { AppContext } from '../context.js';
import { embedPage, publicUrl } from '../embed-page.js';
import { HttpError, notFound } from '../errors.js';
import { verifyCanvasRequest, verifyEmbedLink, type CanvasEnvelope } from '../signatures.js';
import { embeddedAccountPage } from '../views/account.js';

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

  return r;
}
