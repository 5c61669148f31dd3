import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { listRuns } from '../../src/store/runs.js';
import { scoreHistory } from '../../src/store/score-history.js';
import { listOpportunities } from '../../src/store/opportunities.js';
import { writeStates } from '../../src/store/write-state.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { Analyze, RunSyncOptions } from '../../src/sync/types.js';
import { backends } from '../store/backends.js';
import {
  exportFolder,
  filesConnection,
  filesIntoCrm,
  memoryLog,
  seatAnalyzer,
  type AccountRow,
} from './fixtures.js';
import { memoryCrm, rateLimited, type MemoryCrm } from './memory-crm.js';

const ASOF = '2026-03-02';
// A1, A3 at 90%+ (tier 1 at weight 1), A2 at 85% (tier 2), A4 at 40% (no opportunity).
const ROWS: AccountRow[] = [
  { id: 'A1', licensed: 100, active: 96 },
  { id: 'A2', licensed: 20, active: 17 },
  { id: 'A3', licensed: 50, active: 48 },
  { id: 'A4', licensed: 10, active: 4 },
];

describe.each(backends())('runSync on $name', (backend) => {
  let store: Store;
  const cleanups: (() => void)[] = [];
  let n = 0;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  afterAll(() => backend.cleanup());

  /** A fresh connection over an export folder, written back into an in-memory CRM. */
  async function setup(rows = ROWS) {
    const name = `conn${++n}`;
    const folder = exportFolder(rows);
    cleanups.push(folder.cleanup);
    const crm = memoryCrm();
    for (const r of rows) crm.put('Account', r.id, { Name: `Acme ${r.id}` });
    crm.objects.set('Expansion_Opportunity__c', new Map());
    crm.objects.set('Task', new Map());
    const connection = filesConnection(name, folder.dir);
    const log = memoryLog();
    const sync = async (extra: Partial<RunSyncOptions> & { analyze?: Analyze } = {}) =>
      runSync({
        store,
        connection,
        connector: await filesIntoCrm(name, folder.dir, crm),
        analyze: seatAnalyzer(),
        asOf: ASOF,
        log,
        ...extra,
      });
    return { name, folder, crm, log, sync };
  }
  const keysWritten = (crm: MemoryCrm, object: string) =>
    crm.writeCalls
      .filter((c) => c.object === object)
      .flatMap((c) => c.keys)
      .sort();

  it('writes results once, then an unchanged re-sync makes zero write calls', async () => {
    const { crm, sync } = await setup();
    const first = await sync();
    expect(first.status).toBe('succeeded');
    expect(first.stats).toMatchObject({
      pulled: 4,
      mapped: 4,
      mirrorUpserts: 4,
      opportunities: { new: 3, changed: 0, closed: 0 },
    });
    expect(first.stats.writes).toEqual({ account: 4, opportunity: 3, task: 2 });
    expect(
      crm
        .records('Expansion_Opportunity__c')
        .map((r) => r.fields.Headroom_Key__c)
        .sort(),
    ).toEqual(
      ['conn1:A1:seat_expansion', 'conn1:A2:seat_expansion', 'conn1:A3:seat_expansion'].map((k) =>
        k.replace('conn1', first.connection),
      ),
    );
    expect(
      crm
        .records('Task')
        .map((t) => t.fields.WhatId)
        .sort(),
    ).toEqual(['A1', 'A3']);
    expect(crm.records('Account').find((a) => a.id === 'A1')?.fields).toMatchObject({
      Expansion_Tier__c: 1,
      Expansion_Health__c: 'Green',
    });

    crm.writeCalls.length = 0;
    const second = await sync();
    expect(second.status).toBe('succeeded');
    expect(crm.writeCalls).toEqual([]);
    // The one CRM call left: reading back people's status changes.
    expect(second.stats.apiCalls).toBe(1);
    expect(second.stats).toMatchObject({
      mirrorUpserts: 0,
      opportunities: { new: 0, changed: 0, closed: 0 },
      writes: { account: 0, opportunity: 0, task: 0 },
    });
  });

  it('asks whether the last results are in place, saying whether the pull changed records', async () => {
    const { name, folder, sync } = await setup();
    // Without write-back, a run may keep or build on the last run's results.
    const connection = { ...filesConnection(name, folder.dir), writeBack: false };
    const asked: [number, boolean][] = [];
    const run = () =>
      sync({
        connection,
        analysisKey: 'settings-1',
        resultsInPlace: (_key, resultsRun, changed) => {
          asked.push([resultsRun, changed]);
          return Promise.resolve(true);
        },
      });
    const first = await run();
    expect(asked).toEqual([]);
    const kept = await run();
    expect(kept.unchangedSince).toBe(first.runId);
    expect(asked).toEqual([[first.runId, false]]);
    folder.write(ROWS.map((r) => (r.id === 'A4' ? { ...r, active: 9 } : r)));
    const changed = await run();
    expect(changed.status).toBe('succeeded');
    expect(changed.unchangedSince).toBeUndefined();
    expect(asked).toEqual([
      [first.runId, false],
      [first.runId, true],
    ]);
  });

  it('times its phases on a monotonic clock: a clock stepped mid-run moves no duration', async () => {
    const { sync } = await setup();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T08:00:00Z') });
    try {
      const report = await sync({
        // The machine's clock set an hour forward while the run analyzes.
        onProgress: (phase, done) => {
          if (phase === 'analyze' && done === 0) vi.setSystemTime(Date.now() + 3_600_000);
        },
      });
      expect(report.status).toBe('succeeded');
      expect(report.stats.durationMs).toBeLessThan(600_000);
      for (const ms of Object.values(report.stats.phaseMs)) expect(ms).toBeLessThan(600_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts the time its own thread was busy in each phase, not the time it waited', async () => {
    const { sync } = await setup();
    const work = seatAnalyzer();
    const spin = (ms: number) => {
      for (const end = performance.now() + ms; performance.now() < end;);
    };
    // An analysis that computes for 300 ms, then one that waits 300 ms on something else.
    const busy = await sync({ analyze: (p, asOf) => (spin(300), work(p, asOf)) });
    const waiting = await sync({
      analyze: async (p, asOf) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return work(p, asOf);
      },
    });
    for (const report of [busy, waiting]) {
      expect(report.status).toBe('succeeded');
      const { phaseMs, phaseBusyMs } = report.stats;
      expect(Object.keys(phaseBusyMs).sort()).toEqual(Object.keys(phaseMs).sort());
      for (const [phase, ms] of Object.entries(phaseMs)) {
        expect(phaseBusyMs[phase]).toBeGreaterThanOrEqual(0);
        expect(phaseBusyMs[phase]).toBeLessThanOrEqual(ms + 1);
      }
    }
    expect(busy.stats.phaseBusyMs.analyze).toBeGreaterThanOrEqual(280);
    expect(waiting.stats.phaseMs.analyze).toBeGreaterThanOrEqual(280);
    expect(waiting.stats.phaseBusyMs.analyze).toBeLessThan(150);
  });

  it("takes the day's snapshot beside the analysis once the analyzer has read the store", async () => {
    const { name, sync } = await setup();
    const work = seatAnalyzer();
    const today = async () =>
      Number(
        (
          await store.query<{ n: number }>(
            'SELECT count(*) AS n FROM snapshots WHERE connection = $1 AND day = $2::date',
            [name, ASOF],
          )
        ).rows[0]!.n,
      );
    // An analyzer that never says it is done with the store: the snapshot follows it.
    let seenBefore = -1;
    const after = await sync({
      analyze: async (p, asOf) => {
        seenBefore = await today();
        return work(p, asOf);
      },
    });
    expect(after.status).toBe('succeeded');
    expect(seenBefore).toBe(0);
    expect(after.stats.snapshots).toBe(ROWS.length);
    // One that does: the snapshot is written while it goes on (the store answers it meanwhile).
    await store.query('DELETE FROM snapshots WHERE connection = $1', [name]);
    let seenBeside = 0;
    const beside = await sync({
      full: true,
      analyze: async (p, asOf, storeRead) => {
        storeRead?.();
        for (let i = 0; i < 200 && seenBeside === 0; i++) {
          seenBeside = await today();
          if (seenBeside === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return work(p, asOf);
      },
    });
    expect(beside.status).toBe('succeeded');
    expect(seenBeside).toBe(ROWS.length);
    expect(beside.stats.snapshots).toBe(ROWS.length);
  });

  it('rewrites only the records of the account whose seats changed', async () => {
    const { folder, crm, sync, name } = await setup();
    await sync();
    crm.writeCalls.length = 0;
    folder.write(ROWS.map((r) => (r.id === 'A2' ? { ...r, active: 18 } : r)));
    const report = await sync();
    expect(report.stats).toMatchObject({
      mirrorUpserts: 1,
      opportunities: { new: 0, changed: 1, closed: 0 },
    });
    expect(keysWritten(crm, 'Account')).toEqual(['A2']);
    expect(keysWritten(crm, 'Expansion_Opportunity__c')).toEqual([`${name}:A2:seat_expansion`]);
    expect(keysWritten(crm, 'Task')).toEqual([]);
    expect(crm.records('Expansion_Opportunity__c')).toHaveLength(3);
    expect(
      crm.records('Expansion_Opportunity__c').find((r) => r.fields.Account__c === 'A2')?.fields
        .Score__c,
    ).toBe(9);
  });

  it('resumes a write-back that failed at the Nth call without duplicates or gaps', async () => {
    const { crm, sync, name } = await setup();
    crm.failWriteAt(3, rateLimited());
    const failed = await sync({ writeBatchSize: 1 });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/service unavailable/);
    expect(failed.stats.writes).toEqual({ account: 2, opportunity: 0, task: 0 });

    const rerun = await sync({ writeBatchSize: 1 });
    expect(rerun.status).toBe('succeeded');
    expect(rerun.stats.writes).toEqual({ account: 2, opportunity: 3, task: 2 });
    expect(keysWritten(crm, 'Account')).toEqual(['A1', 'A2', 'A3', 'A4']);
    const keys = crm.records('Expansion_Opportunity__c').map((r) => r.fields.Headroom_Key__c);
    expect(keys.sort()).toEqual(['A1', 'A2', 'A3'].map((a) => `${name}:${a}:seat_expansion`));
    expect(crm.records('Task')).toHaveLength(2);
    const runs = await listRuns(store, { connection: name });
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed']);
    expect(runs[1]?.error).toMatch(/service unavailable/);
  });

  it('sends an upsert whose response was lost again without creating a duplicate', async () => {
    const { crm, sync } = await setup();
    // Call 5 is the first opportunity upsert (4 account updates before it).
    crm.failWriteAt(5, rateLimited(), { lost: true });
    expect((await sync({ writeBatchSize: 1 })).status).toBe('failed');
    expect(crm.records('Expansion_Opportunity__c')).toHaveLength(1);
    const rerun = await sync({ writeBatchSize: 1 });
    expect(rerun.stats.writes).toEqual({ account: 0, opportunity: 3, task: 2 });
    expect(crm.records('Expansion_Opportunity__c')).toHaveLength(3);
  });

  it('runs one of two runs started together and records the other as skipped', async () => {
    const { sync, log, name } = await setup();
    const reports = await Promise.all([sync(), sync()]);
    expect(reports.map((r) => r.status).sort()).toEqual(['skipped', 'succeeded']);
    expect(
      log.lines.some((l) => /sync skipped: another run of .* is in progress/.test(l.msg ?? '')),
    ).toBe(true);
    expect((await listRuns(store, { connection: name })).map((r) => r.status).sort()).toEqual([
      'skipped',
      'succeeded',
    ]);
    expect((await sync()).status).toBe('succeeded');
  });

  it('attributes score changes to the settings or to the data', async () => {
    const { folder, sync, name } = await setup();
    await sync({ analyze: seatAnalyzer({ version: 's1', weight: 1 }) });
    const changed = await sync({ analyze: seatAnalyzer({ version: 's2', weight: 0.9 }) });
    expect(changed.stats.opportunities.changed).toBe(3);
    folder.write(ROWS.map((r) => (r.id === 'A2' ? { ...r, active: 18 } : r)));
    await sync({ analyze: seatAnalyzer({ version: 's2', weight: 0.9 }) });
    const a1 = await scoreHistory(store, name, `${name}:A1:seat_expansion`);
    expect(a1.map((h) => [h.cause, h.settingsVersion])).toEqual([
      ['new', 's1'],
      ['settings', 's2'],
    ]);
    const a2 = await scoreHistory(store, name, `${name}:A2:seat_expansion`);
    expect(a2.map((h) => h.cause)).toEqual(['new', 'settings', 'data']);
    expect(a2[2]!.scores.composite).toBeGreaterThan(a2[1]!.scores.composite);
  });

  it('plans the write-back on a dry run and writes nothing', async () => {
    const { crm, sync, name } = await setup();
    const before = crm.records('Account').map((r) => r.modifiedAt);
    const dry = await sync({ dryRun: true });
    expect(dry.status).toBe('succeeded');
    expect(crm.writeCalls).toEqual([]);
    expect(crm.records('Account').map((r) => r.modifiedAt)).toEqual(before);
    expect((await writeStates(store, name, 'opportunity')).size).toBe(0);
    expect(dry.plan.account).toMatchObject({ to: 'Account', mode: 'update', records: 4 });
    expect(dry.plan.opportunity).toMatchObject({
      to: 'Expansion_Opportunity__c',
      mode: 'upsert',
      records: 3,
    });
    expect(dry.plan.task?.records).toBe(2);
    expect(dry.plan.opportunity?.samples[0]).toMatchObject({
      created: true,
      changed: { Type__c: 'seat_expansion', Headroom_Key__c: `${name}:A1:seat_expansion` },
    });
    // The real run afterwards still writes everything.
    expect((await sync()).stats.writes).toEqual({ account: 4, opportunity: 3, task: 2 });
  });

  it('never rewrites or reopens an opportunity a person dismissed in the CRM', async () => {
    const { folder, crm, sync, name } = await setup();
    await sync();
    const key = `${name}:A1:seat_expansion`;
    const record = crm
      .records('Expansion_Opportunity__c')
      .find((r) => r.fields.Headroom_Key__c === key)!;
    crm.put('Expansion_Opportunity__c', record.id, { Status__c: 'Dismissed' });
    folder.write(ROWS.map((r) => (r.id === 'A1' ? { ...r, active: 99 } : r)));
    crm.writeCalls.length = 0;
    const report = await sync();
    expect(report.stats.statusChanges).toBe(1);
    expect(keysWritten(crm, 'Expansion_Opportunity__c')).toEqual([]);
    expect(keysWritten(crm, 'Account')).toEqual(['A1']);
    crm.put('Expansion_Opportunity__c', record.id, { Status__c: 'Open' });
    await sync();
    const [stored] = await listOpportunities(store, { connection: name, accountId: `${name}:A1` });
    expect(stored).toMatchObject({
      status: 'dismissed',
      statusReason: 'Expansion_Opportunity__c.Status__c = Dismissed',
    });
    expect(keysWritten(crm, 'Expansion_Opportunity__c')).toEqual([]);
  });

  it('keeps the reason a person gave with a status set in the CRM', async () => {
    const { crm, sync, name } = await setup();
    await sync();
    const key = `${name}:A3:seat_expansion`;
    const record = crm
      .records('Expansion_Opportunity__c')
      .find((r) => r.fields.Headroom_Key__c === key)!;
    crm.put('Expansion_Opportunity__c', record.id, {
      Status__c: 'Dismissed',
      Status_Reason__c: '  Budget frozen until Q3 ',
    });
    expect((await sync()).stats.statusChanges).toBe(1);
    const [stored] = await listOpportunities(store, { connection: name, accountId: `${name}:A3` });
    expect(stored).toMatchObject({
      status: 'dismissed',
      statusReason: 'Expansion_Opportunity__c.Status__c = Dismissed: Budget frozen until Q3',
    });
  });

  it('removes accounts gone from a full export and closes their opportunities', async () => {
    const { folder, sync, name } = await setup();
    await sync();
    folder.write(ROWS.filter((r) => r.id !== 'A3'));
    // One account of four (25%) is more than the guard's 20%: held until confirmed.
    const held = await sync();
    expect(held).toMatchObject({ status: 'held', held: { what: 'accounts', before: 4, gone: 1 } });
    expect(held.stats.deletes).toBe(0);
    expect((await listOpportunities(store, { connection: name })).length).toBe(3);
    const report = await sync({ massChange: { allow: true } });
    expect(report.stats).toMatchObject({ deletes: 1, opportunities: { closed: 1 } });
    const open = await listOpportunities(store, { connection: name });
    expect(open.map((o) => o.accountId).sort()).toEqual([`${name}:A1`, `${name}:A2`]);
  });

  it('succeeds with its results stored when the planner statistics cannot be refreshed', async () => {
    const { name, log, sync } = await setup();
    // The catalog read that picks the tables to analyze fails (PGlite only: a server is left to
    // its autovacuum and never asked).
    const failing: Store = Object.create(store, {
      query: {
        value: (sql: string, params?: unknown[]) =>
          sql.includes('pg_class')
            ? Promise.reject(new Error('catalog unavailable'))
            : store.query(sql, params),
      },
    }) as Store;
    const report = await sync({ store: failing });
    expect(report.status).toBe('succeeded');
    expect(report.stats.opportunities.new).toBe(3);
    expect(await listOpportunities(store, { connection: name })).toHaveLength(3);
    const warned = log.lines.filter((l) => l.msg?.startsWith('planner statistics not refreshed'));
    expect(warned).toHaveLength(store.backend === 'pglite' ? 1 : 0);
    if (warned.length) expect(warned[0]!.msg).toContain('catalog unavailable');
  });
});
