/**
 * A run that analyzes only the accounts whose records changed (`src/sync/changed-accounts.ts`)
 * leaves the store exactly as a run that analyzed everything: on a portfolio from the foreign
 * generator (not the demo), a day's edits across several exports (an account edited, a contact
 * moved to another account, a deal gone, a usage reading corrected) are synced into a store that
 * holds the day before, and into a fresh one, and every stored opportunity and account summary
 * must be the same. It analyzes everything again when what the portfolio as a whole gives each
 * account moved (the benchmarks), when learning has something to learn from, and when too many
 * accounts changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/env.js';
import {
  playbookOrder,
  playbookOrderAt,
  type PlaybookOrder,
} from '../../src/narrative/playbook.js';
import {
  cacheFiles,
  readCachedAccounts,
  readCacheHeader,
  readCacheOrder,
} from '../../src/output/results-cache/index.js';
import { decodeOrder } from '../../src/output/results-cache/order.js';
import { resolveSyncConnection } from '../../src/runtime/connection.js';
import { syncOnce } from '../../src/runtime/sync-once.js';
import type { Store } from '../../src/store/db.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';
import { backends } from '../store/backends.js';
import { tableRows } from '../store/bulk/rows.js';
import { memoryLog } from './fixtures.js';

type Rows = string[][];

const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** Rewrite a CSV export (header first), every cell quoted as spreadsheet apps do. */
function editCsv(file: string, edit: (header: string[], rows: Rows) => Rows): void {
  const [header, ...rows] = parse(readFileSync(file, 'utf8'), { bom: true }) as Rows;
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const out = [header!, ...edit(header!, rows)];
  writeFileSync(file, `${out.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`);
}

/** Set `column` to `value` in the rows `pick` chooses. */
const setCell =
  (column: string, value: (old: string) => string, pick: (row: string[], i: number) => boolean) =>
  (header: string[], rows: Rows): Rows => {
    const c = header.indexOf(column);
    expect(c, column).toBeGreaterThanOrEqual(0);
    return rows.map((r, i) => (pick(r, i) ? r.map((v, j) => (j === c ? value(v) : v)) : r));
  };

/** What a run leaves stored, without what differs between two histories of the same data. */
async function stored(store: Store) {
  const opportunities = await tableRows(store, 'opportunities', 'id', 'closed_at IS NULL');
  const summaries = (await tableRows(store, 'account_summaries', 'account_id')).map((r) => {
    const { run_id: _run, ...rest } = r as Record<string, unknown>;
    return rest;
  });
  return { opportunities, summaries };
}

describe.each(backends())(
  'runs that analyze only the accounts that changed, on $name',
  (backend) => {
    let p: ForeignPortfolio;
    let work: string;
    let n = 0;
    beforeAll(() => {
      p = generateForeign({ seed: 41, accounts: 48 });
      work = mkdtempSync(join(tmpdir(), 'headroom-changed-'));
    });
    afterAll(async () => {
      await backend.cleanup();
      rmSync(p.dir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    });

    const folder = () => {
      const dir = join(work, `in-${++n}`);
      cpSync(p.dir, dir, { recursive: true });
      return dir;
    };

    /** Sync `source` (writing the output files to `out` when given). */
    const sync = async (
      store: Store,
      source: string,
      out?: string,
      settings: Record<string, string> = {},
    ) => {
      const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn', ...settings });
      const connection = await resolveSyncConnection({ connector: 'files', source }, env);
      const lines = memoryLog();
      const log = { ...lines, child: () => log };
      const { report } = await syncOnce({
        store,
        connection,
        env,
        log: log as unknown as Parameters<typeof syncOnce>[0]['log'],
        asOf: p.asOf,
        ...(out ? { out: join(work, out) } : {}),
      });
      expect(report.status, report.error).toBe('succeeded');
      return report;
    };

    /** The playbook's orders the cache keeps for `out` are what sorting its accounts gives,
     * so a patch reads them rather than sorting (`output/results-cache/order.ts`). */
    const ordersHold = async (store: Store, source: string, out: string) => {
      const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
      const { name } = await resolveSyncConnection({ connector: 'files', source }, env);
      const cache = cacheFiles(store.resultsDir, name, join(work, out));
      const header = (await readCacheHeader(cache))!;
      const cached = await readCachedAccounts(cache, header);
      const positions = decodeOrder((await readCacheOrder(cache, header))!, cached);
      expect(positions).toBeDefined();
      const ids = (o: PlaybookOrder) => ({
        expansion: o.expansion.map((r) => r.id),
        accounts: o.accounts.map((r) => r.s.accountId),
      });
      const kept = ids(playbookOrderAt(cached, positions!));
      expect(kept).toEqual(ids(playbookOrder(cached)));
      expect(kept.accounts).toHaveLength(cached.length);
    };

    /**
     * Sync `dir` after `edit` into a store holding it as it was, and into a fresh store, both
     * writing the output files (or not, `out: false`): the stores and the files must agree.
     * `between` runs after the first sync of the edited store; `settings` are its environment.
     */
    const compare = async (
      edit: (dir: string) => void,
      out = true,
      o: { between?: (store: Store) => void; settings?: Record<string, string> } = {},
    ) => {
      const dir = folder();
      const store = await backend.open();
      const [mine, theirs] = out ? [`out-${n}`, `out-${n}-whole`] : [];
      await sync(store, dir, mine, o.settings);
      o.between?.(store);
      edit(dir);
      const next = await sync(store, dir, mine, o.settings);
      const fresh = await backend.open();
      const whole = await sync(fresh, dir, theirs);
      expect(whole.changedAccounts).toBeUndefined();
      expect(await stored(store)).toEqual(await stored(fresh));
      expect(next.stats.results).toEqual(whole.stats.results);
      if (mine && theirs) expect(files(join(work, mine))).toEqual(files(join(work, theirs)));
      return { next, whole, dir, store, out: mine };
    };

    it('analyzes the edited accounts alone and stores what a whole run stores', async () => {
      const accountIds = p.rows.accounts.map((a) => String(a.account_id));
      const [edited, from, to, dealOf, usageOf] = [3, 10, 11, 20, 30].map(
        (i) => accountIds[i]!,
      ) as [string, string, string, string, string];
      const contact = p.rows.contacts.find((c) => c.account_id === from)!;
      const deal = p.rows.deals.find((d) => d.account_id === dealOf)!;
      expect(contact && deal).toBeTruthy();
      const { next } = await compare((dir) => {
        editCsv(
          join(dir, 'accounts.csv'),
          setCell(
            'active_seats',
            (v) => String(Number(v) + 3),
            (r) => r[0] === edited,
          ),
        );
        editCsv(
          join(dir, 'contacts.csv'),
          setCell(
            'account_id',
            () => to,
            (r) => r[0] === contact.contact_id,
          ),
        );
        editCsv(join(dir, 'deals.csv'), (_, rows) => rows.filter((r) => r[0] !== deal.deal_id));
        editCsv(
          join(dir, 'usage.csv'),
          setCell(
            'value',
            (v) => String(Number(v) + 1),
            (r) => r[0] === usageOf && /seats/.test(r[2]!),
          ),
        );
      });
      const id = (crm: string) => `files:${crm}`;
      expect(next.changedAccounts).toEqual([edited, from, to, dealOf, usageOf].map(id).sort());
      expect(next.stats.changedAccounts).toBe(5);
      expect(new Set(next.analysis!.accounts.map((a) => a.accountId))).toEqual(
        new Set(next.changedAccounts),
      );
    });

    /** Seats of two accounts edited. */
    const twoAccounts = (dir: string) => {
      const ids = new Set(p.rows.accounts.slice(4, 6).map((a) => String(a.account_id)));
      editCsv(
        join(dir, 'accounts.csv'),
        setCell(
          'active_seats',
          (v) => String(Number(v) + 2),
          (r) => ids.has(r[0]!),
        ),
      );
    };

    it('patches the files the same with the playbook made in a thread of its own', async () => {
      const { next } = await compare(twoAccounts, true, {
        settings: { HEADROOM_OUTPUT_THREAD: 'on' },
      });
      expect(next.changedAccounts).toHaveLength(2);
    });

    // Three syncs into two stores: up to 30 s on the embedded store on a busy machine.
    it.each(['on', 'off'])(
      'writes every file again when the cache of the last ones cannot be read (thread %s)',
      async (thread) => {
        const { next } = await compare(twoAccounts, true, {
          settings: { HEADROOM_OUTPUT_THREAD: thread },
          // The accounts' lines cut short: the cache no longer holds what its head says.
          between: (store) => {
            const lines = readdirSync(store.resultsDir).filter((f) => f.endsWith('.accounts'));
            expect(lines).toHaveLength(1);
            const file = join(store.resultsDir, lines[0]!);
            writeFileSync(file, readFileSync(file).subarray(0, 100));
          },
        });
        expect(next.changedAccounts).toBeUndefined();
      },
      240_000,
    );

    it('analyzes everything when the benchmarks move', async () => {
      // Licensed seats of every third account: the seats-per-employee benchmark moves.
      const { next } = await compare((dir) =>
        editCsv(
          join(dir, 'accounts.csv'),
          setCell(
            'licensed_seats',
            (v) => String(Number(v) * 3),
            (_, i) => i % 3 === 0,
          ),
        ),
      );
      expect(next.changedAccounts).toBeUndefined();
    });

    it('analyzes everything when a deal carries an opportunity key (learning has outcomes)', async () => {
      const { next } = await compare((dir) =>
        editCsv(
          join(dir, 'deals.csv'),
          setCell(
            'expansion_key',
            () => 'files:FW-0001-seat_expansion-x',
            (_, i) => i === 0,
          ),
        ),
      );
      expect(next.changedAccounts).toBeUndefined();
    });

    it('analyzes everything when most accounts changed', async () => {
      const { next } = await compare((dir) =>
        editCsv(
          join(dir, 'accounts.csv'),
          setCell(
            'active_seats',
            (v) => String(Number(v) + 1),
            (_, i) => i % 4 !== 0,
          ),
        ),
      );
      expect(next.changedAccounts).toBeUndefined();
    });

    // Nine syncs into three stores.
    it('goes on analyzing only what changes, run after run, with or without output files', async () => {
      const dir = folder();
      const store = await backend.open();
      await sync(store, dir, 'out-runs');
      await ordersHold(store, dir, 'out-runs');
      const ids = p.rows.accounts.map((a) => String(a.account_id));
      for (const [round, i] of [5, 6, 5].entries()) {
        editCsv(
          join(dir, 'accounts.csv'),
          setCell(
            'active_seats',
            (v) => String(Number(v) + 1 + round),
            (r) => r[0] === ids[i],
          ),
        );
        const next = await sync(store, dir, 'out-runs');
        expect(next.changedAccounts).toEqual([`files:${ids[i]}`]);
        await ordersHold(store, dir, 'out-runs');
      }
      const fresh = await backend.open();
      await sync(fresh, dir, 'out-runs-whole');
      expect(await stored(store)).toEqual(await stored(fresh));
      expect(files(join(work, 'out-runs'))).toEqual(files(join(work, 'out-runs-whole')));

      // A run without output files analyzes a share too; the files it did not write are then
      // behind, so the next run that writes them analyzes everything again.
      const edit = (i: number) =>
        editCsv(
          join(dir, 'accounts.csv'),
          setCell(
            'active_seats',
            (v) => String(Number(v) + 2),
            (r) => r[0] === ids[i],
          ),
        );
      edit(7);
      expect((await sync(store, dir)).changedAccounts).toEqual([`files:${ids[7]}`]);
      edit(8);
      const behind = await sync(store, dir, 'out-runs');
      expect(behind.changedAccounts).toBeUndefined();
      // Without the cache of the files, the same.
      rmSync(store.resultsDir, { recursive: true, force: true });
      edit(9);
      const uncached = await sync(store, dir, 'out-runs');
      expect(uncached.changedAccounts).toBeUndefined();
      const again = await backend.open();
      await sync(again, dir, 'out-runs-again');
      expect(files(join(work, 'out-runs'))).toEqual(files(join(work, 'out-runs-again')));
      // It writes the cache again: the next run patches the files.
      edit(10);
      expect((await sync(store, dir, 'out-runs')).changedAccounts).toEqual([`files:${ids[10]}`]);
    }, 240_000);

    it('analyzes everything when an account goes (the portfolio as it stood moves)', async () => {
      const ids = p.rows.accounts.map((a) => String(a.account_id));
      const gone = await compare((dir) =>
        editCsv(join(dir, 'accounts.csv'), (_, rows) => rows.filter((r) => r[0] !== ids[12])),
      );
      expect(gone.next.changedAccounts).toBeUndefined();
    });

    it('analyzes everything when an account comes', async () => {
      const added = await compare((dir) =>
        editCsv(join(dir, 'accounts.csv'), (header, rows) => {
          const copy = [...rows[12]!];
          copy[header.indexOf('account_id')] = 'FW-9999';
          return [...rows, copy];
        }),
      );
      expect(added.next.changedAccounts).toBeUndefined();
    });
  },
);
