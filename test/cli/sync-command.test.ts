/**
 * `headroom sync` as a user runs it: a child process on the real CLI entry, a folder of exports,
 * the exit code and the output files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountSummarySchema, IssueSchema, OpportunitySchema } from '../../src/model/output.js';

const root = mkdtempSync(join(tmpdir(), 'headroom-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function headroom(args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      HEADROOM_DATA_DIR: join(root, 'data'),
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
    },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const ACCOUNTS = [
  'account_id,name,owner_email,lifecycle,plan,arr,licensed_seats,active_seats,renewal_date,health_score',
  'A-1,Arbor Labs,dana@vendor.example,customer,professional,"$27,000",50,47,2027-06-30,82',
  ',No Id Inc,dana@vendor.example,customer,starter,"$9,000",10,9,2027-01-31,70',
  'A-3,Negative Seats Co,dana@vendor.example,customer,starter,12k,-5,3,03/01/2027,75',
  'A-4,Unreadable ARR Ltd,dana@vendor.example,customer,starter,ask finance,20,10,2027-02-01,90',
  'A-5,Fjord Health,dana@vendor.example,trial,starter,0,5,4,2027-03-01,60',
].join('\n');

describe('headroom sync --connector files', () => {
  const source = join(root, 'exports');
  const out = join(root, 'out');
  const setup = () => {
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'accounts.csv'), `\uFEFF${ACCOUNTS}\n`);
  };

  it('exits 0, puts the bad rows in issues.json with their row numbers and keeps every other account', () => {
    setup();
    const r = headroom([
      'sync',
      '--connector',
      'files',
      '--source',
      source,
      '--out',
      out,
      '--as-of',
      '2026-11-24',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const issues = JSON.parse(readFileSync(join(out, 'issues.json'), 'utf8')).map((i: unknown) =>
      IssueSchema.parse(i),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'accounts.csv',
          row: 3,
          field: 'account_id',
          skipped: true,
        }),
        expect.objectContaining({
          source: 'accounts.csv',
          row: 4,
          field: 'licensed_seats',
          value: -5,
          skipped: false,
        }),
        expect.objectContaining({
          source: 'accounts.csv',
          row: 5,
          field: 'arr',
          value: 'ask finance',
          skipped: true,
        }),
      ]),
    );
    const accounts = JSON.parse(readFileSync(join(out, 'accounts.json'), 'utf8')).map(
      (a: unknown) => AccountSummarySchema.parse(a),
    );
    expect(accounts.map((a: { name: string }) => a.name).sort()).toEqual([
      'Arbor Labs',
      'Fjord Health',
      'Negative Seats Co',
    ]);
    const opportunities = JSON.parse(readFileSync(join(out, 'opportunities.json'), 'utf8'));
    for (const o of opportunities) OpportunitySchema.parse(o);
    expect(
      opportunities.find((o: { accountName: string }) => o.accountName === 'Fjord Health')?.type,
    ).toBe('conversion');
    const playbook = readFileSync(join(out, 'expansion-playbook.md'), 'utf8');
    expect(playbook).toMatch(/^# Expansion Revenue Playbook/);
    expect(playbook).toContain('Accounts Analyzed: 3');
    expect(r.out).toContain('issues 3');
  });

  it('records the run: `headroom runs` lists it', () => {
    const r = headroom(['runs', '--json']);
    expect(r.code).toBe(0);
    const runs = JSON.parse(r.out);
    expect(runs[0]).toMatchObject({ connection: 'files', status: 'succeeded', asOf: '2026-11-24' });
  });

  it('exits 2 naming the bad key when the mapping is invalid, and writes nothing', () => {
    const mapping = join(root, 'bad.yaml');
    writeFileSync(
      mapping,
      readFileSync('mappings/files.yaml', 'utf8').replace(
        'arr: { field: arr, type: currency, required: true }',
        'arr: { field: arr, type: money }',
      ),
    );
    const badOut = join(root, 'bad-out');
    const r = headroom([
      'sync',
      '--connector',
      'files',
      '--source',
      source,
      '--out',
      badOut,
      '--mapping',
      mapping,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.yaml');
    expect(r.err).toContain('objects.account.fields.arr.type');
    expect(() => readFileSync(join(badOut, 'accounts.json'))).toThrow();
  });

  it('exits 2 on bad usage and 0 on --help', () => {
    expect(headroom(['sync', '--connector', 'files']).code).toBe(2);
    expect(
      headroom(['sync', '--as-of', 'yesterday', '--connector', 'files', '--source', source]).code,
    ).toBe(2);
    expect(headroom(['no-such-command']).code).toBe(2);
    const help = headroom(['sync', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--dry-run');
  });

  it('validate-mapping accepts the shipped mappings', () => {
    for (const f of ['files', 'salesforce', 'hubspot']) {
      const r = headroom(['validate-mapping', `mappings/${f}.yaml`]);
      expect(r.code, r.err).toBe(0);
    }
  });
});
