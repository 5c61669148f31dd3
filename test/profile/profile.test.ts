/**
 * `headroom profile` on a small portfolio built here, with its own catalog (other tier and module
 * keys than the demo's): the figures an ops admin reads before a first sync, computed from the
 * records the mapping really produced and from the real scoring core.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFilesConnector } from '../../connectors/files/index.js';
import { loadEnv } from '../../src/env.js';
import { loadMapping, parseMappingText } from '../../src/mapping/load.js';
import { renderProfile } from '../../src/profile/render.js';
import { profileConnection } from '../../src/runtime/profile-connection.js';
import type { Profile } from '../../src/profile/profile.js';

const root = mkdtempSync(join(tmpdir(), 'headroom-profile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CATALOG = `currency: EUR
tiers:
  - { key: spark, name: Spark, seatPrice: 150 }
  - { key: blaze, name: Blaze Plan, seatPrice: 420 }
modules:
  - { key: ledger, name: Ledger Sync, price: { flat: 6000 } }
`;
const HEADER =
  'account_id,name,plan,products,arr,licensed_seats,active_seats,health_score,nps,renewal_date,last_qbr_date,last_qbr_outcome';

/** 10 accounts with plans as a CRM holds them, one unknown module, 3 red ones and, when asked,
 * an unreadable ARR on the last (the record is skipped). */
function portfolio(plan: (i: number) => string, badArr = false): string {
  const dir = mkdtempSync(join(root, 'src-'));
  writeFileSync(join(dir, 'catalog.yaml'), CATALOG);
  const rows = Array.from({ length: 10 }, (_, i) => {
    const red = i < 3;
    const products = i === 4 ? 'Ledger Sync;Quantum Pack' : i % 2 ? 'ledger' : '';
    return [
      `K-${i}`,
      `Kite ${i}`,
      plan(i),
      products,
      badArr && i === 9 ? 'n/a' : `"€${(i + 1) * 10},000"`,
      40,
      red ? 12 : 30,
      red ? 15 : 70 + i,
      red ? -60 : 30 + i,
      '2027-06-30',
      '2026-02-01',
      red ? 'negative' : 'positive',
    ].join(',');
  });
  writeFileSync(join(dir, 'accounts.csv'), [HEADER, ...rows].join('\n'));
  return dir;
}

async function profileOf(dir: string, mappingText?: string): Promise<Profile> {
  const mapping = mappingText
    ? parseMappingText(mappingText, 'own.yaml')
    : loadMapping('mappings/files.yaml');
  return profileConnection({
    connection: {
      name: 'own',
      connector: 'files',
      mappingFile: 'own.yaml',
      mapping,
      writeBack: false,
      options: { source: dir },
    },
    connector: await createFilesConnector({ connection: 'own', options: { source: dir } }),
    env: loadEnv({}),
    asOf: '2026-03-02',
  });
}

const field = (p: Profile, object: string, name: string) =>
  p.objects.find((o) => o.object === object)!.fields.find((f) => f.field === name)!;

describe('profile of a portfolio the demo never saw', () => {
  const plans = [
    'SPARK',
    'Blaze Plan',
    'blaze',
    'spark',
    'Spark Plan',
    'Blaze',
    'Titanium',
    'spark',
    'blaze',
    'Spark',
  ];

  it('counts pulled, mapped and skipped records and the fill of each field', async () => {
    const p = await profileOf(portfolio((i) => plans[i]!, true));
    const account = p.objects.find((o) => o.object === 'account')!;
    expect(account).toMatchObject({ from: 'accounts', pulled: 10, mapped: 9, skipped: 1 });
    expect(p.catalogFile).toMatch(/src-.*catalog\.yaml$/);
    expect(field(p, 'account', 'arr')).toMatchObject({
      filled: 9,
      refused: 1,
      range: { min: 10000, median: 50000, max: 90000 },
    });
    expect(field(p, 'account', 'arr').reasons[0]!.reason).toContain('arr is required');
    expect(field(p, 'account', 'contract.renewal').dates).toEqual({
      min: '2027-06-30',
      max: '2027-06-30',
    });
    expect(field(p, 'account', 'domain')).toMatchObject({ filled: 0, fillRate: 0 });
  });

  it('shows plans normalized to the catalog keys and names the one it refused', async () => {
    const p = await profileOf(portfolio((i) => plans[i]!));
    const plan = field(p, 'account', 'plan');
    expect(plan.values).toEqual([
      { value: 'spark', count: 5 },
      { value: 'blaze', count: 4 },
    ]);
    expect(plan).toMatchObject({ refused: 1, refusedValues: [{ value: 'Titanium', count: 1 }] });
    expect(plan.reasons[0]!.reason).toContain(
      'is not a tier of the catalog (its tiers are spark, blaze)',
    );
    expect(field(p, 'account', 'products')).toMatchObject({
      values: [{ value: 'ledger', count: 6 }], // five 'ledger' cells and one 'Ledger Sync'
      refused: 1,
      refusedValues: [{ value: 'Quantum Pack', count: 1 }],
    });
  });

  it('reports the health lights and best tiers the scoring core gives these accounts', async () => {
    const p = await profileOf(portfolio((i) => plans[i]!));
    expect(p.health.red).toBe(3);
    expect(p.health.green + p.health.yellow + p.health.red).toBe(10);
    const tiers = Object.values(p.tiers).reduce((a, b) => a + b, 0);
    expect(tiers).toBe(10);
  });

  it('makes "plan: 100% refused" and "most accounts red" visible before a sync', async () => {
    const p = await profileOf(portfolio(() => 'Gold'));
    expect(field(p, 'account', 'plan')).toMatchObject({ filled: 0, refused: 10, refusedRate: 1 });
    const text = renderProfile(p);
    expect(text).toMatch(
      /\n {2}plan +0% +— +100% refused \(10\): plan: "…" is not a tier of the catalog/,
    );
    expect(text).toContain('health: ');
    expect(text).toContain('30% red (3) of 10 accounts');
  });

  it('shows the scales the mapping declares', async () => {
    const text = `${loadMappingText()}scales: { nps: index }\n`;
    const p = await profileOf(
      portfolio((i) => plans[i]!),
      text,
    );
    expect(p.scales.declared).toEqual({ nps: 'index' });
    expect(p.scales.effective).toMatchObject({ nps: 'index' });
    expect(renderProfile(p)).toContain('scales: nps index (declared by the mapping)');
  });
});

const loadMappingText = (): string => readFileSync('mappings/files.yaml', 'utf8');

describe('headroom profile (the command)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'profile', ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        HEADROOM_DATA_DIR: join(root, 'data'),
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
      },
    });

  // A child process on the real CLI entry: slow on a loaded machine.
  it('prints JSON with --json and exits 0', { timeout: 120_000 }, () => {
    const dir = portfolio(() => 'Gold');
    const r = run(['--connector', 'files', '--source', dir, '--as-of', '2026-03-02', '--json']);
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout) as Profile;
    expect(p.warnings.map((w) => w.kind)).toEqual([]); // 10 records: under the 20 needed to judge
    expect(p.objects[0]!.fields.find((f) => f.field === 'plan')!.refusedRate).toBe(1);
  });

  it(
    'exits 2 naming the key of a mapping whose declared type cannot fill its field',
    { timeout: 120_000 },
    () => {
      const bad = join(root, 'bad.yaml');
      writeFileSync(
        bad,
        loadMappingText().replace(
          'arr: { field: arr, type: currency',
          'arr: { field: arr, type: boolean',
        ),
      );
      const r = run([
        '--connector',
        'files',
        '--source',
        portfolio(() => 'spark'),
        '--mapping',
        bad,
      ]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('objects.account.fields.arr.type');
    },
  );
});
