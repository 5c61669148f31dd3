import { describe, expect, it } from 'vitest';
import { checkSourceFields, loadMapping, parseMappingText } from '../../src/mapping/load.js';
import { ConfigError } from '../../src/errors.js';

const base = `connector: files
version: 1
objects:
  account:
    from: accounts
    fields:
      crmId: account_id
      name: name
      arr: { field: arr, type: currency }
`;

const problemsOf = (text: string) => {
  try {
    parseMappingText(text, 'mappings/bad.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('mapping was accepted');
};

describe('mapping files', () => {
  it('loads every default mapping shipped in mappings/', () => {
    expect(loadMapping('mappings/files.yaml').objects.account?.from).toBe('accounts');
  });

  it('refuses an unknown key with its path', () => {
    const problems = problemsOf(
      base.replace(
        '      arr: { field: arr, type: currency }',
        '      arr: { field: arr, typ: currency }',
      ),
    );
    expect(problems).toContainEqual({
      path: 'objects.account.fields.arr',
      message: 'unknown key(s) "typ"',
    });
  });

  it('refuses an unknown transform type with its path', () => {
    const problems = problemsOf(base.replace('type: currency', 'type: money'));
    expect(problems[0]?.path).toBe('objects.account.fields.arr.type');
  });

  it('refuses an unknown neutral field and suggests the closest', () => {
    const problems = problemsOf(`${base}      seats.licenced: seats\n`);
    expect(problems[0]).toMatchObject({ path: 'objects.account.fields.seats.licenced' });
    expect(problems[0]?.message).toContain('"seats.licensed"');
  });

  it('refuses a mapping without an account object, and YAML syntax errors with a line', () => {
    expect(problemsOf('connector: files\nversion: 1\nobjects: {}\n')[0]?.path).toBe(
      'objects.account',
    );
    expect(
      problemsOf('connector: files\nversion: 1\nobjects:\n  account: [unclosed\n')[0]?.path,
    ).toMatch(/^line \d+/);
  });

  it('the error message names the file', () => {
    expect(() => parseMappingText(base.replace('files', 'excel'), 'mappings/bad.yaml')).toThrow(
      /mappings\/bad\.yaml/,
    );
  });

  it('checks source fields against the CRM and suggests existing names', () => {
    const m = parseMappingText(base.replace('field: arr', 'field: ARR_c'), 'sf.yaml');
    const fields = new Map([
      [
        'accounts',
        ['account_id', 'name', 'ARR__c', 'Region'].map((name) => ({
          name,
          label: name,
          type: 'string',
        })),
      ],
    ]);
    try {
      checkSourceFields(m, fields, 'sf.yaml');
      throw new Error('accepted');
    } catch (e) {
      expect((e as ConfigError).problems[0]?.message).toMatch(
        /no field "ARR_c"; did you mean "ARR__c"/,
      );
    }
  });
});
