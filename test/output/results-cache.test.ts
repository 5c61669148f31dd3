/**
 * The output files' cache reads back what was written: every account as of the last full write,
 * with the accounts the log changed since in their place (a later line wins), those it removed
 * gone and those it added merged in by id; text fields of any script and length, lines longer
 * than a read of the file, and a file cut short named in the error.
 */
import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpportunityFacts } from '../../src/narrative/playbook-facts.js';
import {
  cacheFiles,
  readCacheHeader,
  readCachedAccounts,
  updateCache,
  writeCache,
  type CachedAccount,
} from '../../src/output/results-cache/index.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An account with `n` opportunities; `v` marks which version of it this is. */
function account(id: string, n: number, v = 1, long = 0): CachedAccount {
  const name = `Zoë ${id} 🚀 v${v}${'x'.repeat(long)}`;
  const opportunities: OpportunityFacts[] = Array.from({ length: n }, (_, k) => ({
    id: `${id}-o${k}`,
    accountId: id,
    accountName: name,
    type: 'seat_expansion',
    category: 'expansion',
    title: `Add seats ${k} (v${v})`,
    estimatedArr: 1000 * (k + 1) * v,
    scores: { revenue: 4, effort: 3, likelihood: 0.5, composite: 7.5 - k },
    tier: 2,
    timing: 'now',
    deadline: '2026-12-31',
    confidence: 0.8,
    row: `| ${name} | row ${k} |`,
    playRow: undefined,
    firstStep: k === 0 ? `Call the champion (v${v})` : undefined,
  }));
  return {
    id,
    oppsBytes: 100 * n + v,
    accountBytes: 50 + v,
    summary: {
      accountId: id,
      name,
      arr: 12_000 * v,
      health: 'green',
      healthReasons: [`reason ${v}`],
      readiness: 'ready_now',
      bestScore: 7.5,
      bestTier: 2,
      potentialArr: 3000 * v,
      opportunityCount: n,
      flags: [],
    },
    opportunities,
    record: { id, featuresUsed: ['a'], ticketThemes: [], plan: 'pro' },
    activeContacts: v,
    notes: { row: `| ${name} | summary |` },
    retro: { digest: `d-${id}-${v}`, items: [] },
  };
}

/** What a reader sees of an account: its plain fields and its opportunities' texts. */
const seen = (a: CachedAccount) => ({
  id: a.id,
  oppsBytes: a.oppsBytes,
  accountBytes: a.accountBytes,
  summary: a.summary,
  record: a.record,
  activeContacts: a.activeContacts,
  row: a.notes.row,
  retro: a.retro,
  opportunities: a.opportunities.map((o) => ({
    id: o.id,
    title: o.title,
    accountName: o.accountName,
    row: o.row,
    firstStep: o.firstStep,
    arr: o.estimatedArr,
    composite: o.scores.composite,
  })),
});

const head = { connection: 'c', out: '/out', resultsRun: 1, inputsKey: 'k', files: [] };

describe('the results cache', () => {
  it('reads back the full write with the log applied, in id order', async () => {
    const files = cacheFiles(dir, 'c', join(dir, 'out-log'));
    // Enough accounts, and one line long enough, for the file to take several reads.
    const base = Array.from({ length: 3000 }, (_, i) =>
      account(`A${String(i * 2).padStart(5, '0')}`, i % 4, 1, i === 1500 ? 5_000_000 : 0),
    );
    await writeCache(files, { ...head, format: 0 }, base);
    let header = (await readCacheHeader(files))!;
    expect((await readCachedAccounts(files, header)).map(seen)).toEqual(base.map(seen));

    // Two runs that changed a few: one changed twice, one gone, two added, one gone and back.
    const [a10, a20, a30, a40] = ['A00010', 'A00020', 'A00030', 'A00040'];
    await updateCache(
      files,
      header,
      head,
      [account(a10, 2, 2), account('A00011', 1, 1)],
      [a20],
      () => [],
    );
    header = (await readCacheHeader(files))!;
    await updateCache(
      files,
      header,
      head,
      [account(a10, 3, 3), account('A00001', 2, 1), account(a30, 1, 2)],
      [a40, a30],
      () => [],
    );
    header = (await readCacheHeader(files))!;
    expect(header.lengths!.log).toBeGreaterThan(0);
    const expected = base
      .filter((a) => ![a20, a30, a40].includes(a.id))
      .map((a) => (a.id === a10 ? account(a10, 3, 3) : a));
    expected.push(account('A00011', 1, 1), account('A00001', 2, 1));
    expected.sort((a, b) => (a.id < b.id ? -1 : 1));
    expect((await readCachedAccounts(files, header)).map(seen)).toEqual(expected.map(seen));
  });

  it('names the file when it is shorter than its head says', async () => {
    const files = cacheFiles(dir, 'c', join(dir, 'out-short'));
    await writeCache(files, { ...head, format: 0 }, [account('B1', 2), account('B2', 1)]);
    const header = (await readCacheHeader(files))!;
    truncateSync(files.accounts, 10);
    await expect(readCachedAccounts(files, header)).rejects.toThrow(files.accounts);
  });
});
