/**
 * Types across the mapping: datetimes into date fields are their UTC day (a genuinely non-date
 * value is still refused); a declared type that cannot produce its neutral field's type refuses
 * the mapping at load, naming the key path; the top-level `scales` and `employeesPrior` keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapRecord } from '../../src/mapping/apply.js';
import { parseMappingText } from '../../src/mapping/load.js';
import { parseDate } from '../../src/mapping/transforms.js';
import { ConfigError } from '../../src/errors.js';

describe('parseDate: datetimes truncate to their UTC day', () => {
  it.each([
    ['2026-03-01T14:22:05.000+0000', '2026-03-01'], // Salesforce CreatedDate
    ['2026-03-01T14:22:05.123Z', '2026-03-01'], // HubSpot createdate
    ['2026-03-01T23:30:00-0500', '2026-03-02'], // 04:30 UTC the next day
    ['2026-03-01T23:30:00-05:00', '2026-03-02'],
    ['2026-03-02T01:15:00+02:00', '2026-03-01'], // 23:15 UTC the day before
    ['2026-03-01 14:22:05', '2026-03-01'], // no zone: UTC
    ['2026-03-01T00:00', '2026-03-01'],
    ['1772374925123', '2026-03-01'], // epoch milliseconds (HubSpot)
    [1772374925123, '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
  ])('%j -> %s', (raw, day) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: day });
  });

  it.each([
    'next Tuesday',
    '2026-13-01T00:00:00Z', // month 13
    '2026-02-30T10:00:00Z', // no such day
    '2026-03-01T25:00:00Z', // no such hour
    '2026-03-01T12:00:00+25', // not an offset
    'Q1 2026',
    'CreatedDate',
  ])('%j is still refused', (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });
});

const mapping = (fields: string, top = '') =>
  parseMappingText(
    `connector: salesforce
version: 1
${top}objects:
  account:
    from: Account
    fields:
      crmId: Id
      name: Name
      arr: { field: ARR__c, type: currency }
${fields}`,
    'mappings/org.yaml',
  );

const problemsOf = (fields: string, top = ''): { path: string; message: string }[] => {
  try {
    mapping(fields, top);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).message).toContain('mappings/org.yaml');
    return (e as ConfigError).problems;
  }
  throw new Error('mapping was accepted');
};

describe('a datetime source mapped into a date field', () => {
  it.each([
    ['{ field: CreatedDate, type: datetime }', '2026-03-01T23:30:00.000-0500', '2026-03-02'],
    ['CreatedDate', '2026-03-01T14:22:05.000+0000', '2026-03-01'],
    ['{ field: CreatedDate, type: date }', '1772374925123', '2026-03-01'],
  ])('contract.start: %s of %j is %s, with no issue', (spec, value, day) => {
    const m = mapping(`      contract.start: ${spec}\n`);
    const { record, issues } = mapRecord(
      'account',
      m.objects.account!,
      { id: '001A', fields: { Id: '001A', Name: 'Acme', ARR__c: 1000, CreatedDate: value } },
      { connection: 'sf' },
    );
    expect(issues).toEqual([]);
    expect(record?.contract?.start).toBe(day);
  });

  it('still refuses a value that is no date, keeping the record', () => {
    const m = mapping('      contract.start: { field: CreatedDate, type: datetime }\n');
    const { record, issues } = mapRecord(
      'account',
      m.objects.account!,
      { id: '001A', fields: { Id: '001A', Name: 'Acme', ARR__c: 1000, CreatedDate: 'soon' } },
      { connection: 'sf' },
    );
    expect(record?.crmId).toBe('001A');
    expect(record?.contract?.start).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ field: 'CreatedDate', value: 'soon', skipped: false }),
    ]);
  });
});

describe('declared types are checked against the neutral field', () => {
  it.each([
    [
      '      seats.licensed: { field: Seats__c, type: boolean }',
      'objects.account.fields.seats.licensed.type',
      'type "boolean" cannot produce seats.licensed, a integer field',
    ],
    [
      '      products: { field: Products__c, type: string }',
      'objects.account.fields.products.type',
      'type "string" cannot produce products, a list field (use list)',
    ],
    [
      '      industry: { field: Industry, type: integer }',
      'objects.account.fields.industry.type',
      'type "integer" cannot produce industry, a string field',
    ],
    [
      '      contract.renewal: { field: Renewal__c, type: number }',
      'objects.account.fields.contract.renewal.type',
      'a date field (use date, datetime',
    ],
    [
      '      lifecycle: { field: Type, type: boolean }',
      'objects.account.fields.lifecycle.type',
      'a enum field (use string, enum)',
    ],
  ])('%s is refused', (line, path, message) => {
    const problems = problemsOf(`${line}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(path);
    expect(problems[0]!.message).toContain(message);
  });

  it('refuses type: boolean into arr, naming the key path', () => {
    expect(() =>
      parseMappingText(
        'connector: files\nversion: 1\nobjects:\n  account:\n    from: accounts\n    fields:\n      crmId: id\n      arr: { field: arr, type: boolean }\n',
        'm.yaml',
      ),
    ).toThrow(
      /objects\.account\.fields\.arr\.type: type "boolean" cannot produce arr, a currency field/,
    );
  });

  it.each([
    '      seats.licensed: { field: Seats__c, type: number }',
    '      health.csat: { field: CSAT__c, type: percent }',
    '      contract.start: { field: CreatedDate, type: datetime }',
    '      domain: { field: Website, type: string }',
    '      lifecycle: { field: Type, type: enum, map: { Customer: customer } }',
    '      customFields.flag: { field: Flag__c, type: boolean }',
    '      health.score: Health__c',
  ])('%s is accepted', (line) => {
    expect(() => mapping(`${line}\n`)).not.toThrow();
  });

  it('accepts an enum into a boolean field only when its map yields booleans', () => {
    const dept = (spec: string) =>
      parseMappingText(
        `connector: files\nversion: 1\nobjects:\n  account: { from: accounts, fields: { crmId: id } }\n  department:\n    from: departments\n    fields:\n      accountId: account_id\n      name: department\n      usesProduct: ${spec}\n`,
        'm.yaml',
      );
    expect(() => dept('{ field: uses, type: enum, map: { Y: true, N: false } }')).not.toThrow();
    expect(() => dept('{ field: uses, type: enum, map: { Y: yes } }')).toThrow(
      /usesProduct\.type: type "enum" cannot produce usesProduct, a boolean field/,
    );
  });

  it('checks every shipped default mapping', () => {
    for (const file of ['files', 'salesforce', 'hubspot'])
      expect(() =>
        parseMappingText(readFileSync(`mappings/${file}.yaml`, 'utf8'), `${file}.yaml`),
      ).not.toThrow();
  });
});

describe('top-level scales and employeesPrior', () => {
  it('accepts exactly the declared scale names and values', () => {
    const m = mapping('', 'scales: { nps: response, csat: "1-5", healthScore: "0-10" }\n');
    expect(m.scales).toEqual({ nps: 'response', csat: '1-5', healthScore: '0-10' });
    expect(mapping('', 'scales: { nps: index }\n').scales).toEqual({ nps: 'index' });
  });

  it.each([
    ['scales: { nps: percent }\n', 'scales.nps'],
    ['scales: { csat: "1-10" }\n', 'scales.csat'],
    ['scales: { health: "0-10" }\n', 'scales'],
    ['employeesPrior: { periodMonths: 0 }\n', 'employeesPrior.periodMonths'],
    ['employeesPrior: { months: 12 }\n', 'employeesPrior'],
  ])('%j is refused at %s', (top, path) => {
    expect(problemsOf('', top).map((p) => p.path)).toContain(path);
  });
});
