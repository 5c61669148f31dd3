/**
 * The LWC's committed Jest fixtures and labels.js are what test/lwc/fixtures.ts makes now from a
 * really scored account and the shared view model; and the shipped metadata (picklist labels,
 * the component's targets, the account teams' permission set) agrees with what it shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METADATA_DIR, metadataFields } from '../../connectors/salesforce/setup.js';
import {
  READINESS_LABELS,
  STATUS_LABELS,
  TIMING_LABELS,
  TYPE_LABELS,
} from '../../src/view/labels.js';
import {
  ACCOUNT_FIELDS,
  ACCOUNT_OPTIONAL_FIELDS,
  LWC_DIR,
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL_FIELDS,
  buildLwcFixtures,
  shortPath,
} from './fixtures.js';
import { MAPPING } from './scored-org.js';
import { fieldMeta } from './ui-api.js';

const DEFAULT = join(METADATA_DIR, 'force-app', 'main', 'default');
const read = (...parts: string[]) => readFileSync(join(...parts), 'utf8');

describe('LWC fixtures', () => {
  it('are what the generator makes from a scored account now (else: npm run lwc:fixtures)', async () => {
    const stale: string[] = [];
    for (const [file, text] of await buildLwcFixtures()) {
      let committed = '';
      try {
        committed = readFileSync(file, 'utf8');
      } catch {
        // missing: stale
      }
      if (committed !== text) stale.push(shortPath(file));
    }
    expect(stale, 'stale: run `npm run lwc:fixtures` and commit the result').toEqual([]);
  });
});

describe('the metadata the component reads', () => {
  it('holds every field the component asks for, and write-back fills the account ones', () => {
    const shipped = metadataFields();
    const written = Object.keys(MAPPING.writeBack!.account!.fields);
    for (const f of [...ACCOUNT_FIELDS, ...ACCOUNT_OPTIONAL_FIELDS].filter((f) => f !== 'Name')) {
      expect(shipped.get('Account'), f).toContain(f);
      expect(written, f).toContain(f);
    }
    for (const f of [...OPPORTUNITY_FIELDS, ...OPPORTUNITY_OPTIONAL_FIELDS].filter(
      (f) => f !== 'Name',
    ))
      expect(shipped.get('Expansion_Opportunity__c'), f).toContain(f);
  });

  it("labels picklist values with the view model's words, as the standard pages show them", () => {
    const labels = (object: string, field: string) =>
      Object.fromEntries(fieldMeta(object, field).labels);
    const eo = 'Expansion_Opportunity__c';
    expect(labels(eo, 'Type__c')).toEqual(TYPE_LABELS);
    expect(labels(eo, 'Timing__c')).toEqual(TIMING_LABELS);
    expect(labels('Account', 'Expansion_Readiness__c')).toEqual(READINESS_LABELS);
    const status = MAPPING.writeBack!.opportunity!.status!.map;
    expect(labels(eo, 'Status__c')).toEqual(
      Object.fromEntries(Object.entries(status).map(([crm, s]) => [crm, STATUS_LABELS[s]])),
    );
  });

  it('exposes the component on Account and Expansion Opportunity record pages, at the package API version', () => {
    const meta = read(LWC_DIR, 'headroomExpansion', 'headroomExpansion.js-meta.xml');
    const project = JSON.parse(read(METADATA_DIR, 'sfdx-project.json')) as {
      sourceApiVersion: string;
    };
    expect(meta).toContain('<isExposed>true</isExposed>');
    expect(meta).toContain(`<apiVersion>${project.sourceApiVersion}</apiVersion>`);
    expect(meta).toMatch(/<target>lightning__RecordPage<\/target>/);
    const objects = [...meta.matchAll(/<object>([^<]+)<\/object>/g)].map((m) => m[1]);
    expect(objects).toEqual(['Account', 'Expansion_Opportunity__c']);
  });

  it('lets account teams read what the component shows and edit only the status and its reason', () => {
    const xml = read(DEFAULT, 'permissionsets', 'Headroom_Expansion_User.permissionset-meta.xml');
    const perms = [...xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)].map(
      (m) => ({
        field: /<field>([^<]+)<\/field>/.exec(m[1]!)![1]!,
        editable: m[1]!.includes('<editable>true</editable>'),
        readable: m[1]!.includes('<readable>true</readable>'),
      }),
    );
    const shown = [
      ...ACCOUNT_FIELDS.filter((f) => f !== 'Name').map((f) => `Account.${f}`),
      ...ACCOUNT_OPTIONAL_FIELDS.map((f) => `Account.${f}`),
      ...[...OPPORTUNITY_FIELDS, ...OPPORTUNITY_OPTIONAL_FIELDS]
        .filter((f) => f !== 'Name')
        .map((f) => `Expansion_Opportunity__c.${f}`),
    ];
    for (const f of shown) expect(perms.find((p) => p.field === f)?.readable, f).toBe(true);
    const { field, reason } = MAPPING.writeBack!.opportunity!.status!;
    expect(perms.filter((p) => p.editable).map((p) => p.field)).toEqual(
      [`Expansion_Opportunity__c.${reason}`, `Expansion_Opportunity__c.${field}`].sort(),
    );
    expect(xml).toMatch(/<allowEdit>true<\/allowEdit>[\s\S]*<object>Expansion_Opportunity__c/);
    expect(xml).toContain('<allowCreate>false</allowCreate>');
  });
});
