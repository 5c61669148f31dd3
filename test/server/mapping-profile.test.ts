/**
 * The console's mapping preview carries the mapping's profile on the connection's real records,
 * and the runs pages show a run's warnings: what an ops admin must see before saving a mapping
 * or acting on a run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/env.js';
import { loadMapping } from '../../src/mapping/load.js';
import { buildServerDeps } from '../../src/runtime/server-deps.js';
import { mappingEditorPage } from '../../src/server/views/mappings.js';
import { runPage, runsPage } from '../../src/server/views/runs.js';
import type { Store } from '../../src/store/db.js';
import { openStore } from '../../src/store/open.js';
import type { RunRow } from '../../src/store/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'headroom-preview-'));
let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  writeFileSync(
    join(dir, 'catalog.yaml'),
    'tiers:\n  - { key: solo, name: Solo, seatPrice: 90 }\n  - { key: fleet, name: Fleet, seatPrice: 300 }\n',
  );
  const rows = Array.from(
    { length: 30 },
    (_, i) =>
      `P${i},Petrel ${i},Diamond,24000,20,15,${i < 25 ? 10 : 90},2026-02-01,${i < 25 ? 'negative' : 'positive'}`,
  );
  writeFileSync(
    join(dir, 'accounts.csv'),
    [
      'account_id,name,plan,arr,licensed_seats,active_seats,health_score,last_qbr_date,last_qbr_outcome',
      ...rows,
    ].join('\n'),
  );
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mapping preview with a profile', () => {
  it('profiles the submitted mapping on the connection: plan refused everywhere, most accounts red', async () => {
    const deps = buildServerDeps({
      store,
      env: loadEnv({}),
      log: pino({ level: 'silent' }),
      asOfFor: () => '2026-03-02',
      connections: [
        {
          name: 'exports',
          connector: 'files',
          mappingFile: 'mappings/files.yaml',
          mapping: loadMapping('mappings/files.yaml'),
          writeBack: false,
          options: { source: dir },
        },
      ],
    });
    const text = readFileSync('mappings/files.yaml', 'utf8');
    const preview = await deps.previewMapping('exports', text, 3);
    expect(preview.records.account).toHaveLength(3);
    const plan = preview.profile!.objects[0]!.fields.find((f) => f.field === 'plan')!;
    expect(plan).toMatchObject({ refused: 30, refusedRate: 1 });
    expect(preview.profile!.health.red).toBe(25);
    expect(preview.profile!.warnings.map((w) => w.kind)).toEqual(['red_share', 'field_refused']);

    const page = mappingEditorPage({
      connection: { name: 'exports', connector: 'files' },
      text,
      n: 3,
      preview,
    }).toString();
    expect(page).toContain('<section id="profile">');
    expect(page).toContain(
      '100% refused (30): plan: &quot;…&quot; is not a tier of the catalog (its tiers are solo, fleet)',
    );
    expect(page).toContain('<strong>83% red</strong> of 30 accounts');
    expect(page).toContain('83% of 30 accounts are red (warning above 60%)');
  });
});

describe('runs pages', () => {
  const run: RunRow = {
    id: 7,
    connection: 'exports',
    connector: 'files',
    status: 'succeeded',
    dryRun: false,
    asOf: '2026-03-02',
    startedAt: '2026-03-02T08:00:00.000Z',
    stats: {
      pulled: 30,
      warnings: [
        { kind: 'red_share', message: '83% of 30 accounts are red', share: 0.83, threshold: 0.6 },
      ],
    },
  };

  it("show a run's warnings in the list and on its page", () => {
    expect(runsPage([run], []).toString()).toContain('warning: 83% of 30 accounts are red');
    expect(runPage(run, { total: 0, issues: [] }).toString()).toContain(
      'warning: 83% of 30 accounts are red',
    );
    expect(runsPage([{ ...run, stats: { pulled: 30 } }], []).toString()).not.toContain('warning:');
  });
});
