/**
 * The shared check: what the files connector pulls, mapped by the default `mappings/files.yaml`,
 * gives valid neutral records, and dirty cells become issues naming file, row, column and value.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapRecords, type MapResult } from '../../../src/mapping/apply.js';
import { checkSourceFields, loadMapping } from '../../../src/mapping/load.js';
import type { Mapping } from '../../../src/mapping/schema.js';
import { NEUTRAL_OBJECTS, type NeutralObject } from '../../../src/model/records.js';
import type { Connector } from '../../../connectors/types.js';
import { loadCatalog } from '../../../src/config/catalog.js';
import { catalogRefIndex } from '../../../src/mapping/catalog-refs.js';
import { connect, fixture, pages } from './helpers.js';

const catalog = catalogRefIndex(loadCatalog('config/catalog.yaml'));
const mappingFile = fileURLToPath(new URL('../../../mappings/files.yaml', import.meta.url));

async function mapObject<O extends NeutralObject>(
  conn: Connector,
  mapping: Mapping,
  object: O,
): Promise<MapResult<O>> {
  const spec = mapping.objects[object]!;
  const out: MapResult<O> = { records: [], issues: [] };
  for (const page of await pages(conn, spec.from)) {
    const r = mapRecords(object, spec, page.records, {
      catalog, // plans and products resolved against the active catalog, as a sync does
      connection: 'files',
      ...(page.source ? { source: page.source } : {}),
    });
    out.records.push(...r.records);
    out.issues.push(...r.issues);
  }
  return out;
}

describe('files connector + mappings/files.yaml', () => {
  let conn: Connector;
  let mapping: Mapping;
  beforeAll(async () => {
    conn = await connect(fixture('dirty'));
    mapping = loadMapping(mappingFile);
  });

  it('cleans dirty account cells into valid neutral accounts', async () => {
    const { records } = await mapObject(conn, mapping, 'account');
    const acme = records.find((a) => a.crmId === 'A-1')!;
    expect(acme).toMatchObject({
      id: 'files:A-1',
      name: 'Acme, Inc.',
      arr: 12000, // "$12,000"
      employees: 1200, // "1.2k"
      products: ['insight_studio', 'connect_hub'],
      seats: { licensed: 40, active: 34 },
      contract: { start: '2025-01-01', renewal: '2026-03-01', termMonths: 12 }, // Excel serial, US date
      health: { csat: 85, ticketThemes: ['reporting export', 'sso'] }, // "85%"
    });
    const multi = records.find((a) => a.crmId === 'A-6')!;
    expect(multi).toMatchObject({
      arr: 1_200_000,
      health: { csat: 90, lastQbr: { date: '2026-03-01', outcome: 'positive' } },
    });
    expect(multi.employeesPrior).toEqual({ count: 4200, asOf: '2025-11-24' });
    const trial = records.find((a) => a.crmId === 'A-2')!;
    expect(trial).toMatchObject({ lifecycle: 'trial', plan: 'professional', arr: 0 });
    expect(trial.domain).toBeUndefined(); // blank stays absent, not ""
    expect(trial.seats).toBeUndefined();
  });

  it('reports bad account rows with file, row, column, value and reason', async () => {
    const { records, issues } = await mapObject(conn, mapping, 'account');
    expect(records.map((a) => a.crmId)).toEqual(['A-1', 'A-2', 'A-4', 'A-6']);
    expect(issues).toEqual([
      expect.objectContaining({
        source: 'accounts.csv',
        object: 'account',
        recordId: 'accounts-4',
        row: 4,
        field: 'account_id',
        skipped: true,
      }),
      expect.objectContaining({
        source: 'accounts.csv',
        recordId: 'A-4',
        row: 5,
        field: 'licensed_seats',
        value: -5,
        skipped: false,
      }),
      expect.objectContaining({
        source: 'accounts.csv',
        recordId: 'A-5',
        row: 6,
        field: 'arr',
        value: 'call finance',
        skipped: true,
      }),
    ]);
    expect(issues[2]!.reason).toMatch(/not a number/);
    expect(records.find((a) => a.crmId === 'A-4')!.seats).toBeUndefined(); // negative seats dropped, account kept
  });

  it('maps contacts, skipping the one without an id', async () => {
    const { records, issues } = await mapObject(conn, mapping, 'contact');
    expect(records.map((c) => c.id)).toEqual(['files:C-1', 'files:C-3']);
    expect(records[0]).toMatchObject({
      accountId: 'files:A-1',
      roles: ['champion', 'economic_buyer'],
      status: 'left',
      leftAt: '2026-09-30',
      movedTo: { company: 'Northwind Labs', title: 'CFO' },
      createdAt: '2025-01-01',
    });
    expect(records[1]!.roles).toEqual(['exec_sponsor', 'decision_maker']);
    expect(issues).toEqual([
      expect.objectContaining({
        source: 'contacts.csv',
        recordId: 'contacts-3',
        row: 3,
        field: 'contact_id',
        skipped: true,
      }),
    ]);
  });

  it('maps deals with Yes/No flags, currency and date formats', async () => {
    const { records, issues } = await mapObject(conn, mapping, 'deal');
    expect(issues).toEqual([]);
    expect(records.map((d) => [d.kind, d.amount, d.closeDate, d.closed, d.won])).toEqual([
      ['new', 12000, '2025-01-01', true, true],
      ['expansion', 1200, '2026-03-01', true, false],
      ['renewal', 1_200_000, '2026-12-31', false, false],
    ]);
  });

  it('maps usage, departments (semicolon CSV) and signals (TSV)', async () => {
    const usage = await mapObject(conn, mapping, 'usage');
    expect(usage.records.map((u) => [u.date, u.value])).toEqual([
      ['2026-11-17', 33],
      ['2026-11-24', 34],
      ['2026-11-24', 1200],
    ]);
    expect(usage.issues).toEqual([
      expect.objectContaining({
        source: 'usage.csv',
        recordId: 'usage-5',
        row: 5,
        field: 'value',
        skipped: true,
      }),
    ]);
    const depts = await mapObject(conn, mapping, 'department');
    expect(depts.records).toEqual([
      { accountId: 'files:A-1', name: 'Finance', headcount: 1200, usesProduct: true, seats: 30 },
      { accountId: 'files:A-1', name: 'Sales', headcount: 80, usesProduct: false },
    ]);
    const signals = await mapObject(conn, mapping, 'signal');
    expect(signals.records.map((s) => [s.kind, s.date, s.value ?? null])).toEqual([
      ['funding', '2026-10-02', 40_000_000],
      ['workaround', '2025-10-20', null], // Excel serial 45950,
    ]);
  });

  it('passes the mapping check against the described headers', async () => {
    const described = new Map<string, Awaited<ReturnType<NonNullable<Connector['describe']>>>>();
    for (const object of NEUTRAL_OBJECTS) {
      const from = mapping.objects[object]!.from;
      described.set(from, await conn.describe!(from));
    }
    expect(() => checkSourceFields(mapping, described, mappingFile)).not.toThrow();
    described.set('accounts', [{ name: 'account_id', label: 'account_id', type: 'string' }]);
    expect(() => checkSourceFields(mapping, described, mappingFile)).toThrow(
      /accounts has no field "name"/,
    );
  });
});
