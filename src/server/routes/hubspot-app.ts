/**
 * The HubSpot app card's endpoints (connectors/hubspot/app), reached through `hubspot.fetch`
 * without the API token but only with a valid v3 signature from the configured portal
 * (hubspot-app-request.ts):
 *
 * - `GET  /hubspot/app-card/companies/:companyId`: the card of a company record;
 * - `GET  /hubspot/app-card/opportunities/:id`: the card of the account behind an Expansion deal
 *   (its `headroom_key` is the opportunity id), with that opportunity in `focus`;
 * - `POST /hubspot/app-card/opportunities/:id/accept` `{ note? }` and `.../dismiss` `{ reason }`:
 *   the status the console's forms set, kept by every later sync; answers the card again.
 *
 * Every answer is `{ card, focus? }`: the shared view model (src/view/account-card.ts) with the
 * link made absolute. https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/fetching-data
 */
import express, { Router, type Request } from 'express';
import { cardOf } from '../account-view.js';
import type { AppContext } from '../context.js';
import { publicUrl } from '../embed-page.js';
import { HttpError, notFound } from '../errors.js';
import { verifyHubspotApp, type HubspotAppCaller } from '../hubspot-app-request.js';
import { getOpportunity } from '../opportunity-queries.js';
import { AcceptBodySchema, changeStatus, DismissBodySchema } from '../opportunity-status.js';
import {
  cardOpportunity,
  type AccountCard,
  type CardOpportunity,
} from '../../view/account-card.js';
import type { OpportunityRow } from '../../store/opportunities.js';

export interface AppCardResponse {
  card: AccountCard;
  /** On a deal card: the opportunity the deal carries, whatever its status. */
  focus?: CardOpportunity;
}

/** Listed at most on the card; the rest are counted and a click away in Headroom. */
const CARD_OPPORTUNITIES = 5;

async function answer(
  ctx: AppContext,
  req: Request,
  accountId: string,
  focus?: OpportunityRow,
): Promise<AppCardResponse | undefined> {
  const view = await ctx.embeddedView(accountId);
  if (!view) return undefined;
  const card = cardOf(view, CARD_OPPORTUNITIES);
  return {
    card: { ...card, link: publicUrl(ctx, req, card.link) },
    ...(focus ? { focus: cardOpportunity(focus, card.currency) } : {}),
  };
}

/** The opportunity, when it belongs to the caller's connection (ids never cross portals). */
async function ownOpportunity(ctx: AppContext, caller: HubspotAppCaller, id: string) {
  const row = await getOpportunity(ctx.store, id);
  if (!row || row.connection !== caller.connection.name) throw notFound(`opportunity "${id}"`);
  return row;
}

function jsonBody(raw: Buffer | undefined): unknown {
  const text = raw?.length ? raw.toString('utf8') : '';
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'request body is not valid JSON');
  }
}

export function hubspotAppRoutes(ctx: AppContext): Router {
  const r = Router();
  // The signature covers the raw body, so it is read as bytes and parsed after the check.
  const raw = express.raw({ type: () => true, limit: ctx.config.bodyLimit ?? '1mb' });

  r.get('/hubspot/app-card/companies/:companyId', async (req, res) => {
    const caller = verifyHubspotApp(ctx, req, '');
    const { companyId } = req.params;
    const body = await answer(ctx, req, `${caller.connection.name}:${companyId}`);
    if (!body) throw notFound(`HubSpot company ${companyId}`);
    res.json(body);
  });

  r.get('/hubspot/app-card/opportunities/:id', async (req, res) => {
    const caller = verifyHubspotApp(ctx, req, '');
    const row = await ownOpportunity(ctx, caller, req.params.id);
    const body = await answer(ctx, req, row.accountId, row);
    if (!body) throw notFound(`the account of opportunity "${row.id}"`);
    res.json(body);
  });

  for (const action of ['accept', 'dismiss'] as const) {
    r.post(`/hubspot/app-card/opportunities/:id/${action}`, raw, async (req, res) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : undefined;
      const caller = verifyHubspotApp(ctx, req, rawBody?.toString('utf8') ?? '');
      await ownOpportunity(ctx, caller, req.params.id);
      const input = jsonBody(rawBody);
      const reason =
        action === 'accept'
          ? AcceptBodySchema.parse(input).note
          : DismissBodySchema.parse(input).reason;
      const by = `hubspot${caller.userId ? `:user ${caller.userId}` : ''}`;
      const row = await changeStatus(ctx.store, req.params.id, action, { reason, by });
      ctx.dataChanged();
      const body = await answer(ctx, req, row.accountId, row);
      if (!body) throw notFound(`the account of opportunity "${row.id}"`);
      res.json(body);
    });
  }

  return r;
}
