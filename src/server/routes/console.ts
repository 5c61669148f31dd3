/**
 * The ops console: server-rendered pages (dashboard, accounts, account, mapping editor, sync
 * runs) and the plain HTML forms they post (accept / dismiss, mapping preview / save, start a
 * sync). Forms redirect after a change (303) so a reload never posts twice.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import { getRun, listRuns } from '../../store/runs.js';
import { buildAccountView } from '../account-view.js';
import { latestVersion, mappingFile, readText, saveConfig } from '../config-files.js';
import type { AppContext } from '../context.js';
import { dashboardData } from '../dashboard-data.js';
import { HttpError, notFound } from '../errors.js';
import { changeStatus, DismissBodySchema } from '../opportunity-status.js';
import { issuesPage, listAccounts } from '../queries.js';
import { accountPage } from '../views/account.js';
import { accountsPage } from '../views/accounts.js';
import { dashboardPage } from '../views/dashboard.js';
import { mappingEditorPage, mappingsPage, type EditorState } from '../views/mappings.js';
import { runPage, runsPage } from '../views/runs.js';
import { AccountQuerySchema } from './api-accounts.js';
import { previewMapping } from './api-config.js';
import { startSync } from './api-runs.js';

const MappingFormSchema = z.object({
  text: z.string().max(1_000_000),
  n: z.coerce.number().int().min(1).max(50).default(5),
  action: z.enum(['preview', 'save']),
});
const RunFormSchema = z.object({
  connection: z.string().min(1),
  dryRun: z.literal('true').optional(),
});

export function consoleRoutes(ctx: AppContext): Router {
  const r = Router();
  const send = (res: { type(t: string): { send(b: string): unknown } }, body: { value: string }) =>
    res.type('html').send(body.value);

  r.get('/', async (_req, res) => send(res, dashboardPage(await dashboardData(ctx))));

  r.get('/accounts', async (req, res) => {
    const filter = AccountQuerySchema.parse(req.query);
    send(res, accountsPage(await listAccounts(ctx.store, filter), filter));
  });

  r.get('/accounts/:id', async (req, res) => {
    const view = await buildAccountView(ctx, req.params.id);
    if (!view) throw notFound(`account "${req.params.id}"`);
    send(res, accountPage(view));
  });

  r.post('/accounts/:id/opportunities/:oid/:action', async (req, res) => {
    const action = z.enum(['accept', 'dismiss']).parse(req.params.action);
    const reason =
      action === 'dismiss'
        ? DismissBodySchema.parse({ reason: req.body?.reason }).reason
        : undefined;
    await changeStatus(ctx.store, req.params.oid, action, { reason, by: 'console' });
    ctx.dataChanged();
    res.redirect(
      303,
      `/accounts/${encodeURIComponent(req.params.id)}#opp-${encodeURIComponent(req.params.oid)}`,
    );
  });

  r.get('/mappings', (_req, res) => send(res, mappingsPage(ctx.connections)));

  r.get('/mappings/:connection', async (req, res) => {
    const c = ctx.connection(req.params.connection);
    const state: EditorState = {
      connection: c,
      text: readText(mappingFile(ctx.mappingsDir, c)),
      n: 5,
      version: await latestVersion(ctx.store, 'mapping', c.name),
    };
    send(res, mappingEditorPage(state));
  });

  r.post('/mappings/:connection', async (req, res) => {
    const c = ctx.connection(req.params.connection);
    const form = MappingFormSchema.parse(req.body ?? {});
    const state: EditorState = { connection: c, text: form.text, n: form.n };
    try {
      if (form.action === 'preview')
        state.preview = await previewMapping(ctx, c.name, form.text, form.n);
      else {
        const file = mappingFile(ctx.mappingsDir, c);
        state.saved = await saveConfig(ctx.store, {
          kind: 'mapping',
          file,
          text: form.text,
          by: 'console',
          connection: c,
        });
      }
    } catch (err) {
      // An invalid mapping is shown in the editor, with the text kept, rather than as an error page.
      if (!(err instanceof ConfigError)) throw err;
      state.problems = err.problems;
      res.status(422);
    }
    state.version = await latestVersion(ctx.store, 'mapping', c.name);
    send(res, mappingEditorPage(state));
  });

  r.get('/runs', async (req, res) => {
    const started = typeof req.query.started === 'string' ? req.query.started : undefined;
    send(res, runsPage(await listRuns(ctx.store, { limit: 100 }), ctx.connections, started));
  });

  r.post('/runs', async (req, res) => {
    const form = RunFormSchema.parse(req.body ?? {});
    const runId = await startSync(ctx, form.connection, form.dryRun === 'true');
    res.redirect(303, `/runs?started=${encodeURIComponent(runId)}`);
  });

  // The confirm button of a held run: the same connection again, with the mass change allowed.
  r.post('/runs/:id/confirm', async (req, res) => {
    const id = z.coerce.number().int().positive().parse(req.params.id);
    const run = await getRun(ctx.store, id);
    if (!run) throw notFound(`run ${id}`);
    if (run.status !== 'held')
      throw new HttpError(409, 'conflict', `run ${id} is ${run.status}, not held`);
    const [latest] = await listRuns(ctx.store, { connection: run.connection, limit: 1 });
    if (latest && latest.id !== id)
      throw new HttpError(
        409,
        'conflict',
        `run ${latest.id} of ${run.connection} came after run ${id}`,
      );
    const runId = await startSync(ctx, run.connection, false, true);
    res.redirect(303, `/runs?started=${encodeURIComponent(runId)}`);
  });

  r.get('/runs/:id', async (req, res) => {
    const id = z.coerce.number().int().positive().parse(req.params.id);
    const run = await getRun(ctx.store, id);
    if (!run) throw notFound(`run ${id}`);
    send(res, runPage(run, await issuesPage(ctx.store, id, { limit: 1000, offset: 0 })));
  });

  return r;
}
