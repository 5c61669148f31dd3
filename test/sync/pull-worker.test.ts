/**
 * The pull worker (the second core) changes where a files sync parses and maps its exports, not
 * what it finds: on a generated folder (the foreign generator, not the demo) a run with the
 * worker and a run without leave the same issues, the same mirror and byte-identical output
 * files, and the unchanged re-sync writes nothing on either. A file the worker cannot read is
 * the same issue as on the main thread, and a worker that cannot start leaves the run to the
 * main thread instead of failing it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesConnector } from '../../connectors/files/index.js';
import type { Connector } from '../../connectors/types.js';
import { loadEnv } from '../../src/env.js';
import { resolveSyncConnection } from '../../src/runtime/connection.js';
import { syncOnce } from '../../src/runtime/sync-once.js';
import type { NeutralObject } from '../../src/model/records.js';
import type { Store } from '../../src/store/db.js';
import { sourceFields } from '../../src/mapping/apply.js';
import { mapPages, type MappedPage } from '../../src/sync/map-pages.js';
import {
  AUTO_WEIGHT,
  objectWeight,
  PullWorker,
  splitObjects,
  takeNext,
  wantsWorker,
} from '../../src/sync/pull-worker.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';
import { backends } from '../store/backends.js';
import { tableRows } from '../store/bulk/rows.js';
import { memoryLog } from './fixtures.js';

/**
 * For tests that run whole syncs (two or three, or one in a process of its own that compiles
 * what it runs): up to 43 s when two busy cores of a slow machine ran the suite (2026-12-07).
 */
const WHOLE_SYNCS = { timeout: 180_000 };

const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe.each(backends())('the pull worker on $name', (backend) => {
  let p: ForeignPortfolio;
  const stores: Store[] = [];
  beforeAll(() => {
    p = generateForeign({ seed: 23, accounts: 70 });
    // Lines either thread must report the same: a stray quote, a row with a cell too many, and
    // (in every file) the last data row again, a duplicate id where the file has ids.
    for (const f of ['contacts', 'deals', 'usage', 'departments', 'signals']) {
      const file = join(p.dir, `${f}.csv`);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const extra = ['bro"ken,row', `${lines.at(-1)!},one too many`, lines.at(-1)!];
      writeFileSync(file, [...lines.slice(0, 3), ...extra, ...lines.slice(3)].join('\n'));
    }
  });
  afterAll(async () => {
    await backend.cleanup();
    rmSync(p.dir, { recursive: true, force: true });
  });

  const sync = async (
    store: Store,
    mode: 'auto' | 'on' | 'off',
    out: string,
    connector?: Connector,
    full = false,
  ) => {
    const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn', HEADROOM_PULL_WORKER: mode });
    const connection = await resolveSyncConnection({ connector: 'files', source: p.dir }, env);
    const lines = memoryLog();
    const log = { ...lines, child: () => log };
    const { report } = await syncOnce({
      store,
      connection,
      env,
      log: log as unknown as Parameters<typeof syncOnce>[0]['log'],
      asOf: p.asOf,
      out: join(p.dir, out),
      ...(connector ? { connector } : {}),
      ...(full ? { full } : {}),
    });
    expect(report.status, report.error).toBe('succeeded');
    return { report, log: lines };
  };

  it('finds, stores and writes exactly what the main thread alone does', WHOLE_SYNCS, async () => {
    const [alone, split] = [await backend.open(), await backend.open()];
    stores.push(alone, split);
    const a = await sync(alone, 'off', 'out-alone');
    const b = await sync(split, 'on', 'out-split');
    expect(a.report.stats.pulledInWorker).toEqual([]);
    // Objects go to whichever thread is free first; accounts never to the worker.
    expect(b.report.stats.pulledInWorker.length).toBeGreaterThan(0);
    expect(b.report.stats.pulledInWorker).not.toContain('account');
    expect(b.report.issues).toEqual(a.report.issues);
    expect(a.report.issues.some((i) => /^duplicate id/.test(i.reason))).toBe(true);
    expect(
      a.report.issues.some((i) => /one too many|other problems: parse, columns/.test(i.reason)),
    ).toBe(true);
    const {
      phaseMs: _a,
      phaseBusyMs: _ab,
      durationMs: _ad,
      pulledInWorker: _aw,
      ...statsA
    } = a.report.stats;
    const {
      phaseMs: _b,
      phaseBusyMs: _bb,
      durationMs: _bd,
      pulledInWorker: _bw,
      ...statsB
    } = b.report.stats;
    expect(statsB).toEqual(statsA);
    expect(files(join(p.dir, 'out-split'))).toEqual(files(join(p.dir, 'out-alone')));
    expect(await tableRows(split, 'mirror', 'object, id')).toEqual(
      await tableRows(alone, 'mirror', 'object, id'),
    );
    // A re-sync that reads every export again (`full`: an unchanged one would not read them at
    // all, unchanged-source.ts) writes no mirror row with the worker either.
    const again = await sync(split, 'on', 'out-split-2', undefined, true);
    expect(again.report.stats.mirrorUpserts).toBe(0);
    expect(again.report.stats.pulledInWorker.length).toBeGreaterThan(0);
    expect(files(join(p.dir, 'out-split-2'))).toEqual(files(join(p.dir, 'out-split')));
  });

  /** The folder's mapping and connector, for mapping pages directly (not through a sync). */
  const mapping = async () => ({
    connection: await resolveSyncConnection(
      { connector: 'files', source: p.dir },
      loadEnv({ ...process.env }),
    ),
    connector: await createFilesConnector({ connection: 'w', options: { source: p.dir } }),
    ctx: { connection: 'w' },
  });

  it('skips in the worker the rows whose digests it is given, as the main thread does', async () => {
    const { connection, connector, ctx } = await mapping();
    const spec = connection.mapping.objects.usage!;
    const request = { object: spec.from, fields: sourceFields(spec) };
    const collect = async (pages: AsyncIterable<MappedPage>) => {
      const out: Omit<MappedPage, 'records'>[] = [];
      for await (const { records: _r, ...page } of pages) out.push(page);
      return out;
    };
    const key = 'usage-rows';
    // What the mirror would hold: the digests of four rows out of five.
    const read = await collect(
      mapPages(connector.pull(request), 'usage', spec, ctx, true, { key }),
    );
    const digests = new Map(
      read
        .flatMap((page) => page.items)
        .flatMap((item, i) => (item.rawHash && i % 5 ? [[item.id, item.rawHash] as const] : [])),
    );
    expect(digests.size).toBeGreaterThan(0);
    const has = (id: string, digest: string) => digests.get(id) === digest;
    const inline = await collect(
      mapPages(connector.pull(request), 'usage', spec, ctx, true, { key, has }),
    );
    const worker = new PullWorker(connector);
    try {
      const inWorker = await collect(worker.map('usage', spec, request, ctx, key, digests));
      expect(inWorker).toEqual(inline);
      const kept = inWorker.flatMap((page) => page.kept);
      expect(new Set(kept)).toEqual(new Set(digests.keys()));
      expect(inWorker.flatMap((page) => page.items).some((item) => digests.has(item.id))).toBe(
        false,
      );
    } finally {
      await worker.close();
    }
  });

  it('maps pages and fails on an unreadable file exactly as the main thread does', async () => {
    const { connection, connector, ctx } = await mapping();
    const both = async (object: 'usage' | 'signal') => {
      const spec = connection.mapping.objects[object]!;
      const request = { object: spec.from, fields: sourceFields(spec) };
      const collect = async (pages: AsyncIterable<MappedPage>) => {
        const out: unknown[] = [];
        try {
          for await (const { records: _r, ...page } of pages) out.push(page);
        } catch (err) {
          out.push({ error: (err as Error).constructor.name, message: (err as Error).message });
        }
        return out;
      };
      const worker = new PullWorker(connector);
      try {
        return [
          await collect(mapPages(connector.pull(request), object, spec, ctx)),
          await collect(worker.map(object, spec, request, ctx)),
        ];
      } finally {
        await worker.close();
      }
    };
    const [inline, inWorker] = await both('usage');
    expect(inWorker).toEqual(inline);
    expect(inline!.length).toBeGreaterThan(0);

    const signals = readFileSync(join(p.dir, 'signals.csv'));
    writeFileSync(
      join(p.dir, 'signals.csv'),
      Buffer.concat([signals.subarray(0, 40), Buffer.alloc(4000, 0)]),
    );
    try {
      const [badInline, badInWorker] = await both('signal');
      expect(badInline!.at(-1)).toMatchObject({ error: 'UnreadableSourceError' });
      expect(badInWorker).toEqual(badInline);
    } finally {
      writeFileSync(join(p.dir, 'signals.csv'), signals);
    }
  });

  it('stops a worker started early when what is read turns out too small for it', async () => {
    const real = await createFilesConnector({ connection: 'x', options: { source: p.dir } });
    // Usage weighs enough for a worker (`auto`), the other exports next to nothing.
    const weighed: Connector = {
      ...real,
      pull: (r) => real.pull(r),
      fingerprint: (r) => real.fingerprint!(r),
      worker: {
        ...real.worker!,
        weight: (from) => (/usage/.test(from) ? AUTO_WEIGHT * 10 : 1),
      },
    };
    const store = await backend.open();
    stores.push(store);
    const first = await sync(store, 'auto', 'out-early', weighed);
    const contacts = readFileSync(join(p.dir, 'contacts.csv'), 'utf8');
    try {
      // Only the contacts export changes: the worker, started as soon as the run knows it
      // reads it, is not used for it.
      const lines = contacts.split('\n');
      writeFileSync(
        join(p.dir, 'contacts.csv'),
        [...lines.slice(0, 2), ...lines.slice(3)].join('\n'),
      );
      const { report } = await sync(store, 'auto', 'out-early', weighed);
      expect(report.stats.pulledInWorker).toEqual([]);
      expect(report.stats.unchanged).toEqual(['account', 'deal', 'usage', 'department', 'signal']);
      expect(report.stats.pulled).toBeGreaterThan(0);
      if (availableParallelism() >= 2) expect(first.report.stats.pulledInWorker).toContain('usage');
    } finally {
      writeFileSync(join(p.dir, 'contacts.csv'), contacts);
    }
  });

  it('leaves the objects to the main thread when no worker starts', WHOLE_SYNCS, async () => {
    const real = await createFilesConnector({ connection: 'x', options: { source: p.dir } });
    const broken: Connector = {
      ...real,
      pull: (r) => real.pull(r),
      worker: { ...real.worker!, module: 'file:///nowhere/connector.js' },
    };
    const alone = await sync(await backend.open(), 'off', 'out-fallback-alone');
    const { report, log } = await sync(await backend.open(), 'on', 'out-fallback', broken);
    expect(report.stats.pulledInWorker).toEqual([]);
    expect(log.lines.some((l) => /pull worker failed/.test(l.msg ?? ''))).toBe(true);
    expect(report.issues).toEqual(alone.report.issues);
    expect(files(join(p.dir, 'out-fallback'))).toEqual(files(join(p.dir, 'out-fallback-alone')));
  });
});

describe('when a sync uses the pull worker', () => {
  const offering = {
    name: 'files',
    pull: () => ({ async *[Symbol.asyncIterator]() {} }),
    worker: { module: '', factory: '', ctx: { connection: 'c', options: {} }, weight: () => 0 },
  } as unknown as Connector;
  // The accounts' own estimate never counts: only what the worker could take.
  const objects = (records: number) => [
    { object: 'account' as const, records: AUTO_WEIGHT * 10 },
    { object: 'usage' as const, records },
  ];

  it('auto: only with enough to parse outside accounts; on and off as said', () => {
    expect(wantsWorker('auto', offering, objects(AUTO_WEIGHT))).toBe(true);
    expect(wantsWorker('auto', offering, objects(AUTO_WEIGHT - 1))).toBe(false);
    expect(wantsWorker('on', offering, objects(1))).toBe(true);
    expect(wantsWorker('off', offering, objects(AUTO_WEIGHT * 10))).toBe(false);
    // Accounts alone never go to the worker; a connector without the offer never uses one.
    expect(wantsWorker('on', offering, objects(1).slice(0, 1))).toBe(false);
    const { worker: _w, ...plain } = offering as Connector & { worker: unknown };
    expect(wantsWorker('on', plain as Connector, objects(AUTO_WEIGHT))).toBe(false);
  });

  it('splits the objects by weight: accounts on the main thread, then heaviest first', () => {
    const split = splitObjects([
      { object: 'account', weight: 580 },
      { object: 'contact', weight: 930 },
      { object: 'deal', weight: 1280 },
      { object: 'usage', weight: 3100 },
      { object: 'department', weight: 730 },
      { object: 'signal', weight: 310 },
    ]);
    expect(split).toEqual({
      main: ['account', 'contact', 'deal', 'signal'],
      worker: ['usage', 'department'],
    });
    // Accounts stay even when they are the heaviest; one light object still goes across.
    expect(
      splitObjects([
        { object: 'account', weight: 100 },
        { object: 'usage', weight: 1 },
      ]),
    ).toEqual({ main: ['account'], worker: ['usage'] });
    expect(objectWeight(1000, 6)).toBe(10_000);
  });

  it('a lane done with its own objects takes the lightest the other has not started', () => {
    const weight = new Map<NeutralObject, number>([
      ['account', 9000],
      ['contact', 930],
      ['deal', 1280],
      ['usage', 3100],
      ['department', 730],
      ['signal', 310],
    ]);
    const lanes = {
      main: ['account', 'contact', 'deal'] as NeutralObject[],
      worker: ['usage', 'department', 'signal'] as NeutralObject[],
    };
    const next = (lane: 'main' | 'worker') => takeNext(lanes, lane, (o) => weight.get(o)!);
    // Each lane's own, in the neutral order, while it has any.
    expect([next('main'), next('worker'), next('main'), next('main')]).toEqual([
      'account',
      'usage',
      'contact',
      'deal',
    ]);
    // The main thread is done first: it takes the worker's lighter waiting object, not the next.
    expect(next('main')).toBe('signal');
    expect(next('worker')).toBe('department');
    expect([next('main'), next('worker')]).toEqual([undefined, undefined]);
    // Accounts are never taken across, even when they wait and are the lightest.
    const waiting = { main: ['account', 'deal'] as NeutralObject[], worker: [] as NeutralObject[] };
    weight.set('account', 1);
    expect(takeNext(waiting, 'worker', (o) => weight.get(o)!)).toBe('deal');
    expect(takeNext(waiting, 'worker', (o) => weight.get(o)!)).toBeUndefined();
    expect(waiting.main).toEqual(['account']);
  });
});

describe('a sync alone in its process', () => {
  it.each([
    ['the database in its own thread', 'on'],
    ['the database in-process', 'off'],
  ])('waits for the pull worker to the end, with %s', WHOLE_SYNCS, (_, dbThread) => {
    const p = generateForeign({ seed: 31, accounts: 40 });
    try {
      const script = fileURLToPath(new URL('./child/sync-alone.ts', import.meta.url));
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', script, p.dir, join(p.dir, 'out'), join(p.dir, 'db')],
        {
          encoding: 'utf8',
          env: { ...process.env, HEADROOM_PULL_WORKER: 'on', HEADROOM_DB_THREAD: dbThread },
          timeout: 120_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
        status: string;
        worker: string[];
      };
      expect(result.status).toBe('succeeded');
      expect(result.worker.length).toBeGreaterThan(0);
      expect(readdirSync(join(p.dir, 'out')).sort()).toEqual([
        'accounts.json',
        'expansion-playbook.md',
        'issues.json',
        'opportunities.json',
      ]);
    } finally {
      rmSync(p.dir, { recursive: true, force: true });
    }
  });
});
