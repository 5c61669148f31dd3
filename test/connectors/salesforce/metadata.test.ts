import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { METADATA_DIR, PACKAGES, metadataFields } from '../../../connectors/salesforce/setup.js';
import { loadMapping } from '../../../src/mapping/load.js';
import { sourceFields } from '../../../src/mapping/apply.js';
import { API, INSTANCE, fixture, tokenConnector } from './helpers.js';

const mapping = loadMapping('mappings/salesforce.yaml');
const writeBack = metadataFields(PACKAGES.writeBack);
const sourceModel = metadataFields(PACKAGES.sourceModel);
const has = (m: Map<string, string[]>, object: string, field: string) =>
  m.get(object)?.includes(field) ?? false;
const custom = (f: string) => f.endsWith('__c');
/** Task and Event custom fields live in the Activity folder of the metadata. */
const folderOf = (object: string) =>
  object === 'Task' || object === 'Event' ? 'Activity' : object;

function objectsDir(pkg: string) {
  return join(METADATA_DIR, pkg, 'main', 'default', 'objects');
}

describe('salesforce installable metadata', () => {
  it('holds every custom field and object the default mapping reads', () => {
    const missing: string[] = [];
    for (const spec of Object.values(mapping.objects)) {
      if (!spec) continue;
      if (custom(spec.from) && !writeBack.has(spec.from) && !sourceModel.has(spec.from))
        missing.push(spec.from);
      for (const f of sourceFields(spec)) {
        const head = f.split('.')[0]!.replace(/__r$/, '__c');
        if (custom(head) && !has(writeBack, spec.from, head) && !has(sourceModel, spec.from, head))
          missing.push(`${spec.from}.${head}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds every custom field write-back writes, in the write-back package', () => {
    const missing: string[] = [];
    for (const target of Object.values(mapping.writeBack ?? {})) {
      if (!target) continue;
      const names = [...Object.keys(target.fields)];
      if ('key' in target && target.key) names.push(target.key);
      if ('status' in target && target.status)
        names.push(target.status.field, ...(target.status.reason ? [target.status.reason] : []));
      for (const f of names.filter(custom))
        if (!has(writeBack, folderOf(target.to), f)) missing.push(`${target.to}.${f}`);
    }
    expect(missing).toEqual([]);
    expect(readdirSync(join(objectsDir(PACKAGES.writeBack), 'Expansion_Opportunity__c'))).toContain(
      'Expansion_Opportunity__c.object-meta.xml',
    );
  });

  it('makes Headroom_Key__c a unique external id and offers every status the mapping reads back', () => {
    const dir = join(objectsDir(PACKAGES.writeBack), 'Expansion_Opportunity__c', 'fields');
    const key = readFileSync(join(dir, 'Headroom_Key__c.field-meta.xml'), 'utf8');
    expect(key).toMatch(/<externalId>true<\/externalId>/);
    expect(key).toMatch(/<unique>true<\/unique>/);
    const status = readFileSync(join(dir, 'Status__c.field-meta.xml'), 'utf8');
    const values = [...status.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map(
      (m) => m[1],
    );
    expect(values).toEqual(Object.keys(mapping.writeBack!.opportunity!.status!.map));
  });

  it('names each field file after its fullName, and the permission set grants every write-back field', () => {
    const perms = readFileSync(
      join(
        METADATA_DIR,
        PACKAGES.writeBack,
        'main/default/permissionsets/Headroom_Integration.permissionset-meta.xml',
      ),
      'utf8',
    );
    for (const [object, fields] of writeBack) {
      for (const f of fields) {
        const xml = readFileSync(
          join(objectsDir(PACKAGES.writeBack), object, 'fields', `${f}.field-meta.xml`),
          'utf8',
        );
        expect(xml).toContain(`<fullName>${f}</fullName>`);
        expect(perms).toContain(`<field>${object}.${f}</field>`);
      }
    }
  });

  it('adds the Expansion Opportunity related list to the Account layout', () => {
    const layout = readFileSync(
      join(
        METADATA_DIR,
        PACKAGES.layout,
        'main/default/layouts/Account-Account Layout.layout-meta.xml',
      ),
      'utf8',
    );
    expect(layout).toContain('<relatedList>Expansion_Opportunity__c.Account__c</relatedList>');
  });
});

/** A Task describe (the account fixture's shape) before the Activity field is deployed. */
function taskWithoutKey() {
  const account = fixture<{ name: string; label: string; fields: { name: string }[] }>(
    'describe-account.json',
  );
  return {
    ...account,
    name: 'Task',
    label: 'Task',
    fields: account.fields.filter((f) => f.name === 'Id' || f.name === 'OwnerId'),
  };
}

describe('salesforce setup', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('checks the org through describe and prints the deploy commands for what is missing', async () => {
    const eo = fixture<{ fields: { name: string }[] }>('describe-expansion-opportunity.json');
    eo.fields = eo.fields.filter((f) => f.name !== 'Pitch__c');
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/describe`)
      .reply(200, fixture('describe-account.json'))
      .get(`${API}/sobjects/Expansion_Opportunity__c/describe`)
      .reply(200, eo)
      .get(`${API}/sobjects/Opportunity/describe`)
      .reply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }])
      .get(`${API}/sobjects/Task/describe`)
      .reply(200, taskWithoutKey());
    const sf = await tokenConnector();
    const lines = await sf.setup!();
    expect(lines).toContain('found Account.Expansion_Score__c');
    expect(lines).toContain('found Expansion_Opportunity__c.Headroom_Key__c');
    expect(lines).toContain('missing Expansion_Opportunity__c.Pitch__c');
    expect(lines).toContain('missing object Opportunity');
    expect(lines).toContain('missing Task.Headroom_Key__c');
    expect(
      lines.some((l) => /sf project deploy start --source-dir force-app --target-org/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /sf org assign permset --name Headroom_Integration/.test(l))).toBe(
      true,
    );
  });

  it('makes no call on a dry run', async () => {
    const sf = await tokenConnector();
    const lines = await sf.setup!({ dryRun: true });
    expect(lines.some((l) => l.startsWith('would check Expansion_Opportunity__c'))).toBe(true);
    expect(sf.usage!().calls).toBe(0);
  });
});
