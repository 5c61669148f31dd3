/**
 * The same foreign org through all three connectors: the files folder (dirty cells, its own
 * catalog.yaml), a fake Salesforce org and a fake HubSpot portal (nock, the APIs' wire formats,
 * rendered from the same facts by the e2e renderers, with the catalog's tier and module names in
 * their picklists as a real org holds them). Default mappings; the CRM runs get the foreign
 * catalog through HEADROOM_CATALOG. The findings must agree: the same opportunities by account,
 * type and title, the same health lights and tiers, scores within half a point.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakePortal, HS_BASE } from '../e2e/fake-hubspot.js';
import { fakeOrg, SF_INSTANCE } from '../e2e/fake-salesforce.js';
import { openHarness, type Harness } from '../e2e/harness.js';
import { readOutputs, type Outputs } from '../e2e/outputs.js';
import { renderHubspot } from '../e2e/render-hubspot.js';
import { renderSalesforce } from '../e2e/render-salesforce.js';
import { foreignHubspotMapping } from './crm-mapping.js';
import { evaluate, formatMetrics } from './evaluate.js';
import { FOREIGN_AS_OF, generateForeign, type ForeignPortfolio } from './generate.js';

let p: ForeignPortfolio;
let h: Harness;
const out: Record<'files' | 'salesforce' | 'hubspot', Outputs> = {} as never;

beforeAll(async () => {
  nock.disableNetConnect();
  vi.stubEnv('SALESFORCE_INSTANCE_URL', SF_INSTANCE);
  vi.stubEnv('SALESFORCE_ACCESS_TOKEN', '00D-test-token');
  vi.stubEnv('HUBSPOT_BASE_URL', HS_BASE);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-test-token');
  vi.stubEnv('HUBSPOT_RATE_LIMIT_PER_10S', '1000');
  vi.stubEnv('HUBSPOT_SEARCH_RATE_PER_SECOND', '100');
  p = generateForeign({ seed: 3, accounts: 120 });
  const facts = { dir: p.dir, ...p.crmRows };
  const modified = Date.now() - 3 * 86_400_000;
  fakeOrg(renderSalesforce(facts, modified));
  fakePortal(renderHubspot(facts, modified));
  h = await openHarness({
    asOf: FOREIGN_AS_OF,
    env: { HEADROOM_CATALOG: join(p.dir, 'catalog.yaml') },
  });
  const run = async (name: keyof typeof out, flags: Parameters<Harness['sync']>[0]) => {
    const dir = h.outDir(name);
    const { report } = await h.sync(flags, { out: dir });
    expect(report.status, name).toBe('succeeded');
    out[name] = readOutputs(dir);
    console.log(formatMetrics(`foreign seed 3 (${name})`, evaluate(out[name], p.truth, p.catalog)));
  };
  await run('files', { connector: 'files', source: p.dir });
  await run('salesforce', { connector: 'salesforce' });
  await run('hubspot', { connector: 'hubspot', mapping: foreignHubspotMapping(p.dir) });
}, 300_000);
afterAll(async () => {
  await h?.close();
  if (p) rmSync(p.dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

const byKey = (o: Outputs) =>
  new Map(o.opportunities.map((x) => [`${x.accountName} | ${x.type} | ${x.title}`, x]));
const lights = (o: Outputs) =>
  Object.fromEntries(o.accounts.map((a) => [a.name, `${a.health} tier ${a.bestTier}`]));

describe.each(['salesforce', 'hubspot'] as const)('the foreign org through %s', (crm) => {
  it('reads the same accounts with the same health lights and best tiers as the files run', () => {
    expect(out[crm].accounts).toHaveLength(p.truth.accounts.length);
    expect(lights(out[crm])).toEqual(lights(out.files));
  });

  it('finds the same opportunities, tiers and timing, scores within half a point', () => {
    const files = byKey(out.files);
    const here = byKey(out[crm]);
    expect([...here.keys()].sort()).toEqual([...files.keys()].sort());
    let worst = 0;
    for (const [key, o] of here) {
      const f = files.get(key)!;
      expect({ tier: o.tier, health: o.health, timing: o.timing }, key).toEqual({
        tier: f.tier,
        health: f.health,
        timing: f.timing,
      });
      worst = Math.max(worst, Math.abs(o.scores.composite - f.scores.composite));
    }
    console.log(`${crm}: largest composite difference from the files run ${worst.toFixed(2)}`);
    expect(worst).toBeLessThanOrEqual(0.5);
  });

  it('meets the same bar as the files run', () => {
    const m = evaluate(out[crm], p.truth, p.catalog);
    const f = evaluate(out.files, p.truth, p.catalog);
    expect(m.recall).toBe(f.recall);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
    expect(m.pitchedToAtRiskOrTrial).toEqual([]);
  });
});
