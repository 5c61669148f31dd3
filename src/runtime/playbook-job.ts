/**
 * The part of patching the output files (`patch-outputs.ts`) that needs every account's cache
 * entry: reading the cache, the playbook (rendered from every account's facts, seconds at 100k
 * accounts) and the cache's update. It runs beside the sync, in a thread of its own on a
 * machine with a second core (`playbook-thread.ts`), as a conversation: started with the sync,
 * it reads the cache once told to (`go`: a thread at once, the sync's own thread once the pull
 * is done), and answers with what the sync needs of it (`CacheIndex`); while the sync pulls
 * and analyzes, it reads the orders the playbook lists the cache's accounts in (sorts them where
 * the cache has none) and works out the signal-precision section; it is told the changed
 * accounts' entries as soon as they are analyzed, merges them into those orders and starts on
 * the playbook while the sync stores its results;
 * it asks for the opportunities the playbook writes out in full (read from the store by the
 * sync); it writes the playbook when told the run stands, and the cache once the other files
 * are written. Nothing here touches the store.
 */
import type { Catalog } from '../model/catalog.js';
import type { Opportunity } from '../model/output.js';
import type { PlaybookFacts } from '../narrative/playbook-facts.js';
import {
  detailedOpportunities,
  mergePlaybookOrders,
  playbookDraftInTurns,
  playbookOrder,
  playbookOrderAt,
  withoutAccounts,
  withoutAccountsAt,
} from '../narrative/playbook.js';
import type { NarrativeContext } from '../narrative/types.js';
import { mergeById } from '../output/id-order.js';
import {
  readCachedAccounts,
  readCacheOrder,
  updateCache,
  type CacheFiles,
  type CachedAccount,
  type CacheHeader,
} from '../output/results-cache/index.js';
import { decodeOrder, encodeOrder } from '../output/results-cache/order.js';
import { writeTextFile } from '../output/write-outputs.js';
import type { PortfolioStats } from '../scoring/portfolio-stats.js';
import { factsFromEntries, playbookOptions, precisionSection } from './playbook-inputs.js';

/** A cache entry before its byte lengths in the new files are known. */
export type Entry = Omit<CachedAccount, 'oppsBytes' | 'accountBytes'>;

/** What the job starts from. */
export interface PlaybookJobData {
  files: CacheFiles;
  header: CacheHeader;
  playbook: { asOf: string; portfolioName: string; catalog: Catalog };
}

/** What the sync needs of the cache: each account's id, byte lengths in the last files and
 * retro digest (`null`: none), in the cache's order. */
export interface CacheIndex {
  ids: string[];
  oppsBytes: number[];
  accountBytes: number[];
  digests: (string | null)[];
}

/** Messages to the job, in this order. */
export type ToJob =
  | { kind: 'go' }
  | {
      kind: 'render';
      /** The accounts analyzed, and the entries of those still live, in id order. */
      changed: string[];
      fresh: Entry[];
      /** The signal-precision section when it does not come from the retro history. */
      section?: { title: string; markdown: string };
    }
  | { kind: 'details'; opportunities: Opportunity[]; contexts: [string, NarrativeContext][] }
  | { kind: 'write'; file: string }
  | {
      kind: 'cache';
      header: Omit<CacheHeader, 'lengths' | 'format'>;
      /** Byte lengths of each account's parts in the new files, in the new order. */
      oppsBytes: number[];
      accountBytes: number[];
    };

/** Messages from the job, in this order (or `error`, after which it says nothing more). */
export type FromJob =
  | { kind: 'index'; index: CacheIndex }
  | {
      kind: 'wants';
      /** The opportunities written out in full, and where each opportunity of their accounts
       * stands among that account's (the order their context lists them in). */
      ids: string[];
      ranks: [string, number][];
    }
  | { kind: 'written' }
  | { kind: 'cached' }
  | { kind: 'error'; message: string; stack?: string };

type Of<M extends { kind: string }, K extends M['kind']> = Extract<M, { kind: K }>;

/** Messages kept by kind until asked for; a failure answers every question after it. */
export class Mailbox<M extends { kind: string }> {
  private readonly held = new Map<string, M[]>();
  private readonly waiting = new Map<
    string,
    { resolve: (m: M) => void; reject: (err: Error) => void }
  >();
  private failure: Error | undefined;

  put(m: M): void {
    const waiter = this.waiting.get(m.kind);
    if (waiter) {
      this.waiting.delete(m.kind);
      waiter.resolve(m);
      return;
    }
    const list = this.held.get(m.kind);
    if (list) list.push(m);
    else this.held.set(m.kind, [m]);
  }

  fail(err: Error): void {
    this.failure ??= err;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }

  next<K extends M['kind']>(kind: K): Promise<Of<M, K>> {
    const list = this.held.get(kind);
    if (list?.length) return Promise.resolve(list.shift() as Of<M, K>);
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting.has(kind)) throw new Error(`already waiting for "${kind}"`);
    return new Promise<Of<M, K>>((resolve, reject) => {
      this.waiting.set(kind, { resolve: resolve as (m: M) => void, reject });
    });
  }
}

/** On the sync's thread, the job's work is done in turns, between which the sync's own work
 * gets in (the store's answers, the run's next step). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A retro history as the cache keeps it (what the signal precision reads of it). */
const retroText = (r: Entry['retro']): string =>
  r
    ? JSON.stringify(
        r.items.map((i) => [i.type, i.signals, i.outcome?.outcome ?? 0, i.outcome?.amount ?? 0]),
      )
    : '';

/** Whether the changed accounts' retro history reads as the cache's, so that the section
 * worked out from the cache stands. It may not: an expansion won since the cutoff changes it
 * without changing the account as it stood then (its digest). */
function sameRetro(cached: readonly Entry[], render: Extract<ToJob, { kind: 'render' }>): boolean {
  const changed = new Set(render.changed);
  const before = new Map(cached.filter((c) => changed.has(c.id)).map((c) => [c.id, c.retro]));
  const after = new Map(render.fresh.map((e) => [e.id, e.retro]));
  return render.changed.every((id) => retroText(before.get(id)) === retroText(after.get(id)));
}

export async function playbookJob(
  data: PlaybookJobData,
  inbox: Mailbox<ToJob>,
  send: (m: FromJob) => void,
): Promise<void> {
  // Started with the sync; on the sync's thread, reading 100k accounts is seconds the pull
  // would wait through.
  await inbox.next('go');
  const cached = await readCachedAccounts(data.files, data.header);
  send({
    kind: 'index',
    index: {
      ids: cached.map((c) => c.id),
      oppsBytes: cached.map((c) => c.oppsBytes),
      accountBytes: cached.map((c) => c.accountBytes),
      digests: cached.map((c) => c.retro?.digest ?? null),
    },
  });
  // While the run pulls and analyzes: the orders the playbook lists things in (as the last run
  // left them, sorted only where the cache has none) and its signal-precision section, as the
  // cache has them. Once the run says which accounts changed, the orders drop theirs and merge
  // in their new ones, and the section stands unless their history changed.
  const stored = await readCacheOrder(data.files, data.header).catch(() => undefined);
  const positions = stored && decodeOrder(stored, cached);
  await nextTurn();
  const base = positions ? playbookOrderAt(cached, positions) : playbookOrder(cached);
  await nextTurn();
  const retro = data.header.retro;
  const retroSection = (accounts: readonly Entry[]) =>
    precisionSection(undefined, () => ({
      cutoff: retro!.cutoff,
      stats: JSON.parse(retro!.stats) as PortfolioStats,
      accounts: new Map(accounts.flatMap((e) => (e.retro ? [[e.id, e.retro]] : []))),
    }));
  const early = retro ? retroSection(cached) : undefined;
  const render = await inbox.next('render');
  const changed = new Set(render.changed);
  // The accounts in output order: the cached ones that did not change, and the changed ones
  // still live, merged by id.
  const unchanged: Entry[] = [];
  const dropped: number[] = [];
  cached.forEach((c, i) => (changed.has(c.id) ? dropped.push(i) : unchanged.push(c)));
  const entries: Entry[] = mergeById(unchanged, render.fresh);
  await nextTurn();
  const rest = positions
    ? withoutAccountsAt(base, positions, cached, dropped)
    : withoutAccounts(base, changed);
  const facts: PlaybookFacts = {
    ...factsFromEntries(entries),
    order: mergePlaybookOrders(rest, playbookOrder(render.fresh)),
  };
  await nextTurn();
  const detailed = detailedOpportunities(facts);
  const ids = detailed.map((o) => o.id);
  const accounts = new Set(detailed.map((o) => o.accountId));
  const ranks: [string, number][] = [];
  for (const e of entries)
    if (accounts.has(e.id)) e.opportunities.forEach((o, i) => ranks.push([o.id, i]));
  send({ kind: 'wants', ids, ranks });
  const section =
    render.section ?? (early && sameRetro(cached, render) ? early : retroSection(entries));
  await nextTurn();
  const draft = await playbookDraftInTurns(
    facts,
    playbookOptions(data.playbook, section),
    nextTurn,
  );
  const details = await inbox.next('details');
  const opportunities = new Map(details.opportunities.map((o) => [o.id, o]));
  const contexts = new Map(details.contexts);
  const pieces = draft.finish({
    opportunity: (id) => opportunities.get(id)!,
    context: (id) => contexts.get(id)!,
  });
  const { file } = await inbox.next('write');
  await writeTextFile(file, pieces);
  send({ kind: 'written' });
  // Worked out while the sync finishes the JSON files: 0.3-0.5 s at 100k accounts that would
  // otherwise come after them.
  const order = encodeOrder(entries, facts.order!);
  const done = await inbox.next('cache');
  const sized = entries.map((e, i): CachedAccount => ({
    ...e,
    oppsBytes: done.oppsBytes[i]!,
    accountBytes: done.accountBytes[i]!,
  }));
  const live = new Set(render.fresh.map((e) => e.id));
  await updateCache(
    data.files,
    data.header,
    done.header,
    sized.filter((e) => changed.has(e.id)),
    render.changed.filter((id) => !live.has(id)),
    () => sized,
    order,
  );
  send({ kind: 'cached' });
}
