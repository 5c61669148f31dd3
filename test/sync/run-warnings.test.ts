/**
 * A run whose picture is implausible says so: most accounts red, or many records (or one field's
 * values) refused. Table-driven on the pure check, then end to end on a small portfolio built
 * here (its own catalog, not the demo's) through the files connector, the real scoring pipeline
 * and the run record `headroom runs` reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesConnector } from '../../connectors/files/index.js';
import { formatRun } from '../../src/cli/runs.js';
import { loadMapping } from '../../src/mapping/load.js';
import { CatalogSchema } from '../../src/model/catalog.js';
import type { Issue } from '../../src/model/output.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { DEFAULT_SETTINGS } from '../../src/scoring/index.js';
import type { Store } from '../../src/store/db.js';
import { listRuns } from '../../src/store/runs.js';
import { runSync } from '../../src/sync/run-sync.js';
import { DEFAULT_WARN_THRESHOLDS, runWarnings } from '../../src/sync/run-warnings.js';
import { backends } from '../store/backends.js';
import { memoryLog } from './fixtures.js';

const issue = (object: string, recordId: string, reason: string, skipped = false): Issue => ({
  source: 'accounts.csv',
  object,
  recordId,
  reason,
  skipped,
});
const healths = (red: number, other: number) => [
  ...Array.from({ length: red }, () => ({ health: 'red' as const })),
  ...Array.from({ length: other }, () => ({ health: 'green' as const })),
];
const ids = (n: number) => Array.from({ length: n }, (_, i) => `R${i}`);

describe('runWarnings', () => {
  it.each([
    { what: '61% red', accounts: healths(61, 39), kinds: ['red_share'] },
    { what: '60% red (at the line)', accounts: healths(60, 40), kinds: [] },
    { what: 'no accounts', accounts: [], kinds: [] },
  ])('$what -> $kinds', ({ accounts, kinds }) => {
    const w = runWarnings({ pulled: { account: accounts.length }, issues: [], accounts });
    expect(w.map((x) => x.kind)).toEqual(kinds);
  });

  it.each([
    { what: '21 of 100 skipped', skipped: 21, pulled: 100, kinds: ['records_refused'] },
    { what: '20 of 100 skipped', skipped: 20, pulled: 100, kinds: [] },
    { what: '5 of 10 skipped: too few records to judge', skipped: 5, pulled: 10, kinds: [] },
  ])('$what -> $kinds', ({ skipped, pulled, kinds }) => {
    const issues = ids(skipped).map((id) =>
      issue('deal', id, 'amount is required: blank; record skipped', true),
    );
    expect(runWarnings({ pulled: { deal: pulled }, issues }).map((x) => x.kind)).toEqual(kinds);
  });

  it('counts a field refused on many records once per record, names it and its reason', () => {
    const issues = ids(30).flatMap((id) => [
      issue(
        'account',
        id,
        `plan: "Gold ${id}" is not a tier of the catalog (its tiers are a, b); plan left empty`,
      ),
      issue(
        'account',
        id,
        `products: "x" is not a module of the catalog (its modules are m); dropped from products`,
      ),
      issue(
        'account',
        id,
        `products: "y" is not a module of the catalog (its modules are m); dropped from products`,
      ),
    ]);
    const w = runWarnings({ pulled: { account: 40 }, issues });
    expect(w).toEqual([
      expect.objectContaining({ kind: 'field_refused', field: 'plan', share: 0.75 }),
      expect.objectContaining({ kind: 'field_refused', field: 'products', share: 0.75 }),
    ]);
    expect(w[0]!.message).toBe(
      'account.plan: 75% of 40 values refused (warning above 20%), e.g. plan: "…" is not a tier of the catalog (its tiers are a, b); plan left empty',
    );
  });

  it('uses the thresholds it is given', () => {
    const t = { ...DEFAULT_WARN_THRESHOLDS, redShare: 0.9 };
    expect(runWarnings({ pulled: {}, issues: [], accounts: healths(8, 2), thresholds: t })).toEqual(
      [],
    );
  });
});

const CATALOG = CatalogSchema.parse({
  tiers: [
    { key: 'basic', name: 'Basic', seatPrice: 200 },
    { key: 'scale', name: 'Scale', seatPrice: 500 },
  ],
  modules: [{ key: 'vault', name: 'Data Vault', price: { flat: 4000 } }],
});
const HEADER =
  'account_id,name,plan,arr,licensed_seats,active_seats,health_score,last_qbr_date,last_qbr_outcome';

/** n accounts; the first `red` at a health score far under any red line with a negative QBR. */
function folder(n: number, red: number, plan: (i: number) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-warn-'));
  const rows = Array.from({ length: n }, (_, i) =>
    i < red
      ? `W${i},Wren ${i},${plan(i)},30000,40,20,12,2026-02-01,negative`
      : `W${i},Wren ${i},${plan(i)},30000,40,30,85,2026-02-01,positive`,
  );
  writeFileSync(join(dir, 'accounts.csv'), [HEADER, ...rows].join('\n'));
  return dir;
}

describe.each(backends())('sync warnings on $name', (backend) => {
  let store: Store;
  const dirs: string[] = [];
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await backend.cleanup();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function sync(name: string, dir: string) {
    dirs.push(dir);
    const log = memoryLog();
    const report = await runSync({
      store,
      connection: {
        name,
        connector: 'files',
        mappingFile: 'mappings/files.yaml',
        mapping: loadMapping('mappings/files.yaml'),
        writeBack: false,
        options: { source: dir },
      },
      connector: await createFilesConnector({ connection: name, options: { source: dir } }),
      analyze: (p, asOf) => analyze(p, asOf, { catalog: CATALOG, settings: DEFAULT_SETTINGS }),
      asOf: '2026-03-02',
      log,
      catalog: CATALOG,
    });
    return { report, log };
  }

  it('warns in the log and the run record when most accounts are red and every plan is refused', async () => {
    const { report, log } = await sync(
      'warn1',
      folder(25, 20, () => 'Platinum'),
    );
    expect(report.status).toBe('succeeded');
    const kinds = report.stats.warnings.map((w) => [w.kind, w.field]);
    expect(kinds).toEqual([
      ['red_share', undefined],
      ['field_refused', 'plan'],
    ]);
    expect(report.stats.warnings[0]!.message).toMatch(/^80% of 25 accounts are red/);
    expect(report.stats.warnings[1]!.message).toMatch(/^account\.plan: 100% of 25 values refused/);
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(
      report.stats.warnings.map((w) => w.message),
    );
    const [run] = await listRuns(store, { connection: 'warn1' });
    expect(run!.stats.warnings).toEqual(report.stats.warnings);
    expect(formatRun(run!)).toContain('warning: 80% of 25 accounts are red');
  });

  it('stays quiet on a healthy portfolio whose plans the catalog knows', async () => {
    const { report, log } = await sync(
      'warn2',
      folder(25, 2, (i) => (i % 2 ? 'BASIC' : 'Scale plan')),
    );
    expect(report.stats.warnings).toEqual([]);
    expect(report.issues).toEqual([]);
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });
});
