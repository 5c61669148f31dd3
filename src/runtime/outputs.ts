/**
 * The output files of a sync (`--out`) from a run that analyzed every account, with the cache a
 * later run that analyzes only the accounts that changed patches them from
 * (`output/results-cache/`, `patch-outputs.ts`); and what both share: each account's playbook
 * facts, its cache entry, the signal-precision section.
 */
import { join, resolve } from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Portfolio } from '../model/records.js';
import { factsOrder, playbookFacts, playbookPieces } from '../narrative/playbook.js';
import type { PlaybookFacts } from '../narrative/playbook-facts.js';
import { partOf, writeParts, type Part } from '../output/account-parts.js';
import {
  writeCache,
  type CacheFiles,
  type CachedAccount,
  type CacheHeader,
} from '../output/results-cache/index.js';
import { byCodeUnit } from '../output/id-order.js';
import { encodeOrder } from '../output/results-cache/order.js';
import { OUTPUT_FILES, writeJsonFile, writeTextFile } from '../output/write-outputs.js';
import { groupBy } from '../pipeline/analyze.js';
import type { ScoringSettings } from '../scoring/index.js';
import type { Store } from '../store/db.js';
import { stampsOf } from '../store/output-files.js';
import type { RunReport } from '../sync/types.js';
import { retroInTurns, type Learned, type Retro } from './learn.js';
import { needsRetro, playbookOptions, precisionSection } from './playbook-inputs.js';

export interface OutputContext {
  store: Store;
  connection: string;
  out: string;
  asOf: string;
  portfolioName: string;
  catalog: Catalog;
  settings: ScoringSettings;
  /** Where the cache of the output files lives (`output/results-cache.ts`). */
  cache: CacheFiles;
}

/** Accounts in strictly increasing id order, each account's opportunities together in it: the
 * order every sync writes, and the one a later run merges changed accounts into. */
function inAccountOrder(accounts: readonly AccountSummary[], opps: readonly Opportunity[]) {
  for (let i = 1; i < accounts.length; i++)
    if (byCodeUnit(accounts[i - 1]!.accountId, accounts[i]!.accountId) >= 0) return false;
  const rank = new Map(accounts.map((a, i) => [a.accountId, i]));
  let last = -1;
  for (const o of opps) {
    const r = rank.get(o.accountId);
    if (r === undefined || r < last) return false;
    last = r;
  }
  return true;
}

/** What the playbook reads of a share of the portfolio (or all of it), per account. */
export function factsOf(
  ctx: OutputContext,
  opportunities: Opportunity[],
  accounts: AccountSummary[],
  portfolio: Portfolio,
) {
  return playbookFacts({
    opportunities,
    accounts,
    asOf: ctx.asOf,
    portfolioName: ctx.portfolioName,
    catalog: ctx.catalog,
    accountsById: new Map(portfolio.accounts.map((a) => [a.id, a])),
    contactsByAccount: groupBy(portfolio.contacts, (c) => c.accountId),
  });
}

/** The cache entries of accounts (without their byte lengths yet). */
export function entriesOf(
  facts: PlaybookFacts,
  retro: Retro | undefined,
): Map<string, Omit<CachedAccount, 'oppsBytes' | 'accountBytes'>> {
  const opps = groupBy(facts.opportunities, (o) => o.accountId);
  const records = new Map(facts.records?.map((r) => [r.id, r]));
  const out = new Map<string, Omit<CachedAccount, 'oppsBytes' | 'accountBytes'>>();
  for (const summary of facts.accounts) {
    const id = summary.accountId;
    const record = records.get(id);
    const contacts = facts.activeContacts?.get(id);
    const past = retro?.accounts.get(id);
    out.set(id, {
      id,
      summary,
      opportunities: opps.get(id) ?? [],
      ...(record ? { record } : {}),
      ...(contacts !== undefined ? { activeContacts: contacts } : {}),
      notes: facts.notes.get(id) ?? {},
      ...(past ? { retro: past } : {}),
    });
  }
  return out;
}

/** Each account's part of a JSON file, made when the writer asks for it. */
function* partsOf(
  accounts: readonly AccountSummary[],
  items: (a: AccountSummary) => readonly unknown[],
): Generator<Part> {
  for (const a of accounts) yield { text: partOf(items(a)) };
}

/** The retro history the output files of a run over every account need (none when resolved
 * opportunities give the signal precision), worked out in turns (`retroInTurns`): started as
 * soon as the analysis is done, so it is mostly done while the run stores its results. */
export function startRetro(
  ctx: OutputContext,
  portfolio: Portfolio,
  learned: Learned | undefined,
  signal?: AbortSignal,
): Promise<Retro> | undefined {
  if (!needsRetro(learned)) return undefined;
  const retro = retroInTurns(portfolio, ctx.catalog, ctx.settings, ctx.asOf, { signal });
  // Awaited by the output files; a run that writes none leaves it unawaited.
  retro.catch(() => undefined);
  return retro;
}

/** Write the four files and the cache from a run that analyzed every account. `early` is
 * `startRetro`'s for this portfolio, when started. */
export async function writeAllOutputs(
  ctx: OutputContext,
  report: RunReport,
  portfolio: Portfolio,
  learned: Learned | undefined,
  early?: Promise<Retro>,
): Promise<{ written: string[]; header?: CacheHeader }> {
  const { opportunities, accounts } = report.analysis!;
  const retro = await (early ?? startRetro(ctx, portfolio, learned));
  const section = precisionSection(learned, () => retro!);
  const { facts, details } = factsOf(ctx, opportunities, accounts, portfolio);
  // Sorted once: the playbook lists them so, and the cache keeps them for a later patch.
  facts.order = factsOrder(facts);
  const playbook = playbookPieces(facts, playbookOptions(ctx, section), details);
  const byAccount = groupBy(opportunities, (o) => o.accountId);
  const files = paths(ctx.out);
  // Each account's text is made as the file is written, and dropped once written: at 100k
  // accounts, `opportunities.json` is about 1 GB of text that never has to be held at once.
  const oppsBytes = await writeParts(
    files.opportunities,
    partsOf(accounts, (a) => byAccount.get(a.accountId) ?? []),
    undefined,
    ctx.cache.spares.opportunities,
  );
  const accountBytes = await writeParts(
    files.accounts,
    partsOf(accounts, (a) => [a]),
    undefined,
    ctx.cache.spares.accounts,
  );
  await writeJsonFile(files.issues, report.issues);
  await writeTextFile(files.playbook, playbook);
  const written = Object.values(files);
  // A cache only for the order a later run can merge into (every sync's).
  if (!inAccountOrder(accounts, opportunities)) return { written };
  const header: CacheHeader = {
    format: 0,
    connection: ctx.connection,
    out: resolve(ctx.out),
    resultsRun: report.resultsRun!,
    inputsKey: report.inputsKey!,
    files: stampsOf(written),
    ...(retro ? { retro: { cutoff: retro.cutoff, stats: JSON.stringify(retro.stats) } } : {}),
  };
  const entries = entriesOf(facts, retro);
  const cached = accounts.map((a, i) => ({
    ...entries.get(a.accountId)!,
    oppsBytes: oppsBytes[i]!,
    accountBytes: accountBytes[i]!,
  }));
  await writeCache(ctx.cache, header, cached, encodeOrder(cached, facts.order));
  return { written, header };
}

export const paths = (out: string) => ({
  opportunities: join(out, OUTPUT_FILES.opportunities),
  accounts: join(out, OUTPUT_FILES.accounts),
  issues: join(out, OUTPUT_FILES.issues),
  playbook: join(out, OUTPUT_FILES.playbook),
});
