/**
 * What ops configure: mappings (`GET|PUT /api/mappings/:connection`, `POST .../preview`), the
 * catalog (`GET|PUT /api/catalog`), the scoring settings (`GET|PUT /api/settings`), the
 * connections and their fields (`GET /api/connections[/:connection/fields/:object]`).
 * Bodies are `{ text }` JSON or the YAML itself (`Content-Type: application/yaml`).
 */
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  latestVersion,
  mappingFile,
  readText,
  saveConfig,
  validateConfig,
  type ConfigKind,
} from '../config-files.js';

const TextBodySchema = z.object({ text: z.string().max(1_000_000) }).strict();
export const PreviewBodySchema = z
  .object({
    text: z.string().max(1_000_000).optional(),
    n: z.number().int().min(1).max(50).default(5),
  })
  .strict();

function bodyText(req: Request): string {
  return typeof req.body === 'string' ? req.body : TextBodySchema.parse(req.body ?? {}).text;
}

/** Validate a mapping and run it on N sample records of its connection (API and console). */
export async function previewMapping(ctx: AppContext, connection: string, text: string, n: number) {
  const c = ctx.connection(connection);
  validateConfig('mapping', text, mappingFile(ctx.mappingsDir, c), c);
  return ctx.previewMapping(c.name, text, n);
}

export function configApi(ctx: AppContext): Router {
  const r = Router();
  const who = (req: Request): string => (req.res?.locals.principal as string | undefined) ?? 'api';

  r.get('/api/connections', (_req, res) => {
    res.json({
      connections: ctx.connections.map((c) => ({ name: c.name, connector: c.connector })),
    });
  });

  r.get('/api/connections/:connection/fields/:object', async (req, res) => {
    const c = ctx.connection(req.params.connection);
    res.json({
      connection: c.name,
      object: req.params.object,
      fields: await ctx.describeFields(c.name, req.params.object),
    });
  });

  r.get('/api/mappings/:connection', async (req, res) => {
    const c = ctx.connection(req.params.connection);
    const file = mappingFile(ctx.mappingsDir, c);
    res.json({
      connection: c.name,
      connector: c.connector,
      text: readText(file),
      version: (await latestVersion(ctx.store, 'mapping', c.name)) ?? null,
    });
  });

  r.put('/api/mappings/:connection', async (req, res) => {
    const c = ctx.connection(req.params.connection);
    const file = mappingFile(ctx.mappingsDir, c);
    const version = await saveConfig(ctx.store, {
      kind: 'mapping',
      file,
      text: bodyText(req),
      by: who(req),
      connection: c,
    });
    ctx.log.info({ connection: c.name, version }, 'mapping saved');
    res.json({ connection: c.name, version });
  });

  r.post('/api/mappings/:connection/preview', async (req, res) => {
    const c = ctx.connection(req.params.connection);
    const body = PreviewBodySchema.parse(req.body ?? {});
    const text = body.text ?? readText(mappingFile(ctx.mappingsDir, c));
    res.json(await previewMapping(ctx, c.name, text, body.n));
  });

  const files: Record<Exclude<ConfigKind, 'mapping'>, () => string> = {
    catalog: () => ctx.catalogFile,
    settings: () => ctx.settingsFile,
  };
  for (const kind of ['catalog', 'settings'] as const) {
    r.get(`/api/${kind}`, async (_req, res) => {
      const text = readText(files[kind]());
      res.json({
        text,
        [kind]: validateConfig(kind, text, files[kind]()),
        version: (await latestVersion(ctx.store, kind)) ?? null,
      });
    });
    r.put(`/api/${kind}`, async (req, res) => {
      const version = await saveConfig(ctx.store, {
        kind,
        file: files[kind](),
        text: bodyText(req),
        by: who(req),
      });
      ctx.log.info({ kind, version }, `${kind} saved`);
      res.json({ version });
    });
  }

  return r;
}
