/**
 * Metamorphic tests on the foreign portfolio (files connector, default mapping):
 *  - renaming every catalog key (tiers, modules, services) in the catalog and in the data changes
 *    no opportunity's type, tier, scores or evidence values, and no account's light;
 *  - rescaling NPS from the 0–10 response to the −100…100 index, with the scale detected or
 *    declared in the mapping, changes no health light;
 *  - health scores on 0–10 and CSAT on 1–5 instead of 0–100 change no light or tier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../e2e/harness.js';
import { readOutputs, type Outputs } from '../e2e/outputs.js';
import { FOREIGN_CATALOG } from './catalog.js';
import { FOREIGN_AS_OF, generateForeign, type ForeignPortfolio } from './generate.js';
import { filesMappingWithScale, withNpsIndex } from './rescale-nps.js';

const ACCOUNTS = 120;
// Opaque new keys, nothing like the names; `~k` markers make the reverse replacement exact.
const KEYS = Object.fromEntries(
  [...FOREIGN_CATALOG.tiers, ...FOREIGN_CATALOG.modules, ...FOREIGN_CATALOG.services].map(
    (x, i) => [x.key, `SKU~k${String(9100 + i * 37)}`],
  ),
);
const back = (s: string) =>
  s.replace(/SKU~k\d{4}/g, (k) => Object.keys(KEYS).find((o) => KEYS[o] === k)!);

let h: Harness;
const folders: string[] = [];
let original: ForeignPortfolio;
// A run that fails (a mapping refused) fails only the tests that read it.
type Run =
  'original' | 'renamed' | 'indexDetected' | 'responseDeclared' | 'indexDeclared' | 'tenPoint';
const runs: Partial<Record<Run, Outputs | Error>> = {};
const out = new Proxy({} as Record<Run, Outputs>, {
  get: (_, name: Run) => {
    const r = runs[name];
    if (r instanceof Error || r === undefined) throw r ?? new Error(`no run ${name}`);
    return r;
  },
});

async function sync(name: Run, source: string, mapping?: string): Promise<void> {
  const dir = h.outDir(name);
  const flags = { connector: 'files', source, connection: name, ...(mapping ? { mapping } : {}) };
  try {
    const { report } = await h.sync(flags, { out: dir });
    if (report.status !== 'succeeded') throw new Error(`${name}: run ${report.status}`);
    runs[name] = readOutputs(dir);
  } catch (e) {
    runs[name] = e instanceof Error ? e : new Error(String(e));
  }
}

beforeAll(async () => {
  h = await openHarness({ asOf: FOREIGN_AS_OF });
  original = generateForeign({ seed: 4, accounts: ACCOUNTS });
  const renamed = generateForeign({ seed: 4, accounts: ACCOUNTS, keys: KEYS });
  const tenPoint = generateForeign({
    seed: 4,
    accounts: ACCOUNTS,
    scales: { healthScore: '0-10', csat: '1-5' },
  });
  const index = withNpsIndex(original.dir);
  const maps = mkdtempSync(join(tmpdir(), 'headroom-foreign-maps-'));
  folders.push(original.dir, renamed.dir, tenPoint.dir, index, maps);
  await sync('original', original.dir);
  await sync('renamed', renamed.dir);
  await sync('indexDetected', index);
  await sync('tenPoint', tenPoint.dir);
  await sync('responseDeclared', original.dir, filesMappingWithScale(maps, 'response'));
  await sync('indexDeclared', index, filesMappingWithScale(maps, 'index'));
}, 240_000);
afterAll(async () => {
  await h?.close();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** What must not depend on the keys: every scored fact and evidence value, keys mapped back. */
const facts = (o: Outputs) =>
  o.opportunities
    .map((x) =>
      back(
        JSON.stringify({
          key: `${x.accountName} | ${x.type} | ${x.title}`,
          tier: x.tier,
          health: x.health,
          timing: x.timing,
          scores: x.scores,
          estimatedArr: x.estimatedArr,
          evidence: x.evidence.map(({ signal, value, threshold, field }) => ({
            signal,
            value,
            threshold,
            field,
          })),
        }),
      ),
    )
    .sort();
const lights = (o: Outputs) => Object.fromEntries(o.accounts.map((a) => [a.name, a.health]));

describe('renaming every catalog key', () => {
  it('really renames: the renamed run holds none of the original keys', () => {
    const text = JSON.stringify(out.renamed.opportunities);
    expect(text).toMatch(/SKU~k\d{4}/);
    for (const key of Object.keys(KEYS)) expect(text).not.toContain(`"${key}"`);
  });

  it('changes no opportunity type, tier, score or evidence value', () => {
    expect(out.original.opportunities.length).toBeGreaterThan(ACCOUNTS);
    expect(facts(out.renamed)).toEqual(facts(out.original));
  });

  it('changes no health light or readiness', () => {
    const summary = (o: Outputs) =>
      o.accounts.map((a) => `${a.name} ${a.health} ${a.readiness} ${a.bestTier}`).sort();
    expect(summary(out.renamed)).toEqual(summary(out.original));
  });
});

describe('rescaling NPS from the 0-10 response to the -100..100 index', () => {
  it('changes no health light when the scale is detected', () => {
    expect(lights(out.indexDetected)).toEqual(lights(out.original));
  });

  it('changes no health light when the scale is declared in the mapping', () => {
    expect(lights(out.responseDeclared)).toEqual(lights(out.original));
    expect(lights(out.indexDeclared)).toEqual(lights(out.original));
  });

  it('really changes NPS: both scales are present and every light colour occurs', () => {
    const colours = new Set(Object.values(lights(out.original)));
    expect(colours).toEqual(new Set(['green', 'yellow', 'red']));
  });
});

describe('health scores on 0-10 and CSAT on 1-5 instead of 0-100', () => {
  it('changes no health light or tier (scales detected)', () => {
    const summary = (o: Outputs) =>
      o.accounts.map((a) => `${a.name} ${a.health} ${a.bestTier}`).sort();
    expect(summary(out.tenPoint)).toEqual(summary(out.original));
  });
});
