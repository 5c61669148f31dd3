/**
 * Sync runs: `GET /api/runs` (history, newest first), `GET /api/runs/:id`,
 * `GET /api/runs/:id/issues` (the per-record problems, paged) and `POST /api/runs`
 * (`{ connection, dryRun?, allowMassChange? }`: starts a sync in the background, answers 202 with
 * its id; `allowMassChange` confirms a change the mass-change guard held).
 */
import { Router } from 'express';
import { z } from 'zod';
import { getRun, listRuns } from '../../store/runs.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { issuesPage } from '../queries.js';

const blank = (v: unknown): unknown => (v === '' ? undefined : v);

const RunsQuerySchema = z
  .object({
    connection: z.preprocess(blank, z.string().max(100).optional()),
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(500).default(50)),
  })
  .strict();

const PageQuerySchema = z
  .object({
    limit: z.preprocess(blank, z.coerce.number().int().min(1).max(5000).default(500)),
    offset: z.preprocess(blank, z.coerce.number().int().min(0).default(0)),
  })
  .strict();

export const StartRunBodySchema = z
  .object({
    connection: z.string().min(1).max(100),
    dryRun: z.boolean().default(false),
    /** Confirm a mass change the guard held. */
    allowMassChange: z.boolean().default(false),
  })
  .strict();

const RunId = z.coerce.number().int().positive();

/** Start a run (API and console): checks the connection, counts it, returns the run id. */
export async function startSync(
  ctx: AppContext,
  connection: string,
  dryRun: boolean,
  allowMassChange = false,
): Promise<string> {
  ctx.connection(connection);
  const runId = await ctx.startRun(connection, {
    dryRun,
    ...(allowMassChange ? { allowMassChange } : {}),
  });
  ctx.metrics.runsStarted.inc({ connection, dry_run: String(dryRun) });
  ctx.log.info({ connection, dryRun, allowMassChange, runId }, 'sync run started');
  return runId;
}

export function runsApi(ctx: AppContext): Router {
  const r = Router();

  r.get('/api/runs', async (req, res) => {
    const q = RunsQuerySchema.parse(req.query);
    const runs = await listRuns(ctx.store, {
      limit: q.limit,
      ...(q.connection ? { connection: q.connection } : {}),
    });
    res.json({ runs });
  });

  r.get('/api/runs/:id', async (req, res) => {
    const run = await getRun(ctx.store, RunId.parse(req.params.id));
    if (!run) throw notFound(`run ${req.params.id}`);
    res.json({ run });
  });

  r.get('/api/runs/:id/issues', async (req, res) => {
    const id = RunId.parse(req.params.id);
    const page = PageQuerySchema.parse(req.query);
    if (!(await getRun(ctx.store, id))) throw notFound(`run ${id}`);
    res.json({ runId: id, ...(await issuesPage(ctx.store, id, page)), ...page });
  });

  r.post('/api/runs', async (req, res) => {
    const body = StartRunBodySchema.parse(req.body ?? {});
    const runId = await startSync(ctx, body.connection, body.dryRun, body.allowMassChange);
    res
      .status(202)
      .location(`/api/runs/${encodeURIComponent(runId)}`)
      .json({ runId });
  });

  return r;
}
