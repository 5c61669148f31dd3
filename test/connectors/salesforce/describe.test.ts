import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { checkSourceFields, loadMapping, parseMappingText } from '../../../src/mapping/load.js';
import type { FieldInfo } from '../../../connectors/types.js';
import { API, INSTANCE, fixture, tokenConnector } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function describeAccount(): Promise<FieldInfo[]> {
  nock(INSTANCE)
    .get(`${API}/sobjects/Account/describe`)
    .reply(200, fixture('describe-account.json'));
  const sf = await tokenConnector();
  return sf.describe!('Account');
}

describe('salesforce field discovery', () => {
  it('lists fields with label, type, active picklist values, writability and uniqueness', async () => {
    const fields = await describeAccount();
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get('Type')).toMatchObject({
      label: 'Account Type',
      type: 'picklist',
      writable: true,
    });
    expect(byName.get('Type')!.options).toContain('Customer - Direct');
    expect(byName.get('Last_QBR_Outcome__c')!.options).toEqual(['Positive', 'Neutral', 'Negative']);
    expect(byName.get('Id')).toMatchObject({ type: 'id', writable: false, unique: false });
    expect(byName.get('ARR__c')).toEqual({
      name: 'ARR__c',
      label: 'ARR',
      type: 'currency',
      writable: true,
      unique: false,
    });
  });

  it('reports external ids as unique (upsert keys)', async () => {
    nock(INSTANCE)
      .get(`${API}/sobjects/Expansion_Opportunity__c/describe`)
      .reply(200, fixture('describe-expansion-opportunity.json'));
    const sf = await tokenConnector();
    const key = (await sf.describe!('Expansion_Opportunity__c')).find(
      (f) => f.name === 'Headroom_Key__c',
    );
    expect(key).toMatchObject({ unique: true, writable: true });
  });

  it('accepts the default mapping against a describe that has its fields', async () => {
    const fields = await describeAccount();
    const mapping = loadMapping('mappings/salesforce.yaml');
    expect(() =>
      checkSourceFields(mapping, new Map([['Account', fields]]), 'mappings/salesforce.yaml'),
    ).not.toThrow();
  });

  it('refuses a mapping naming a field that does not exist, with the closest names', async () => {
    const fields = await describeAccount();
    const mapping = parseMappingText(
      [
        'connector: salesforce',
        'version: 1',
        'objects:',
        '  account:',
        '    from: Account',
        '    fields: { name: Name, arr: ARR_c, owner.name: Owner.Name }',
      ].join('\n'),
      'ops.yaml',
    );
    const err = (() => {
      try {
        checkSourceFields(mapping, new Map([['Account', fields]]), 'ops.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      {
        path: 'objects.account.fields.arr',
        message: expect.stringMatching(/Account has no field "ARR_c"; did you mean "ARR__c"/),
      },
    ]);
  });
});
