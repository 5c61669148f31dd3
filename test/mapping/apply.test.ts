import { describe, expect, it } from 'vitest';
import { mapRecords, sourceAssociations, sourceFields } from '../../src/mapping/apply.js';
import { loadMapping, parseMappingText } from '../../src/mapping/load.js';
import type { RawRecord } from '../../connectors/types.js';
import { loadCatalog } from '../../src/config/catalog.js';
import { catalogRefIndex } from '../../src/mapping/catalog-refs.js';

const files = loadMapping('mappings/files.yaml');
// Plans and products are resolved against the active catalog, as a sync does.
const ctx = {
  connection: 'files',
  source: 'accounts.csv',
  catalog: catalogRefIndex(loadCatalog('config/catalog.yaml')),
};
const row = (n: number, fields: Record<string, unknown>): RawRecord => ({
  id: String(fields.account_id ?? `r${n}`),
  row: n,
  fields,
});

describe('mapRecords with the default files mapping', () => {
  const { records, issues } = mapRecords(
    'account',
    files.objects.account!,
    [
      row(2, {
        account_id: 'A-1',
        name: 'Arbor Labs',
        arr: '$120,000',
        licensed_seats: '50',
        active_seats: '47',
        renewal_date: '03/01/2027',
        csat: '85%',
        features_used: 'dashboards; workflows',
        products: 'insight_studio',
        lifecycle: 'Paying',
        plan: 'Pro',
        owner_name: 'Dana Cole',
        owner_email: 'dana@vendor.example',
        last_qbr_date: '46082',
        last_qbr_outcome: 'Good',
      }),
      row(3, { account_id: '', name: 'No Id Inc', arr: '1.2M' }),
      row(4, {
        account_id: 'A-3',
        name: 'Negative Seats',
        arr: '12k',
        licensed_seats: '-5',
        active_seats: '3',
      }),
      row(5, { account_id: 'A-4', name: 'Bad ARR', arr: 'call me' }),
      row(6, {
        account_id: 'A-5',
        name: 'Odd Lifecycle',
        arr: '9000',
        lifecycle: 'Partner',
        employees: 'many',
      }),
    ],
    ctx,
  );

  it('maps a clean row into the neutral model with ids prefixed by the connection', () => {
    expect(records[0]).toMatchObject({
      id: 'files:A-1',
      crmId: 'A-1',
      source: 'files',
      name: 'Arbor Labs',
      arr: 120000,
      seats: { licensed: 50, active: 47 },
      contract: { renewal: '2027-03-01' },
      health: { csat: 85, lastQbr: { date: '2026-03-01', outcome: 'positive' } },
      featuresUsed: ['dashboards', 'workflows'],
      products: ['insight_studio'],
      lifecycle: 'customer',
      plan: 'professional',
      owner: { id: 'dana@vendor.example', name: 'Dana Cole' },
    });
  });

  it('skips a row without an id and one with unreadable ARR, naming row, column and value', () => {
    expect(records.map((r) => r.crmId)).toEqual(['A-1', 'A-3', 'A-5']);
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 3, field: 'account_id', skipped: true }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        row: 5,
        recordId: 'A-4',
        field: 'arr',
        value: 'call me',
        skipped: true,
        source: 'accounts.csv',
      }),
    );
  });

  it('keeps the rest of a record whose seats are negative', () => {
    const acct = records.find((r) => r.crmId === 'A-3');
    expect(acct).toMatchObject({ arr: 12000 });
    expect(acct?.seats).toBeUndefined();
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 4, field: 'licensed_seats', value: -5, skipped: false }),
    );
  });

  it('reports an unknown enum value and an unreadable number without dropping the record', () => {
    const acct = records.find((r) => r.crmId === 'A-5');
    expect(acct).toMatchObject({ lifecycle: 'customer' });
    expect(acct?.employees).toBeUndefined();
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 6, field: 'lifecycle', value: 'Partner', skipped: false }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 6, field: 'employees', value: 'many', skipped: false }),
    );
  });

  it('never turns a bad value into a silent zero', () => {
    for (const r of records) expect(r.arr).toBeGreaterThan(0);
  });
});

describe('related objects', () => {
  it('prefixes account ids on contacts and applies list maps to roles', () => {
    const { records } = mapRecords(
      'contact',
      files.objects.contact!,
      [
        {
          id: 'C-1',
          row: 2,
          fields: {
            contact_id: 'C-1',
            account_id: 'A-1',
            name: 'Ana',
            roles: 'Champion; Economic Buyer',
            status: 'Departed',
            left_date: '2026-10-01',
            new_company: 'Fjord Health',
          },
        },
      ],
      { connection: 'files', source: 'contacts.csv' },
    );
    expect(records[0]).toMatchObject({
      id: 'files:C-1',
      accountId: 'files:A-1',
      roles: ['champion', 'economic_buyer'],
      status: 'left',
      leftAt: '2026-10-01',
      movedTo: { company: 'Fjord Health' },
    });
  });

  it('reads relationship paths, coalesced fields and associations (CRM mappings)', () => {
    const mapping = parseMappingText(
      `connector: hubspot
version: 1
objects:
  account: { from: companies, fields: { crmId: hs_object_id, name: name, arr: annualrevenue } }
  contact:
    from: contacts
    fields:
      accountId: { association: companies }
      name: { field: [fullname, email] }
      title: Owner.Title
`,
      'inline.yaml',
    );
    const { records, issues } = mapRecords(
      'contact',
      mapping.objects.contact!,
      [
        {
          id: '901',
          fields: { fullname: '', email: 'x@y.example', Owner: { Title: 'VP Ops' } },
          associations: { companies: ['77'] },
        },
      ],
      { connection: 'hs' },
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 'hs:901',
      accountId: 'hs:77',
      name: 'x@y.example',
      title: 'VP Ops',
    });
    expect(sourceFields(mapping.objects.contact!)).toEqual(['fullname', 'email', 'Owner.Title']);
    expect(sourceAssociations(mapping.objects.contact!)).toEqual(['companies']);
  });
});

describe('joined fields', () => {
  const mapping = parseMappingText(
    `connector: hubspot
version: 1
objects:
  account: { from: companies, fields: { crmId: hs_object_id, name: name, arr: annualrevenue } }
  contact:
    from: contacts
    fields:
      accountId: { association: companies }
      name: { field: [[firstname, lastname], email], required: true }
`,
    'inline.yaml',
  );
  const contact = (fields: Record<string, unknown>) =>
    mapRecords(
      'contact',
      mapping.objects.contact!,
      [{ id: '1', fields, associations: { companies: ['9'] } }],
      {
        connection: 'hs',
      },
    );

  it('joins first and last name with a space', () => {
    expect(
      contact({ firstname: ' Rosa ', lastname: 'Quintero', email: 'r@q.example' }).records[0]?.name,
    ).toBe('Rosa Quintero');
  });
  it('uses the parts that are there, then the next alternative', () => {
    expect(contact({ firstname: '', lastname: 'Quintero' }).records[0]?.name).toBe('Quintero');
    expect(contact({ firstname: null, lastname: '', email: 'r@q.example' }).records[0]?.name).toBe(
      'r@q.example',
    );
  });
  it('reports a record with none of them, naming every source field', () => {
    const r = contact({});
    expect(r.records).toEqual([]);
    expect(r.issues[0]).toMatchObject({ field: 'firstname+lastname', skipped: true });
    expect(sourceFields(mapping.objects.contact!)).toEqual(['firstname', 'lastname', 'email']);
  });
});
