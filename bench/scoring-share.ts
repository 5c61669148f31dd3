/**
 * The scoring bench's shard source and sink (`src/scoring/shards`): a shard generates its own
 * share of the bench portfolio, and hands back a digest of its result instead of the result, so
 * the bench can check the shards' output against one run over everything without moving a
 * million opportunities between threads.
 */
import { createHash } from 'node:crypto';
import { loadYamlFile } from '../src/config/load-yaml.js';
import { CatalogSchema } from '../src/model/catalog.js';
import type { ScoringResult } from '../src/scoring/index.js';
import type { ShardRange } from '../src/scoring/shards/index.js';
import { generatePortfolio } from './scoring.bench.js';

export interface ShareArgs {
  seed: number;
  catalogFile: string;
}

export const benchShare = (args: ShareArgs, shard: ShardRange) =>
  generatePortfolio(shard.to, loadYamlFile(CatalogSchema, args.catalogFile), args.seed, shard.from);

/** sha256 of the result, record by record as JSON (never one string of it all): equal digests,
 * byte-identical results. */
export function digest(result: ScoringResult): string {
  const h = createHash('sha256');
  for (const o of result.opportunities) h.update(JSON.stringify(o)).update('\n');
  h.update('--\n');
  for (const a of result.accounts) h.update(JSON.stringify(a)).update('\n');
  return h.digest('hex');
}

export const benchDigest = (_args: unknown, result: ScoringResult) => digest(result);
