/**
 * The output files of a sync (`--out`): written whole from a run that analyzed every account,
 * or, from a run that analyzed only the accounts that changed (`src/sync/changed-accounts.ts`),
 * made from the last files and what was cached of every account with them
 * (`output/results-cache.ts`): the other accounts' parts of `opportunities.json` and
 * `accounts.json` are copied as they are, their playbook facts and signal-precision history
 * reused. Either way the four files are byte for byte what a run over everything writes.
 */
import { join, resolve } from 'node:path';
import type { PrecisionItem } from '../learning/signal-precision.js';
import type { Catalog } from '../model/catalog.js';
import type { AccountSummary, Opportunity } from '../model/output.js';
import type { Account, Contact, Portfolio } from '../model/records.js';
import { playbookPieces, detailedOpportunities, playbookFacts } from '../narrative/playbook.js';
import type { PlaybookDetails } from '../narrative/playbook.js';
import type { PlaybookFacts } from '../narrative/playbook-facts.js';
import type { NarrativeContext } from '../narrative/types.js';
import { offsetsOf, partOf, writeParts, type Part } from '../output/account-parts.js';
import {
  readCachedAccounts,
  updateCache,
  writeCache,
  type CacheFiles,
  type CachedAccount,
  type CacheHeader,
} from '../output/results-cache.js';
import { OUTPUT_FILES, writeJsonFile, writeTextFile } from '../output/write-outputs.js';
import { groupBy } from '../pipeline/analyze.js';
import type { ScoringSettings } from '../scoring/index.js';
import type { PortfolioStats } from '../scoring/portfolio-stats.js';
import type { Store } from '../store/db.js';
import { stampsOf } from '../store/output-files.js';
import { sharePortfolio } from '../sync/share-portfolio.js';
import type { RunReport } from '../sync/types.js';
import {
  retroByAccount,
  retroItems,
  signalPrecisionSection,
  type Learned,
  type Retro,
} from './learn.js';

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

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
function factsOf(
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
function entriesOf(
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

/** The playbook facts of cached accounts, in their order. */
function factsFromEntries(entries: readonly Omit<CachedAccount, 'oppsBytes' | 'accountBytes'>[]) {
  const facts: PlaybookFacts = {
    opportunities: entries.flatMap((e) => e.opportunities),
    accounts: entries.map((e) => e.summary),
    records: entries.flatMap((e) => (e.record ? [e.record] : [])),
    activeContacts: new Map(
      entries.flatMap((e) => (e.activeContacts !== undefined ? [[e.id, e.activeContacts]] : [])),
    ),
    notes: new Map(entries.map((e) => [e.id, e.notes])),
  };
  return facts;
}

/** The signal-precision section, from the retro items in portfolio order when learning has
 * nothing resolved yet. */
const precisionSection = (learned: Learned | undefined, retro: () => Retro) =>
  signalPrecisionSection(learned, () => {
    const r = retro();
    return { cutoff: r.cutoff, items: retroItems(r.accounts.values()) };
  });

/** Write the four files and the cache from a run that analyzed every account. */
export async function writeAllOutputs(
  ctx: OutputContext,
  report: RunReport,
  portfolio: Portfolio,
  learned: Learned | undefined,
): Promise<{ written: string[]; header?: CacheHeader }> {
  const { opportunities, accounts } = report.analysis!;
  let retro: Retro | undefined;
  const section = precisionSection(
    learned,
    () => (retro = retroByAccount(portfolio, ctx.catalog, ctx.settings, ctx.asOf)),
  );
  const { facts, details } = factsOf(ctx, opportunities, accounts, portfolio);
  const playbook = playbookPieces(facts, playbookOptions(ctx, section), details);
  const byAccount = groupBy(opportunities, (o) => o.accountId);
  const files = paths(ctx.out);
  const oppsBytes = await writeParts(
    files.opportunities,
    accounts.map((a) => ({ text: partOf(byAccount.get(a.accountId) ?? []) })),
  );
  const accountBytes = await writeParts(
    files.accounts,
    accounts.map((a) => ({ text: partOf([a]) })),
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
  await writeCache(
    ctx.cache,
    header,
    accounts.map((a, i) => ({
      ...entries.get(a.accountId)!,
      oppsBytes: oppsBytes[i]!,
      accountBytes: accountBytes[i]!,
    })),
  );
  return { written, header };
}

/** What the playbook reads of the run (the forecast settings are the playbook's defaults, as
 * for every sync). */
const playbookOptions = (ctx: OutputContext, section: { title: string; markdown: string }) => ({
  asOf: ctx.asOf,
  portfolioName: ctx.portfolioName,
  catalog: ctx.catalog,
  extraSections: [section],
});

const paths = (out: string) => ({
  opportunities: join(out, OUTPUT_FILES.opportunities),
  accounts: join(out, OUTPUT_FILES.accounts),
  issues: join(out, OUTPUT_FILES.issues),
  playbook: join(out, OUTPUT_FILES.playbook),
});

/** What the changed accounts' analysis needs of the cache before it runs: every account's
 * entry, and the retro history of the changed ones, redone against the cutoff's statistics. */
export interface PatchPlan {
  header: CacheHeader;
  cached: CachedAccount[];
  retro?: Retro;
}

/**
 * Whether the files can be patched for these changed accounts: their share of the retro history
 * must stand on the same statistics (each account as it stood at the cutoff unchanged, none
 * come or gone), or the history of every account moves. Undefined when not.
 */
export async function planPatch(
  ctx: OutputContext,
  header: CacheHeader,
  accountIds: readonly string[],
  share: Portfolio,
): Promise<PatchPlan | undefined> {
  // Without its retro history the signal precision came from resolved outcomes: learning was
  // not idle, and a share is never analyzed then.
  if (!header.retro) return undefined;
  const cached = await readCachedAccounts(ctx.cache, header);
  const stats = JSON.parse(header.retro.stats) as PortfolioStats;
  const retro = retroByAccount(share, ctx.catalog, ctx.settings, ctx.asOf, { stats });
  if (retro.cutoff !== header.retro.cutoff) return undefined;
  const before = new Map(cached.map((c) => [c.id, c.retro?.digest]));
  for (const id of accountIds)
    if (before.get(id) !== retro.accounts.get(id)?.digest) return undefined;
  return { header, cached, retro };
}

/** The opportunities written out in full, from the run (changed accounts) or the store. */
async function detailsFor(
  ctx: OutputContext,
  ids: readonly string[],
  /** Every opportunity id, in the run's order. */
  order: readonly string[],
  share: { opportunities: Map<string, Opportunity>; context: (id: string) => NarrativeContext },
): Promise<PlaybookDetails> {
  const stored = ids.filter((id) => !share.opportunities.has(id));
  const opportunities = new Map<string, Opportunity>();
  const contexts = new Map<string, NarrativeContext>();
  if (stored.length) {
    const { rows } = await ctx.store.query<{ id: string; account_id: string; data: Opportunity }>(
      `SELECT id, account_id, data FROM opportunities WHERE connection = $1 AND id = ANY($2::text[])`,
      [ctx.connection, stored],
    );
    for (const r of rows) opportunities.set(r.id, r.data);
    const accountIds = [...new Set(rows.map((r) => r.account_id))].sort(byCodeUnit);
    const records = await sharePortfolio(
      ctx.store,
      ctx.connection,
      ctx.asOf,
      accountIds,
      new Map(),
      ['account', 'contact'],
    );
    const contacts = groupBy<Contact>(records.contacts, (c) => c.accountId);
    const { rows: theirs } = await ctx.store.query<{ account_id: string; data: Opportunity }>(
      `SELECT account_id, data FROM opportunities WHERE connection = $1
       AND account_id = ANY($2::text[]) AND closed_at IS NULL`,
      [ctx.connection, accountIds],
    );
    // In the order the run's results hold them.
    const rank = new Map(order.map((id, i) => [id, i]));
    const byAccount = groupBy(
      theirs.map((r) => r.data).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!),
      (o) => o.accountId,
    );
    for (const a of records.accounts as Account[])
      contexts.set(a.id, {
        account: a,
        contacts: contacts.get(a.id) ?? [],
        catalog: ctx.catalog,
        asOf: ctx.asOf,
        opportunities: byAccount.get(a.id) ?? [],
      });
  }
  return {
    opportunity: (id) => share.opportunities.get(id) ?? opportunities.get(id)!,
    context: (id) => contexts.get(id) ?? share.context(id),
  };
}

/** Write the four files and the cache from a run that analyzed only the changed accounts. */
export async function patchOutputs(
  ctx: OutputContext,
  report: RunReport,
  share: Portfolio,
  learned: Learned | undefined,
  plan: PatchPlan,
): Promise<{ written: string[] }> {
  const changed = new Set(report.changedAccounts);
  const analysis = report.analysis!;
  const { facts: shareFacts, details: shareDetails } = factsOf(
    ctx,
    analysis.opportunities,
    analysis.accounts,
    share,
  );
  const fresh = entriesOf(shareFacts, plan.retro);
  // The accounts in output order: the cached ones that did not change, and the changed ones
  // still live, merged by id.
  type Entry = CachedAccount | Omit<CachedAccount, 'oppsBytes' | 'accountBytes'>;
  const oldOffsets = {
    opps: offsetsOf(plan.cached.map((c) => c.oppsBytes)),
    accounts: offsetsOf(plan.cached.map((c) => c.accountBytes)),
  };
  const where = new Map(plan.cached.map((c, i) => [c.id, i]));
  const kept = plan.cached.filter((c) => !changed.has(c.id));
  const added = [...fresh.values()];
  const entries: Entry[] = [];
  for (let i = 0, j = 0; i < kept.length || j < added.length;) {
    if (j >= added.length || (i < kept.length && byCodeUnit(kept[i]!.id, added[j]!.id) < 0))
      entries.push(kept[i++]!);
    else entries.push(added[j++]!);
  }
  const facts = factsFromEntries(entries);
  const section = precisionSection(learned, () => ({
    cutoff: plan.header.retro!.cutoff,
    stats: JSON.parse(plan.header.retro!.stats) as PortfolioStats,
    accounts: new Map(entries.flatMap((e) => (e.retro ? [[e.id, e.retro]] : []))),
  }));
  const details = await detailsFor(
    ctx,
    detailedOpportunities(facts),
    facts.opportunities.map((o) => o.id),
    {
      opportunities: new Map(analysis.opportunities.map((o) => [o.id, o])),
      context: shareDetails.context,
    },
  );
  const playbook = playbookPieces(facts, playbookOptions(ctx, section), details);

  const oppsOf = groupBy(analysis.opportunities, (o) => o.accountId);
  const summaryOf = new Map(analysis.accounts.map((a) => [a.accountId, a]));
  const files = paths(ctx.out);
  const partsOf = (which: 'opps' | 'accounts', text: (id: string) => string): Iterable<Part> =>
    entries.map((e): Part => {
      const i = where.get(e.id);
      if (changed.has(e.id) || i === undefined) return { text: text(e.id) };
      const c = plan.cached[i]!;
      return {
        from: oldOffsets[which][i]!,
        length: which === 'opps' ? c.oppsBytes : c.accountBytes,
      };
    });
  const oppsBytes = await writeParts(
    files.opportunities,
    partsOf('opps', (id) => partOf(oppsOf.get(id) ?? [])),
    files.opportunities,
  );
  const accountBytes = await writeParts(
    files.accounts,
    partsOf('accounts', (id) => partOf([summaryOf.get(id)!])),
    files.accounts,
  );
  await writeJsonFile(files.issues, report.issues);
  await writeTextFile(files.playbook, playbook);
  const written = Object.values(files);
  const header = {
    connection: plan.header.connection,
    out: plan.header.out,
    ...(plan.header.retro ? { retro: plan.header.retro } : {}),
    resultsRun: report.resultsRun!,
    inputsKey: report.inputsKey!,
    files: stampsOf(written),
  };
  const sized = entries.map((e, i): CachedAccount => ({
    ...e,
    oppsBytes: oppsBytes[i]!,
    accountBytes: accountBytes[i]!,
  }));
  await updateCache(
    ctx.cache,
    plan.header,
    header,
    sized.filter((e) => changed.has(e.id)),
    [...changed].filter((id) => !fresh.has(id)),
    () => sized,
  );
  return { written };
}

export type { PrecisionItem };
