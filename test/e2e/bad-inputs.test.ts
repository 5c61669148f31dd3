/**
 * One table of bad values, planted in a small generated portfolio and read through every
 * connector: the files folder, the fake Salesforce org and the fake HubSpot portal (each in its
 * own wire format, rendered from the same rows). The same bad value gives the same issue (object,
 * reason, skipped) on every connector, and nothing else differs. Values a CRM's typed fields
 * cannot carry (`twelve` in a currency field) are files-only and tested in
 * test/connectors/files; these are the ones every source can hold.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Issue } from '../../src/model/output.js';
import { fakePortal, HS_BASE } from './fake-hubspot.js';
import { fakeOrg, SF_INSTANCE } from './fake-salesforce.js';
import { openHarness, type Harness } from './harness.js';
import { buildFacts, type Facts, type Row } from './portfolio.js';
import { renderHubspot } from './render-hubspot.js';
import { renderSalesforce } from './render-salesforce.js';

const HS_MAPPING = 'test/fixtures/e2e/hubspot-full.yaml';

/** [what, file, row index, column, bad value, the issue it must give (or none)]. */
const CASES: [string, keyof Omit<Facts, 'dir'>, number, string, string, RegExp | undefined][] = [
  ['negative licensed seats', 'accounts', 1, 'licensed_seats', '-5', /^seats\.licensed: .*0/],
  ['negative active seats', 'accounts', 2, 'active_seats', '-12', /^seats\.active: .*0/],
  ['negative ARR', 'accounts', 3, 'arr', '-1000', /^arr: .*0.*record skipped$/],
  ['negative usage value', 'usage', 4, 'value', '-3', /^value: .*0.*record skipped$/],
  ['negative department headcount', 'departments', 0, 'headcount', '-40', /^headcount: .*0/],
  [
    'a formula-looking name (kept as text)',
    'accounts',
    5,
    'name',
    '=HYPERLINK("http://x";"y")',
    undefined,
  ],
];

let facts: Facts;
let h: Harness;
const issuesBy = new Map<string, Issue[]>();
const namesBy = new Map<string, string[]>();

function writeCsv(file: string, rows: Row[]): void {
  writeFileSync(join(facts.dir, `${file}.csv`), stringify(rows, { header: true }));
}

beforeAll(async () => {
  nock.disableNetConnect();
  vi.stubEnv('SALESFORCE_INSTANCE_URL', SF_INSTANCE);
  vi.stubEnv('SALESFORCE_ACCESS_TOKEN', '00D-test-token');
  vi.stubEnv('HUBSPOT_BASE_URL', HS_BASE);
  vi.stubEnv('HUBSPOT_ACCESS_TOKEN', 'pat-na1-test-token');
  vi.stubEnv('HUBSPOT_RATE_LIMIT_PER_10S', '1000');
  vi.stubEnv('HUBSPOT_SEARCH_RATE_PER_SECOND', '100');
  facts = await buildFacts(16, 23);
  for (const [, file, index, column, value] of CASES) facts[file][index]![column] = value;
  for (const file of new Set(CASES.map((c) => c[1]))) writeCsv(file, facts[file]);
  const modified = Date.now() - 3 * 86_400_000;
  fakeOrg(renderSalesforce(facts, modified));
  fakePortal(renderHubspot(facts, modified));
  h = await openHarness();
  const runs = {
    files: () => h.sync({ connector: 'files', source: facts.dir }, { out: h.outDir('files') }),
    salesforce: () => h.sync({ connector: 'salesforce' }, { out: h.outDir('sf') }),
    hubspot: () =>
      h.sync(
        { connector: 'hubspot', connection: 'hubspot', mapping: HS_MAPPING },
        {
          out: h.outDir('hs'),
        },
      ),
  };
  for (const [name, run] of Object.entries(runs)) {
    const { report } = await run();
    expect(report.status, `${name}: ${report.error ?? ''}`).toBe('succeeded');
    issuesBy.set(name, report.issues);
    namesBy.set(name, report.analysis?.accounts.map((a) => a.name) ?? []);
  }
}, 120_000);
afterAll(async () => {
  await h?.close();
  if (facts) rmSync(facts.dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
  vi.unstubAllEnvs();
});

const shape = (issues: Issue[]) =>
  issues.map((i) => `${i.object} | ${i.reason} | ${i.skipped ? 'skipped' : 'kept'}`).sort();

describe.each(['files', 'salesforce', 'hubspot'])('bad values read through %s', (connector) => {
  it.each(CASES.filter((c) => c[5]).map((c) => [c[0], c[5]!] as const))(
    '%s is an issue',
    (_what, reason) => {
      const found = issuesBy.get(connector)!.filter((i) => reason.test(i.reason));
      expect(found, shape(issuesBy.get(connector)!).join('\n')).toHaveLength(1);
    },
  );

  it('keeps a formula-looking name as the text it is', () => {
    expect(namesBy.get(connector)).toContain('=HYPERLINK("http://x";"y")');
  });

  it('gives exactly the issues the files connector gives', () => {
    expect(shape(issuesBy.get(connector)!)).toEqual(shape(issuesBy.get('files')!));
  });
});
