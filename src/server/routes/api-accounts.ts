/**
 * `GET /api/accounts` (filters: tier, health, owner, readiness, connection; paging) and
 * `GET /api/accounts/:id` (the account, its opportunities with evidence and score history, and
 * its narratives).
 */
import { Router } from 'express';
import { z } from 'zod';
import { HEALTH, READINESS } from '../../model/index.js';
import { buildAccountView } from '../account-view.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { listAccounts } from '../queries.js';

/** Query strings: empty values mean "no filter". */
const blank = (v: unknown): unknown => (v === '' ? undefined : v);

export const AccountQuerySchema = z
  .object({
    tier: z.preprocess(blank, z.coerce.number().int().min(0).max(5).optional()),
    health: z.preprocess(blank, z.enum(HEALTH).optional()),
    owner: z.preprocess(blank, z.string().max(200).optional()),
    readiness: z.preprocess(blank, z.enum(READINESS).optional()),
    connection: z.preprocess(blank, z.string().max(100).optional()),
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(5000).default(500)),
    offset: z.preprocess(blank, z.coerce.number().int().min(0).default(0)),
  })
  .strict();

export function accountsApi(ctx: AppContext): Router {
  const r = Router();

  r.get('/api/accounts', async (req, res) => {
    const filter = AccountQuerySchema.parse(req.query);
    const accounts = await listAccounts(ctx.store, filter);
    res.json({ accounts, count: accounts.length, limit: filter.limit, offset: filter.offset });
  });

  r.get('/api/accounts/:id', async (req, res) => {
    const view = await buildAccountView(ctx, req.params.id);
    if (!view) throw notFound(`account "${req.params.id}"`);
    res.json({
      account: view.account ?? null,
      summary: view.summary ?? null,
      connection: view.connection,
      contacts: view.contacts,
      opportunities: view.opportunities.map(({ row, history }) => ({
        ...row.data,
        status: row.status,
        statusReason: row.statusReason ?? null,
        firstSeen: row.firstSeen,
        lastSeen: row.lastSeen,
        scoreHistory: history,
      })),
      narratives: {
        qbrAgenda: view.qbr ?? null,
        outreach: view.outreach,
        championPlans: view.championPlans,
        unlock: view.unlock ?? null,
      },
    });
  });

  return r;
}
