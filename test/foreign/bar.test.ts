/**
 * Issue 14's bar on portfolios this project never saw: two seeds of the foreign generator, synced
 * through the files connector with the default `mappings/files.yaml` and the folder's own
 * catalog. The figures are printed (`npm run foreign:report` prints the same without vitest).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../e2e/harness.js';
import { readOutputs, type Outputs } from '../e2e/outputs.js';
import { evaluate, formatMetrics, type Metrics } from './evaluate.js';
import { BAR_ACCOUNTS, BAR_RUNS, describeRun } from './bar-runs.js';
import { FOREIGN_AS_OF, generateForeign, type ForeignPortfolio } from './generate.js';

const SEEDS = BAR_RUNS.map((r) => r.seed);

let h: Harness;
const runs = new Map<number, { p: ForeignPortfolio; o: Outputs; m: Metrics }>();

beforeAll(async () => {
  h = await openHarness({ asOf: FOREIGN_AS_OF });
  for (const r of BAR_RUNS) {
    const seed = r.seed;
    const p = generateForeign({ ...r, accounts: BAR_ACCOUNTS });
    const out = h.outDir(`foreign-${seed}`);
    await h.sync({ connector: 'files', source: p.dir, connection: `foreign-${seed}` }, { out });
    const o = readOutputs(out);
    const m = evaluate(o, p.truth, p.catalog);
    console.log(formatMetrics(`foreign ${describeRun(r)}, ${BAR_ACCOUNTS} accounts, files`, m));
    runs.set(seed, { p, o, m });
  }
}, 180_000);
afterAll(async () => {
  await h?.close();
  for (const { p } of runs.values()) rmSync(p.dir, { recursive: true, force: true });
});

describe.each(SEEDS)('foreign portfolio, seed %i', (seed) => {
  const run = () => runs.get(seed)!;

  it('reads every dirty cell: no record problems, every account scored', () => {
    const { o } = run();
    expect(o.issues).toEqual([]);
    expect(o.accounts).toHaveLength(BAR_ACCOUNTS);
  });

  it('finds at least 90% of the planted opportunities', () => {
    expect(run().m.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('justifies every tier 1-2 expansion with evidence, on an account that is not red', () => {
    const { m } = run();
    expect(m.tier12Expansions).toBeGreaterThan(0);
    expect(m.unjustified).toEqual([]);
  });

  it('pitches no expansion to an at-risk, trial or free account', () => {
    const { m } = run();
    expect(m.pitchedToAtRiskOrTrial).toEqual([]);
    expect(m.atRiskRed / m.atRisk).toBeGreaterThanOrEqual(0.9);
  });

  it('times no seat expansion now right after a renewal without a seat ceiling', () => {
    expect(run().m.seatsNowAfterRenewal).toEqual([]);
  });

  it('names the catalog module of at least 85% of the planted module needs', () => {
    expect(run().m.moduleShare).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the healthy majority green and yellow, mostly green', () => {
    const { m } = run();
    expect(m.healthyRedShare).toBeLessThanOrEqual(0.1);
    expect(m.healthy.green).toBeGreaterThan(m.healthy.yellow);
  });

  it('takes no contact at the company own domain or a subdomain of it for a departed champion', () => {
    expect(run().m.falseDepartures).toEqual([]);
  });
});
