/**
 * Scoring in shards (`src/scoring/shards`) gives what one `scorePortfolio` call over the whole
 * portfolio gives, byte for byte, on a portfolio generated apart from the demo (the foreign
 * generator, read from its files the way a sync reads them): in this thread, in worker threads,
 * and after the job went through JSON (what a queue does to it). Without the whole portfolio's
 * statistics the shards would score differently, which is why a job carries them.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/config/catalog.js';
import type { Catalog } from '../../src/model/catalog.js';
import type { Portfolio } from '../../src/model/records.js';
import { DEFAULT_SETTINGS, scorePortfolio, type ScoringResult } from '../../src/scoring/index.js';
import { portfolioStats } from '../../src/scoring/portfolio-stats.js';
import {
  mergeShards,
  planShards,
  runShardJob,
  shardJobs,
  type ScoringShardJob,
} from '../../src/scoring/shards/index.js';
import { scoreInThreads } from '../../src/scoring/shards/threads.js';
import { readPortfolio } from '../examples/load-portfolio.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';
import { digestOf, shareOf } from './shard-source.js';

const SOURCE = new URL('./shard-source.ts', import.meta.url).href;
const settings = DEFAULT_SETTINGS;

describe('planShards', () => {
  it('cuts the account order into contiguous ranges differing by at most one account', () => {
    for (const [n, k] of [
      [10, 3],
      [100_000, 2],
      [7, 7],
      [5, 1],
    ] as const) {
      const ranges = planShards(n, k);
      expect(ranges).toHaveLength(k);
      expect(ranges[0]!.from).toBe(0);
      expect(ranges.at(-1)!.to).toBe(n);
      ranges.forEach((r, i) => {
        expect(r).toMatchObject({ index: i, count: k });
        if (i > 0) expect(r.from).toBe(ranges[i - 1]!.to);
      });
      const sizes = ranges.map((r) => r.to - r.from);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('makes no empty shard: fewer shards than asked for a small portfolio, one for none', () => {
    expect(planShards(2, 4).map((r) => [r.from, r.to, r.count])).toEqual([
      [0, 1, 2],
      [1, 2, 2],
    ]);
    expect(planShards(0, 3)).toEqual([{ index: 0, count: 1, from: 0, to: 0 }]);
    expect(() => planShards(10, 0)).toThrow(/count must be a whole number/);
  });
});

describe('shards on a foreign portfolio', () => {
  let p: ForeignPortfolio;
  let whole: Portfolio;
  let catalog: Catalog;
  let single: ScoringResult;
  let jobs: (count: number) => ScoringShardJob[];

  beforeAll(async () => {
    p = generateForeign({ seed: 41, accounts: 150 });
    whole = (await readPortfolio(p.dir)).portfolio;
    catalog = resolveCatalog('config/catalog.yaml', p.dir).catalog;
    single = scorePortfolio({ portfolio: whole, catalog, settings, asOf: p.asOf });
    const stats = portfolioStats(whole.accounts, catalog, settings);
    jobs = (count) =>
      shardJobs(planShards(whole.accounts.length, count), {
        asOf: p.asOf,
        catalog,
        settings,
        stats,
        source: { module: SOURCE, export: 'folderShare', args: { dir: p.dir } },
      });
  }, 60_000);
  afterAll(() => rmSync(p.dir, { recursive: true, force: true }));

  it('scores something worth comparing', () => {
    expect(single.accounts).toHaveLength(150);
    expect(single.opportunities.length).toBeGreaterThan(100);
  });

  it('three shards run here, merged, are the one run byte for byte', async () => {
    const outcomes = await Promise.all(jobs(3).map(runShardJob));
    expect(outcomes.map((o) => o.accounts)).toEqual([50, 50, 50]);
    expect(JSON.stringify(mergeShards(outcomes))).toBe(JSON.stringify(single));
  });

  it('a job that went through JSON (a queue payload) scores the same', async () => {
    const outcomes = await Promise.all(
      jobs(2).map((j) => runShardJob(JSON.parse(JSON.stringify(j)) as ScoringShardJob)),
    );
    expect(JSON.stringify(mergeShards(outcomes))).toBe(JSON.stringify(single));
  });

  it('two shards on worker threads, merged, are the one run byte for byte', async () => {
    const run = await scoreInThreads(jobs(2));
    expect(run.outcomes.map((o) => o.shard.index)).toEqual([0, 1]);
    expect(run.seconds.score).toBeGreaterThan(0);
    expect(JSON.stringify(mergeShards(run.outcomes))).toBe(JSON.stringify(single));
  }, 60_000);

  it('a sink takes the result where it goes and only its summary comes back', async () => {
    const [job] = jobs(1);
    const sunk = { ...job!, sink: { module: SOURCE, export: 'digestSink' } };
    const run = await scoreInThreads([sunk]);
    const [outcome] = run.outcomes;
    expect(outcome!.result).toBeUndefined();
    expect(outcome!.summary).toEqual({ digest: digestOf(single), accounts: 150 });
    expect(() => mergeShards(run.outcomes)).toThrow(/went to a sink/);
  }, 60_000);

  it("needs the whole portfolio's statistics: shares scored on their own score differently", () => {
    const naive = planShards(whole.accounts.length, 3).map((r) =>
      scorePortfolio({ portfolio: shareOf(whole, r), catalog, settings, asOf: p.asOf }),
    );
    const merged = {
      opportunities: naive.flatMap((r) => r.opportunities),
      accounts: naive.flatMap((r) => r.accounts),
    };
    expect(JSON.stringify(merged)).not.toBe(JSON.stringify(single));
  });

  it('refuses a share that is not the one asked for, naming the shard and the source', async () => {
    const [, second] = jobs(2);
    const bad = { ...second!, source: { ...second!.source, args: { dir: p.dir, short: 3 } } };
    await expect(runShardJob(bad)).rejects.toThrow(
      /scoring shard 2 of 2: the source .*shard-source\.ts#folderShare gave 72 accounts for positions 75–150 \(75 expected\)/,
    );
  });

  it('names a source module that has no such function', async () => {
    const [job] = jobs(1);
    const missing = { ...job!, source: { ...job!.source, export: 'noSuchShare' } };
    await expect(runShardJob(missing)).rejects.toThrow(
      /scoring shard: source .*shard-source\.ts has no function "noSuchShare"/,
    );
  });

  it('a shard that fails in its thread fails the run with the shard named', async () => {
    const [first, second] = jobs(2);
    const failing = { ...second!, source: { ...second!.source, args: { fail: 'export gone' } } };
    await expect(scoreInThreads([first!, failing])).rejects.toThrow(
      /scoring shard 2 of 2: export gone/,
    );
  }, 60_000);

  it('a thread that ends without an outcome fails the run instead of leaving it waiting', async () => {
    const [first, second] = jobs(2);
    const quitting = { ...second!, source: { ...second!.source, args: { exitThread: true } } };
    await expect(scoreInThreads([first!, quitting])).rejects.toThrow(
      /scoring shard 2 of 2: the thread exited \(code 0\) before it finished/,
    );
  }, 60_000);

  it('refuses to merge an incomplete set of shards', async () => {
    const outcomes = await Promise.all(jobs(3).map(runShardJob));
    expect(() => mergeShards([outcomes[0]!, outcomes[2]!])).toThrow(/missing or out of place/);
  });
});
