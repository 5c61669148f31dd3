/**
 * The output files of a run that analyzed only the accounts that changed
 * (`src/sync/changed-accounts.ts`), made from the last files and what was cached of every
 * account with them (`output/results-cache/`): the other accounts' parts of `opportunities.json`
 * and `accounts.json` copied by byte range, their playbook facts and signal-precision history
 * reused, the opportunities the playbook writes out in full read from the store. The four files
 * are byte for byte what a run over everything writes (`outputs.ts`).
 *
 * The cache is read, the playbook rendered and the cache updated by the playbook job
 * (`playbook-job.ts`), started as soon as the run knows the files are in place: in a thread of
 * its own at scale, so the playbook is made while the run stores its results.
 */
import type { Analysis } from '../sync/types.js';
import type { Opportunity } from '../model/output.js';
import type { Account, Contact, Portfolio } from '../model/records.js';
import type { NarrativeContext } from '../narrative/types.js';
import { offsetsOf, partOf, type Part } from '../output/account-parts.js';
import { writePartsInThread } from '../output/parts-thread.js';
import type { CacheHeader } from '../output/results-cache/index.js';
import { byCodeUnit, mergeById } from '../output/id-order.js';
import { writeJsonFile } from '../output/write-outputs.js';
import { groupBy } from '../pipeline/analyze.js';
import type { PortfolioStats } from '../scoring/portfolio-stats.js';
import { stampsOf } from '../store/output-files.js';
import { sharePortfolio } from '../sync/share-portfolio.js';
import type { RunReport } from '../sync/types.js';
import {
  needsRetro,
  retroByAccount,
  signalPrecisionSection,
  type Learned,
  type Retro,
} from './learn.js';
import { entriesOf, factsOf, paths, type OutputContext } from './outputs.js';
import type { CacheIndex } from './playbook-job.js';
import type { PlaybookJobHandle } from './playbook-thread.js';

/** What the changed accounts' analysis needs of the cache before it runs: the job that holds
 * every account's entry, what the run needs of them, and the retro history of the changed ones,
 * redone against the cutoff's statistics. */
export interface PatchPlan {
  header: CacheHeader;
  job: PlaybookJobHandle;
  index: CacheIndex;
  retro: Retro;
}

/**
 * Whether the files can be patched for these changed accounts: their share of the retro history
 * must stand on the same statistics (each account as it stood at the cutoff unchanged, none
 * come or gone), or the history of every account moves. Undefined when not, or when the cache
 * cannot be read. The job reads the cache while the run goes on.
 */
export async function planPatch(
  ctx: OutputContext,
  header: CacheHeader,
  job: PlaybookJobHandle,
  accountIds: readonly string[],
  share: Portfolio,
): Promise<PatchPlan | undefined> {
  // Without its retro history the signal precision came from resolved outcomes: learning was
  // not idle, and a share is never analyzed then.
  if (!header.retro) return undefined;
  const stats = JSON.parse(header.retro.stats) as PortfolioStats;
  const retro = retroByAccount(share, ctx.catalog, ctx.settings, ctx.asOf, { stats });
  if (retro.cutoff !== header.retro.cutoff) return undefined;
  // A cache that cannot be read is derived data lost: the run writes everything.
  const index = await job.index.catch(() => undefined);
  if (!index) return undefined;
  const before = new Map(index.ids.map((id, i) => [id, index.digests[i] ?? undefined]));
  for (const id of accountIds)
    if (before.get(id) !== retro.accounts.get(id)?.digest) return undefined;
  return { header, job, index, retro };
}

/** A patch under way: the plan, the accounts the run analyzed, and what it made of them. */
export interface Patch {
  plan: PatchPlan;
  changed: readonly string[];
  /** The changed accounts still live, in id order. */
  live: string[];
  share: { opportunities: Map<string, Opportunity>; context: (id: string) => NarrativeContext };
}

/** Hand the job the changed accounts' analysis as soon as it is made: it starts on the
 * playbook while the run stores its results. */
export function startPatch(
  ctx: OutputContext,
  plan: PatchPlan,
  accountIds: readonly string[],
  analysis: Analysis,
  share: Portfolio,
  learned: Learned | undefined,
): Patch {
  const { facts, details } = factsOf(ctx, analysis.opportunities, analysis.accounts, share);
  const fresh = [...entriesOf(facts, plan.retro).values()];
  plan.job.render({
    changed: [...accountIds],
    fresh,
    ...(needsRetro(learned)
      ? {}
      : {
          section: signalPrecisionSection(learned, () => {
            throw new Error('unreachable: learning resolved opportunities');
          }),
        }),
  });
  return {
    plan,
    changed: accountIds,
    live: fresh.map((e) => e.id),
    share: {
      opportunities: new Map(analysis.opportunities.map((o) => [o.id, o])),
      context: details.context,
    },
  };
}

/** The opportunities written out in full, from the run (changed accounts) or the store, with
 * their accounts' context. */
async function detailsFor(
  ctx: OutputContext,
  ids: readonly string[],
  /** Where each opportunity of their accounts stands among its account's. */
  rank: ReadonlyMap<string, number>,
  share: Patch['share'],
): Promise<{ opportunities: Opportunity[]; contexts: [string, NarrativeContext][] }> {
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
  const full = ids.map((id) => share.opportunities.get(id) ?? opportunities.get(id)!);
  const accounts = [...new Set(full.map((o) => o.accountId))];
  return {
    opportunities: full,
    contexts: accounts.map((id) => [id, contexts.get(id) ?? share.context(id)]),
  };
}

/** Write the four files and the cache from a run that analyzed only the changed accounts. */
export async function patchOutputs(
  ctx: OutputContext,
  report: RunReport,
  patch: Patch,
): Promise<{ written: string[] }> {
  const { plan, share } = patch;
  const { index, job } = plan;
  const changed = new Set(patch.changed);
  const analysis = report.analysis!;
  // The accounts in output order: the cached ones that did not change (by their place in the
  // cache), and the changed ones still live, merged by id.
  const kept = index.ids.flatMap((id, i) => (changed.has(id) ? [] : [{ id, i }]));
  const entries = mergeById<{ id: string; i: number }, { id: string; i?: number }>(
    kept,
    patch.live.map((id) => ({ id })),
  );
  const oldOffsets = {
    opps: offsetsOf(index.oppsBytes),
    accounts: offsetsOf(index.accountBytes),
  };
  // The two JSON files are mostly copied from the last ones: disk time, spent in a writer
  // thread while the job finishes the playbook.
  const oppsOf = groupBy(analysis.opportunities, (o) => o.accountId);
  const summaryOf = new Map(analysis.accounts.map((a) => [a.accountId, a]));
  const files = paths(ctx.out);
  const partsOf = (which: 'opps' | 'accounts', text: (id: string) => string): Part[] =>
    entries.map((e): Part => {
      if (e.i === undefined) return { text: text(e.id) };
      return {
        from: oldOffsets[which][e.i]!,
        length: (which === 'opps' ? index.oppsBytes : index.accountBytes)[e.i]!,
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
    const wants = await job.wants();
    job.details(await detailsFor(ctx, wants.ids, new Map(wants.ranks), share));
    await writeJsonFile(files.issues, report.issues);
    await job.write(files.playbook);
  } catch (err) {
    // Not before the thread is done with the files.
    await writing.catch(() => undefined);
    throw err;
  }
  const [oppsBytes, accountBytes] = (await writing) as [number[], number[]];
  const written = Object.values(files);
  await job.cache({
    header: {
      connection: plan.header.connection,
      out: plan.header.out,
      ...(plan.header.retro ? { retro: plan.header.retro } : {}),
      resultsRun: report.resultsRun!,
      inputsKey: report.inputsKey!,
      files: stampsOf(written),
    },
    oppsBytes,
    accountBytes,
  });
  return { written };
}
