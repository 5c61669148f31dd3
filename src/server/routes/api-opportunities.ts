/**
 * `GET /api/opportunities` (filters: connection, account, status, tier, type, category, health,
 * timing; paging), `POST /api/opportunities/:id/accept` and `POST /api/opportunities/:id/dismiss`
 * (body `{ reason }`, kept for the next sync).
 */
import { Router } from 'express';
import { z } from 'zod';
import { CATEGORIES, HEALTH, OPPORTUNITY_TYPES, TIMING } from '../../model/index.js';
import { OPPORTUNITY_STATUSES, type OpportunityRow } from '../../store/opportunities.js';
import type { AppContext } from '../context.js';
import { AcceptBodySchema, changeStatus, DismissBodySchema } from '../opportunity-status.js';
import { findOpportunities } from '../opportunity-queries.js';

const blank = (v: unknown): unknown => (v === '' ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());

export const OpportunityQuerySchema = z
  .object({
    connection: opt(z.string().max(100)),
    accountId: opt(z.string().max(300)),
    status: opt(z.enum(OPPORTUNITY_STATUSES)),
    tier: opt(z.coerce.number().int().min(1).max(5)),
    type: opt(z.enum(OPPORTUNITY_TYPES)),
    category: opt(z.enum(CATEGORIES)),
    health: opt(z.enum(HEALTH)),
    timing: opt(z.enum(TIMING)),
    includeClosed: opt(z.enum(['true', 'false']).transform((v) => v === 'true')),
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(5000).default(500)),
    offset: z.preprocess(blank, z.coerce.number().int().min(0).default(0)),
  })
  .strict();

/** The API shape of an opportunity: the output contract plus Headroom's tracking fields. */
export function opportunityJson(row: OpportunityRow): Record<string, unknown> {
  return {
    ...row.data,
    connection: row.connection,
    status: row.status,
    statusReason: row.statusReason ?? null,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    closedAt: row.closedAt ?? null,
  };
}

export function opportunitiesApi(ctx: AppContext): Router {
  const r = Router();

  r.get('/api/opportunities', async (req, res) => {
    const filter = OpportunityQuerySchema.parse(req.query);
    const rows = await findOpportunities(ctx.store, filter);
    res.json({
      opportunities: rows.map(opportunityJson),
      count: rows.length,
      limit: filter.limit,
      offset: filter.offset,
    });
  });

  r.post('/api/opportunities/:id/accept', async (req, res) => {
    const body = AcceptBodySchema.parse(req.body ?? {});
    const row = await changeStatus(ctx.store, req.params.id, 'accept', {
      reason: body.note,
      by: 'api',
    });
    ctx.dataChanged();
    res.json({ opportunity: opportunityJson(row) });
  });

  r.post('/api/opportunities/:id/dismiss', async (req, res) => {
    const body = DismissBodySchema.parse(req.body ?? {});
    const row = await changeStatus(ctx.store, req.params.id, 'dismiss', {
      reason: body.reason,
      by: 'api',
    });
    ctx.dataChanged();
    res.json({ opportunity: opportunityJson(row) });
  });

  return r;
}
