/**
 * The fake org's schema: the standard fields a real org has on each object, plus every custom
 * field shipped as SFDX metadata in `connectors/salesforce/metadata/` (the source model the
 * default mapping reads and the write-back fields `headroom setup salesforce` installs). Describe
 * answers and write validation both come from here, so a mapping or write-back field that the
 * shipped metadata lacks fails the sync as it would in a real org.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const METADATA = join(import.meta.dirname, '..', '..', 'connectors', 'salesforce', 'metadata');

/** Standard fields (API name -> describe type) of the objects the suite touches. */
const STANDARD: Record<string, Record<string, string>> = {
  Account: {
    Name: 'string',
    Type: 'picklist',
    Website: 'url',
    Industry: 'picklist',
    BillingCountry: 'string',
    OwnerId: 'reference',
    NumberOfEmployees: 'int',
  },
  Contact: {
    AccountId: 'reference',
    Name: 'string',
    Email: 'email',
    Title: 'string',
    Department: 'string',
    LastActivityDate: 'date',
    CreatedDate: 'datetime',
  },
  Opportunity: {
    AccountId: 'reference',
    Name: 'string',
    Type: 'picklist',
    StageName: 'picklist',
    Amount: 'currency',
    CloseDate: 'date',
    IsClosed: 'boolean',
    IsWon: 'boolean',
  },
  Task: {
    WhatId: 'reference',
    OwnerId: 'reference',
    Subject: 'combobox',
    Description: 'textarea',
    ActivityDate: 'date',
    Priority: 'picklist',
    Status: 'picklist',
    IsClosed: 'boolean',
  },
};

/** Every custom object (a folder with an `.object-meta.xml`) has a Name and an owner. */
const CUSTOM_OBJECT = { Name: 'string', OwnerId: 'reference' };

export interface FieldDef {
  name: string;
  type: string;
  externalId?: boolean;
  /** A picklist's default value on create. */
  defaultValue?: string;
}

function metadataFields(): Map<string, FieldDef[]> {
  const out = new Map<string, FieldDef[]>();
  for (const pkg of readdirSync(METADATA, { withFileTypes: true })) {
    const objects = join(METADATA, pkg.name, 'main', 'default', 'objects');
    if (!pkg.isDirectory()) continue;
    let names: string[];
    try {
      names = readdirSync(objects);
    } catch {
      continue;
    }
    for (const object of names) {
      const dir = join(objects, object);
      const defs = out.get(object) ?? [];
      if (readdirSync(dir).some((f) => f.endsWith('.object-meta.xml')))
        for (const [name, type] of Object.entries(CUSTOM_OBJECT)) defs.push({ name, type });
      let files: string[] = [];
      try {
        files = readdirSync(join(dir, 'fields'));
      } catch {
        // an object folder with no fields of its own
      }
      for (const f of files) {
        const xml = readFileSync(join(dir, 'fields', f), 'utf8');
        const type = /<type>(\w+)<\/type>/.exec(xml)?.[1] ?? 'Text';
        const def =
          /<fullName>([^<]+)<\/fullName>\s*<default>true<\/default>/.exec(xml)?.[1] ?? undefined;
        defs.push({
          name: f.replace('.field-meta.xml', ''),
          type: type.toLowerCase(),
          ...(/<externalId>true<\/externalId>/.test(xml) ? { externalId: true } : {}),
          ...(def ? { defaultValue: def } : {}),
        });
      }
      out.set(object, defs);
      // Task and Event custom fields are defined on Activity.
      if (object === 'Activity')
        for (const o of ['Task', 'Event']) out.set(o, [...(out.get(o) ?? []), ...defs]);
    }
  }
  return out;
}

/** Object -> its fields (Id and SystemModstamp included). */
export function orgSchema(): Map<string, FieldDef[]> {
  const custom = metadataFields();
  const objects = new Set([...Object.keys(STANDARD), ...custom.keys()]);
  const out = new Map<string, FieldDef[]>();
  for (const object of objects) {
    const fields: FieldDef[] = [
      { name: 'Id', type: 'id' },
      { name: 'SystemModstamp', type: 'datetime' },
      ...Object.entries(STANDARD[object] ?? {}).map(([name, type]) => ({ name, type })),
      ...(custom.get(object) ?? []),
    ];
    const seen = new Set<string>();
    out.set(
      object,
      fields.filter((f) => !seen.has(f.name) && seen.add(f.name)),
    );
  }
  return out;
}

/** A describe response body in the REST wire format. */
export function describeBody(object: string, fields: FieldDef[]) {
  return {
    name: object,
    label: object.replace(/__c$/, '').replace(/_/g, ' '),
    custom: object.endsWith('__c'),
    fields: fields.map((f) => ({
      name: f.name,
      label: f.name.replace(/__c$/, '').replace(/_/g, ' '),
      type: f.type,
      createable: f.name !== 'Id' && f.name !== 'SystemModstamp',
      updateable: f.name !== 'Id' && f.name !== 'SystemModstamp',
      unique: f.externalId ?? false,
      externalId: f.externalId ?? false,
      nillable: f.name !== 'Id',
      relationshipName:
        f.type === 'reference' || f.type === 'lookup' || f.type === 'masterdetail'
          ? f.name.replace(/__c$/, '__r').replace(/Id$/, '')
          : null,
      picklistValues: [],
    })),
  };
}
