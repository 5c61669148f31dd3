/**
 * Idempotent install of what write-back needs (see setup-spec.ts): each step reads first and
 * creates only what is missing; every line says created, exists, would create (dry run) or what
 * to fix by hand. About 7 calls when everything exists.
 */
import { listProperties } from './describe.js';
import { listDealPipelines } from './pipelines.js';
import type { HubspotHttp } from './request.js';
import {
  AnyBodySchema,
  HubspotGroupSchema,
  HubspotPipelineSchema,
  HubspotStatusSchema,
  type HubspotPipeline,
} from './schemas.js';
import { GROUP, PIPELINE, PROPERTIES } from './setup-spec.js';

async function ensureGroup(http: HubspotHttp, object: string, dryRun: boolean): Promise<string> {
  const what = `${object} property group "${GROUP.name}"`;
  // https://developers.hubspot.com/docs/api/crm/properties (GET/POST /crm/v3/properties/{type}/groups)
  const found = await http.call(
    { path: `/crm/v3/properties/${object}/groups/${GROUP.name}` },
    HubspotGroupSchema,
    true,
  );
  if (found) return `${what}: exists`;
  if (dryRun) return `${what}: would create`;
  await http.call(
    { method: 'POST', path: `/crm/v3/properties/${object}/groups`, body: GROUP },
    AnyBodySchema,
  );
  return `${what}: created`;
}

async function ensureProperties(
  http: HubspotHttp,
  object: keyof typeof PROPERTIES,
  dryRun: boolean,
): Promise<string[]> {
  const existing = new Map((await listProperties(http, object)).map((p) => [p.name, p]));
  const lines: string[] = [];
  const missing = PROPERTIES[object].filter((spec) => {
    const p = existing.get(spec.name);
    if (!p) return true;
    const problems = [
      p.type !== spec.type ? `its type is ${p.type}, expected ${spec.type}` : '',
      spec.hasUniqueValue && !p.hasUniqueValue
        ? 'it is not unique-value (upserts need it): recreate it by hand'
        : '',
    ].filter(Boolean);
    lines.push(
      `${object}.${spec.name}: exists${problems.length ? `, but ${problems.join('; ')}` : ''}`,
    );
    return false;
  });
  if (!missing.length) return lines;
  if (dryRun) return [...lines, ...missing.map((s) => `${object}.${s.name}: would create`)];
  // POST /crm/v3/properties/{type}/batch/create: all missing properties in one call.
  const res = await http.call(
    {
      method: 'POST',
      path: `/crm/v3/properties/${object}/batch/create`,
      body: { inputs: missing.map((s) => ({ ...s, groupName: GROUP.name })) },
    },
    HubspotStatusSchema,
  );
  const failed = new Map(
    res.errors.flatMap((e) =>
      Object.values(e.context ?? {})
        .flat()
        .map((n) => [n, e.message] as const),
    ),
  );
  for (const s of missing) {
    const why =
      failed.get(s.name) ??
      (res.errors.length && !failed.size ? res.errors[0]!.message : undefined);
    lines.push(`${object}.${s.name}: ${why ? `not created: ${why}` : 'created'}`);
  }
  return lines;
}

const stageIds = (p: HubspotPipeline) => p.stages.map((s) => `${s.label}=${s.id}`).join(', ');

async function ensurePipeline(http: HubspotHttp, dryRun: boolean): Promise<string> {
  const what = `deals pipeline "${PIPELINE.label}"`;
  const found = (await listDealPipelines(http)).find(
    (p) => p.label.toLowerCase() === PIPELINE.label.toLowerCase(),
  );
  if (found) return `${what}: exists (id ${found.id}; stages ${stageIds(found)})`;
  if (dryRun)
    return `${what}: would create (stages ${PIPELINE.stages.map((s) => s.label).join(', ')})`;
  // https://developers.hubspot.com/docs/api/crm/pipelines (POST /crm/v3/pipelines/deals)
  const created = await http.call(
    { method: 'POST', path: '/crm/v3/pipelines/deals', body: PIPELINE },
    HubspotPipelineSchema,
  );
  return `${what}: created (id ${created.id}; stages ${stageIds(created)})`;
}

export async function runSetup(http: HubspotHttp, dryRun = false): Promise<string[]> {
  const lines: string[] = [];
  for (const object of ['companies', 'deals', 'tasks'] as const) {
    lines.push(await ensureGroup(http, object, dryRun));
    lines.push(...(await ensureProperties(http, object, dryRun)));
  }
  lines.push(await ensurePipeline(http, dryRun));
  lines.push(
    'status read-back: put the stage ids above in writeBack.opportunity.status.map of the mapping',
  );
  return lines;
}
