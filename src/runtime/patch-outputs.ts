/**
 * The output files of a run that analyzed only the accounts that changed
 * (`src/sync/changed-accounts.ts`), made from the last files and what was cached of every
 * account with them (`output/results-cache/`): the other accounts' parts of `opportunities.json`
 * and `accounts.json` copied by byte range, their playbook facts and signal-precision history
 * reused, the opportunities the playbook writes out in full read from the store. The four files
 * are byte for byte what a run over everything writes (`outputs.ts`).
 */
import type { Opportunity } from '../model/output.js';
import type { Account, Contact, Portfolio } from '../model/records.js';
import { detailedOpportunities, playbookPieces } from '../narrative/playbook.js';
import type { PlaybookDetails } from '../narrative/playbook.js';
import type { NarrativeContext } from '../narrative/types.js';
import { offsetsOf, partOf, type Part } from '../output/account-parts.js';
import { writePartsInThread } from '../output/parts-thread.js';
import {
  updateCache,
  type CachedAccount,
  type CacheHeader,
} from '../output/results-cache/index.js';
import { byCodeUnit, mergeById } from '../output/id-order.js';
import { writeJsonFile, writeTextFile } from '../output/write-outputs.js';
import { groupBy } from '../pipeline/analyze.js';
import type { PortfolioStats } from '../scoring/portfolio-stats.js';
import { stampsOf } from '../store/output-files.js';
import { sharePortfolio } from '../sync/share-portfolio.js';
import type { RunReport } from '../sync/types.js';
import { retroByAccount, type Learned, type Retro } from './learn.js';
import {
  entriesOf,
  factsFromEntries,
  factsOf,
  paths,
  playbookOptions,
  precisionSection,
  type OutputContext,
} from './outputs.js';
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
 * come or gone), or the history of every account moves. Undefined when not. `cached` is every
 * account of the cache (`readCachedAccounts`), read while the run went on.
 */
export async function planPatch(
  ctx: OutputContext,
  header: CacheHeader,
  cached: Promise<CachedAccount[]>,
  accountIds: readonly string[],
  share: Portfolio,
): Promise<PatchPlan | undefined> {
  // Without its retro history the signal precision came from resolved outcomes: learning was
  // not idle, and a share is never analyzed then.
  if (!header.retro) return undefined;
  const stats = JSON.parse(header.retro.stats) as PortfolioStats;
  const retro = retroByAccount(share, ctx.catalog, ctx.settings, ctx.asOf, { stats });
  if (retro.cutoff !== header.retro.cutoff) return undefined;
  const accounts = await cached;
  const before = new Map(accounts.map((c) => [c.id, c.retro?.digest]));
  for (const id of accountIds)
    if (before.get(id) !== retro.accounts.get(id)?.digest) return undefined;
  return { header, cached: accounts, retro };
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
  const entries: Entry[] = mergeById(kept, added);
  // The two JSON files are mostly copied from the last ones: disk time, spent in a writer
  // thread while this one works out the playbook.
  const oppsOf = groupBy(analysis.opportunities, (o) => o.accountId);
  const summaryOf = new Map(analysis.accounts.map((a) => [a.accountId, a]));
  const files = paths(ctx.out);
  const partsOf = (which: 'opps' | 'accounts', text: (id: string) => string): Part[] =>
    entries.map((e): Part => {
      const i = where.get(e.id);
      if (changed.has(e.id) || i === undefined) return { text: text(e.id) };
      const c = plan.cached[i]!;
      return {
        from: oldOffsets[which][i]!,
        length: which === 'opps' ? c.oppsBytes : c.accountBytes,
      };
    });
  const writing = writePartsInThread([
    {
      file: files.opportunities,
      parts: partsOf('opps', (id) => partOf(oppsOf.get(id) ?? [])),
      old: files.opportunities,
      spare: ctx.cache.spares.opportunities,
    },
    {
      file: files.accounts,
      parts: partsOf('accounts', (id) => partOf([summaryOf.get(id)!])),
      old: files.accounts,
      spare: ctx.cache.spares.accounts,
    },
  ]);
  // Awaited below, whatever happens here meanwhile; until then its failure is not unhandled.
  writing.catch(() => undefined);
  try {
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
    await writeJsonFile(files.issues, report.issues);
    await writeTextFile(files.playbook, playbook);
  } catch (err) {
    // Not before the thread is done with the files.
    await writing.catch(() => undefined);
    throw err;
  }
  const [oppsBytes, accountBytes] = (await writing) as [number[], number[]];
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
