/**
 * Re-syncs that do not redo what has not changed (`src/sync/unchanged-source.ts`,
 * `unchanged-run.ts`), on a portfolio from the foreign generator (not the demo) with the dirt it
 * carries (issues in several files). An export whose bytes and mapping are what a run last read
 * is not read again, and the run's results are those of a sync that read everything; a run with
 * nothing new keeps the last run's results and its output files, and analyzes again as soon as
 * anything its results depend on moves.
 */
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesConnector } from '../../connectors/files/index.js';
import type { Connector, KnownRows, PullRequest } from '../../connectors/types.js';
import { loadEnv } from '../../src/env.js';
import { resolveSyncConnection } from '../../src/runtime/connection.js';
import { syncOnce } from '../../src/runtime/sync-once.js';
import type { Store } from '../../src/store/db.js';
import { runIssues } from '../../src/store/issues.js';
import { listOpportunities, setOpportunityStatus } from '../../src/store/opportunities.js';
import { generateForeign, type ForeignPortfolio } from '../foreign/generate.js';
import { backends } from '../store/backends.js';
import { tableRows } from '../store/bulk/rows.js';
import { memoryLog } from './fixtures.js';

const ALL = ['account', 'contact', 'deal', 'usage', 'department', 'signal'];

/** Rewrite a CSV export row by row (header first), every cell quoted as spreadsheet apps do. */
function editCsv(file: string, edit: (rows: string[][]) => string[][]): void {
  const rows = parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  writeFileSync(
    file,
    `${edit(rows)
      .map((r) => r.map(quote).join(','))
      .join('\r\n')}\r\n`,
  );
}

const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const stamps = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));

/** Live mirror rows as data, without the run that wrote them. */
const liveMirror = async (store: Store) =>
  (await tableRows(store, 'mirror', 'object, id', 'deleted_at IS NULL')).map((r) => {
    const { seen_run: _run, ...rest } = r as Record<string, unknown>;
    return rest;
  });

describe.each(backends())('re-syncs that keep what did not change, on $name', (backend) => {
  let p: ForeignPortfolio;
  let work: string;
  let n = 0;
  beforeAll(() => {
    p = generateForeign({ seed: 37, accounts: 60 });
    // Issues every re-sync must report as the first read did: a stray quote, a row with a cell
    // too many, a duplicate id.
    for (const f of ['contacts', 'usage', 'signals']) {
      const file = join(p.dir, `${f}.csv`);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const extra = ['bro"ken,row', `${lines.at(-1)!},one too many`, lines.at(-1)!];
      writeFileSync(file, [...lines.slice(0, 3), ...extra, ...lines.slice(3)].join('\n'));
    }
    work = mkdtempSync(join(tmpdir(), 'headroom-unchanged-'));
  });
  afterAll(async () => {
    await backend.cleanup();
    rmSync(p.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /** A copy of the generated folder of the test's own. */
  const folder = () => {
    const dir = join(work, `in-${++n}`);
    cpSync(p.dir, dir, { recursive: true });
    return dir;
  };

  const sync = async (
    store: Store,
    source: string,
    out: string,
    o: {
      asOf?: string;
      full?: boolean;
      env?: Record<string, string>;
      connector?: Connector;
      allowMassChange?: boolean;
    } = {},
  ) => {
    const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn', ...o.env });
    const connection = await resolveSyncConnection({ connector: 'files', source }, env);
    const lines = memoryLog();
    const log = { ...lines, child: () => log };
    const result = await syncOnce({
      store,
      connection,
      env,
      log: log as unknown as Parameters<typeof syncOnce>[0]['log'],
      asOf: o.asOf ?? p.asOf,
      out: join(work, out),
      ...(o.full ? { full: true } : {}),
      ...(o.connector ? { connector: o.connector } : {}),
      ...(o.allowMassChange ? { allowMassChange: true } : {}),
    });
    expect(result.report.status, result.report.error).toBe('succeeded');
    return result;
  };

  it('reads no export of an unchanged folder, stores nothing and keeps the output files', async () => {
    const store = await backend.open();
    const dir = folder();
    const first = await sync(store, dir, 'out-a');
    expect(first.report.stats.unchanged).toEqual([]);
    expect(first.report.issues.length).toBeGreaterThan(0);
    const before = { files: files(join(work, 'out-a')), stamps: stamps(join(work, 'out-a')) };
    const opportunities = await tableRows(store, 'opportunities', 'id');

    const again = await sync(store, dir, 'out-a');
    const s = again.report.stats;
    expect(s.unchanged).toEqual(ALL);
    expect(again.report.unchangedSince).toBe(first.report.runId);
    expect(s.mirrorUpserts).toBe(0);
    expect(s.opportunities).toEqual({ new: 0, changed: 0, closed: 0 });
    expect(s.results).toEqual(first.report.stats.results);
    expect(s.results!.opportunities).toBeGreaterThan(0);
    // The counts and issues of the exports as they were read, byte for byte.
    expect([s.pulled, s.mapped, s.issues]).toEqual([
      first.report.stats.pulled,
      first.report.stats.mapped,
      first.report.stats.issues,
    ]);
    expect(JSON.stringify(again.report.issues)).toBe(JSON.stringify(first.report.issues));
    expect(await runIssues(store, again.report.runId)).toEqual(
      await runIssues(store, first.report.runId),
    );
    expect(again.written).toEqual([]);
    expect(again.kept.map((f) => f.replace(`${work}/`, ''))).toEqual([
      'out-a/opportunities.json',
      'out-a/accounts.json',
      'out-a/expansion-playbook.md',
      'out-a/issues.json',
    ]);
    expect(stamps(join(work, 'out-a'))).toEqual(before.stamps);
    expect(files(join(work, 'out-a'))).toEqual(before.files);
    expect(await tableRows(store, 'opportunities', 'id')).toEqual(opportunities);
  });

  it('reads a changed export again, and ends where a sync that read everything ends', async () => {
    const store = await backend.open();
    const dir = folder();
    await sync(store, dir, 'out-b');
    // A day's edits in one export: a deal renamed, one gone, one added.
    editCsv(join(dir, 'deals.csv'), ([header, ...rows]) => {
      const name = header!.indexOf('name');
      const id = header!.indexOf('deal_id');
      expect(Math.min(name, id)).toBeGreaterThanOrEqual(0);
      const edited = [...rows[1]!];
      edited[name] = 'Spreadsheet replacement, phase 2';
      const added = [...rows[4]!];
      added[id] = 'D-NEW-1';
      return [header!, rows[0]!, edited, ...rows.slice(3), added];
    });

    const next = await sync(store, dir, 'out-b');
    expect(next.report.stats.unchanged).toEqual(ALL.filter((o) => o !== 'deal'));
    expect(next.report.unchangedSince).toBeUndefined();
    expect(next.report.stats.mirrorUpserts).toBe(2);
    expect(next.report.stats.deletes).toBe(1);

    const fresh = await backend.open();
    const whole = await sync(fresh, dir, 'out-b-fresh');
    expect(whole.report.stats.unchanged).toEqual([]);
    expect(files(join(work, 'out-b'))).toEqual(files(join(work, 'out-b-fresh')));
    expect(await liveMirror(store)).toEqual(await liveMirror(fresh));
  });

  it('maps every row again when only the header moved, and none when only the quoting did', async () => {
    const store = await backend.open();
    const dir = folder();
    await sync(store, dir, 'out-h');
    // Two columns renamed into each other: every data row's bytes as they were, its fields not.
    const file = join(dir, 'contacts.csv');
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    expect(header).toContain(',title,department,');
    writeFileSync(
      file,
      [header!.replace(',title,department,', ',department,title,'), ...rest].join('\n'),
    );
    const swapped = await sync(store, dir, 'out-h', { allowMassChange: true });
    expect(swapped.report.stats.unchanged).toEqual(ALL.filter((o) => o !== 'contact'));
    expect(swapped.report.stats.mirrorUpserts).toBeGreaterThan(100);
    const fresh = await backend.open();
    await sync(fresh, dir, 'out-h-fresh');
    expect(await liveMirror(store)).toEqual(await liveMirror(fresh));
    expect(files(join(work, 'out-h'))).toEqual(files(join(work, 'out-h-fresh')));

    // Every cell quoted and every line ending moved: the same cells, nothing to store. (The
    // line with a stray quote stays as it was: it is reported, not read.)
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const quoted = (line: string) =>
      line.includes('"')
        ? line
        : line
            .split(',')
            .map((c) => `"${c}"`)
            .join(',');
    writeFileSync(file, `${lines.map(quoted).join('\r\n')}\r\n`);
    const requoted = await sync(store, dir, 'out-h');
    expect(requoted.report.stats.unchanged).toEqual(ALL.filter((o) => o !== 'contact'));
    expect(requoted.report.stats.mirrorUpserts).toBe(0);
    expect(await liveMirror(store)).toEqual(await liveMirror(fresh));
    expect(files(join(work, 'out-h'))).toEqual(files(join(work, 'out-h-fresh')));
  });

  it('parses only the rows whose bytes moved in exports kept in one format', async () => {
    const store = await backend.open();
    const dir = folder();
    // The format an exporter keeps day after day (every cell quoted, CRLF), from the first day.
    editCsv(join(dir, 'accounts.csv'), (rows) => rows);
    editCsv(join(dir, 'deals.csv'), (rows) => rows);
    await sync(store, dir, 'out-t');
    // The next day: one account's seats and one deal's name edited, the rest as it was.
    const edit = (file: string, column: string, value: (v: string) => string) => {
      let id = '';
      editCsv(join(dir, file), ([header, ...rows]) => {
        const at = header!.indexOf(column);
        expect(at).toBeGreaterThanOrEqual(0);
        const row = [...rows[2]!];
        row[at] = value(row[at]!);
        id = row[0]!;
        return [header!, ...rows.slice(0, 2), row, ...rows.slice(3)];
      });
      return id;
    };
    const account = edit('accounts.csv', 'active_seats', (v) => String(Number(v || 0) + 1));
    const deal = edit('deals.csv', 'name', (v) => `${v}, phase 2`);
    // The files connector, counting the rows each pull parsed and those it handed on unread.
    const parsed = new Map<string, string[]>();
    const unread = new Map<string, number>();
    const { worker: _onThisThread, ...inner } = await createFilesConnector({
      connection: 'files',
      options: { source: dir },
    });
    const counting: Connector = {
      ...inner,
      async *pull(request: PullRequest, known?: KnownRows) {
        parsed.set(request.object, []);
        unread.set(request.object, 0);
        for await (const page of inner.pull(request, known)) {
          for (const r of page.records) {
            if (r.unread) unread.set(request.object, unread.get(request.object)! + 1);
            else parsed.get(request.object)!.push(r.id);
          }
          yield page;
        }
      },
    };
    const next = await sync(store, dir, 'out-t', { connector: counting });
    expect(next.report.stats.unchanged).toEqual(
      ALL.filter((o) => !['account', 'deal'].includes(o)),
    );
    expect(next.report.stats.mirrorUpserts).toBe(2);
    expect(parsed.get('accounts')).toEqual([account]);
    expect(parsed.get('deals')).toEqual([deal]);
    expect(unread.get('accounts')).toBeGreaterThan(50);
    expect(unread.get('deals')).toBeGreaterThan(50);

    const fresh = await backend.open();
    await sync(fresh, dir, 'out-t-fresh');
    expect(files(join(work, 'out-t'))).toEqual(files(join(work, 'out-t-fresh')));
    expect(await liveMirror(store)).toEqual(await liveMirror(fresh));
  });

  it('reads an export again when its mapping, the catalog or --full say so', async () => {
    const store = await backend.open();
    const dir = folder();
    await sync(store, dir, 'out-c');
    // The folder's catalog renames a module: accounts resolve their products against it.
    const catalogFile = join(dir, 'catalog.yaml');
    const catalog = readFileSync(catalogFile, 'utf8');
    const module = p.catalog.modules[0]!;
    expect(catalog).toContain(`name: ${module.name}`);
    writeFileSync(catalogFile, catalog.replace(`name: ${module.name}`, `name: ${module.name} Pro`));
    const renamed = await sync(store, dir, 'out-c');
    expect(renamed.report.stats.unchanged).toEqual(ALL.filter((o) => o !== 'account'));
    expect(renamed.report.unchangedSince).toBeUndefined();

    const full = await sync(store, dir, 'out-c', { full: true });
    expect(full.report.stats.unchanged).toEqual([]);
    expect(full.report.stats.mirrorUpserts).toBe(0);

    // Another mapping for deals (an extra field read) reads deals again.
    const mappingFile = join(work, `mapping-${n}.yaml`);
    const mapping = readFileSync('mappings/files.yaml', 'utf8');
    expect(mapping).toMatch(/\n {2}deal:\n/);
    expect(mapping).toContain('\n      stage: stage\n');
    writeFileSync(
      mappingFile,
      mapping.replace('\n      stage: stage\n', '\n      stage: { field: stage, default: open }\n'),
    );
    const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
    const connection = await resolveSyncConnection(
      { connector: 'files', source: dir, mapping: mappingFile },
      env,
    );
    expect(connection.mapping.objects.deal?.fields.stage).toEqual({
      field: 'stage',
      default: 'open',
    });
    const lines = memoryLog();
    const log = { ...lines, child: () => log };
    const remapped = await syncOnce({
      store,
      connection,
      env,
      log: log as unknown as Parameters<typeof syncOnce>[0]['log'],
      asOf: p.asOf,
      out: join(work, 'out-c'),
    });
    expect(remapped.report.stats.unchanged).toEqual(ALL.filter((o) => o !== 'deal'));
  });

  it('keeps the last results only while nothing they depend on moved', async () => {
    const store = await backend.open();
    const dir = folder();
    const out = join(work, 'out-d');
    const first = await sync(store, dir, 'out-d');
    const original = files(out);
    expect((await sync(store, dir, 'out-d')).report.unchangedSince).toBe(first.report.runId);

    // Another day: everything is scored again (timing moves with the date).
    const nextDay = await sync(store, dir, 'out-d', { asOf: '2026-12-02' });
    expect(nextDay.report.unchangedSince).toBeUndefined();
    expect(nextDay.written).toHaveLength(4);
    expect(nextDay.report.stats.unchanged).toEqual(ALL);
    const sameDay = await sync(store, dir, 'out-d', { asOf: '2026-12-02' });
    expect(sameDay.report.unchangedSince).toBe(nextDay.report.runId);

    // Back to the first date: the results are the first run's again, byte for byte.
    const back = await sync(store, dir, 'out-d');
    expect(back.report.unchangedSince).toBeUndefined();
    expect(files(out)).toEqual(original);

    // A person's decision on an opportunity: learning reads decisions, so the run analyzes.
    const [open] = await listOpportunities(store, { connection: 'files' });
    await setOpportunityStatus(store, 'files', open!.id, { status: 'dismissed', by: 'test' });
    const decided = await sync(store, dir, 'out-d');
    expect(decided.report.unchangedSince).toBeUndefined();
    expect((await sync(store, dir, 'out-d')).report.unchangedSince).toBe(decided.report.runId);

    // Output files that were touched are written again; another folder is written too.
    writeFileSync(join(out, 'accounts.json'), readFileSync(join(out, 'accounts.json')));
    const touched = await sync(store, dir, 'out-d');
    expect(touched.report.unchangedSince).toBeUndefined();
    expect(touched.written).toHaveLength(4);
    rmSync(join(out, 'issues.json'));
    const removed = await sync(store, dir, 'out-d');
    expect(removed.report.unchangedSince).toBeUndefined();
    expect(readdirSync(out).sort()).toEqual(Object.keys(original).sort());
    const elsewhere = await sync(store, dir, 'out-d2');
    expect(elsewhere.report.unchangedSince).toBeUndefined();
    expect(files(join(work, 'out-d2'))).toEqual(files(out));

    // Other scoring settings.
    const scoringFile = join(work, `scoring-${n}.yaml`);
    writeFileSync(scoringFile, 'tiers:\n  tier1: 9.5\n');
    const settings = await sync(store, dir, 'out-d', { env: { HEADROOM_SCORING: scoringFile } });
    expect(settings.report.unchangedSince).toBeUndefined();
  });

  it('analyzes again after a run the mass-change guard held', async () => {
    const store = await backend.open();
    const dir = folder();
    const out = join(work, 'out-e');
    await sync(store, dir, 'out-e');
    const original = files(out);
    const file = join(dir, 'accounts.csv');
    const text = readFileSync(file, 'utf8');
    // Most accounts gone, and the rest edited: the guard holds the run after the pull wrote
    // the edits to the mirror.
    editCsv(file, ([header, ...rows]) => {
      const arr = header!.indexOf('arr');
      return [header!, ...rows.slice(0, 9).map((r) => r.map((c, i) => (i === arr ? '1' : c)))];
    });
    const env = loadEnv({ ...process.env, LOG_LEVEL: 'warn' });
    const connection = await resolveSyncConnection({ connector: 'files', source: dir }, env);
    const lines2 = memoryLog();
    const log = { ...lines2, child: () => log };
    const held = await syncOnce({
      store,
      connection,
      env,
      log: log as unknown as Parameters<typeof syncOnce>[0]['log'],
      asOf: p.asOf,
      out,
    });
    expect(held.report.status).toBe('held');
    // The export as it was: read again (the held run's edits are in the mirror), and analyzed.
    writeFileSync(file, text);
    const after = await sync(store, dir, 'out-e');
    expect(after.report.stats.unchanged).not.toContain('account');
    expect(after.report.unchangedSince).toBeUndefined();
    expect(files(out)).toEqual(original);
  });
});
