/**
 * A scoring shard's source and sink for the shard tests: the share is read from a files-format
 * folder the way `test/examples/load-portfolio.ts` reads a whole one, then cut to the shard's
 * accounts and their records; the sink hands back a digest and counts instead of the result.
 */
import { createHash } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import type { Portfolio } from '../../src/model/records.js';
import type { ScoringResult } from '../../src/scoring/index.js';
import type { ShardRange } from '../../src/scoring/shards/index.js';
import { readPortfolio } from '../examples/load-portfolio.js';

export interface FolderShareArgs {
  dir: string;
  /** Give this many accounts fewer than asked (a faulty source). */
  short?: number;
  /** Throw instead of loading (a source that fails). */
  fail?: string;
  /** End the worker thread quietly instead of loading (never on the main thread). */
  exitThread?: boolean;
}

export function shareOf(whole: Portfolio, shard: ShardRange): Portfolio {
  const accounts = whole.accounts.slice(shard.from, shard.to);
  const ids = new Set(accounts.map((a) => a.id));
  const mine = <T extends { accountId: string }>(xs: T[]) => xs.filter((x) => ids.has(x.accountId));
  return {
    accounts,
    contacts: mine(whole.contacts),
    deals: mine(whole.deals),
    usage: mine(whole.usage),
    departments: mine(whole.departments),
    signals: mine(whole.signals),
  };
}

export async function folderShare(args: FolderShareArgs, shard: ShardRange): Promise<Portfolio> {
  if (args.fail) throw new Error(args.fail);
  if (args.exitThread && !isMainThread) process.exit(0);
  const share = shareOf((await readPortfolio(args.dir)).portfolio, shard);
  if (args.short) share.accounts = share.accounts.slice(args.short);
  return share;
}

export const digestOf = (r: ScoringResult): string =>
  createHash('sha256').update(JSON.stringify(r)).digest('hex');

export const digestSink = (_args: unknown, result: ScoringResult) => ({
  digest: digestOf(result),
  accounts: result.accounts.length,
});
