/**
 * Pull every object a mapping names through a connector and map it, the way a sync does (the
 * same `mapRecord`, the same catalog check), into memory: nothing is stored and nothing is
 * written. What `headroom profile` and the console's mapping preview look at.
 */
import type { Connector } from '../../connectors/types.js';
import { mapRecord, sourceAssociations, sourceFields } from '../mapping/apply.js';
import type { CatalogRefIndex } from '../mapping/catalog-refs.js';
import type { Mapping } from '../mapping/schema.js';
import type { Issue } from '../model/output.js';
import {
  emptyPortfolio,
  NEUTRAL_OBJECTS,
  type NeutralObject,
  type Portfolio,
} from '../model/records.js';

export const COLLECTION: Record<NeutralObject, keyof Portfolio> = {
  account: 'accounts',
  contact: 'contacts',
  deal: 'deals',
  usage: 'usage',
  department: 'departments',
  signal: 'signals',
};

export interface ObjectCounts {
  /** The CRM object, HubSpot object type or file the records came from. */
  from: string;
  pulled: number;
  mapped: number;
  skipped: number;
}

export interface Collected {
  portfolio: Portfolio;
  issues: Issue[];
  counts: Partial<Record<NeutralObject, ObjectCounts>>;
}

export interface CollectOptions {
  connection: string;
  catalog?: CatalogRefIndex | undefined;
  /** Stop each object after this many records (a console preview); @default every record */
  limit?: number | undefined;
}

export async function collectMapped(
  connector: Connector,
  mapping: Mapping,
  options: CollectOptions,
): Promise<Collected> {
  const out: Collected = { portfolio: emptyPortfolio(), issues: [], counts: {} };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const object of NEUTRAL_OBJECTS) {
    const spec = mapping.objects[object];
    if (!spec) continue;
    const counts: ObjectCounts = { from: spec.from, pulled: 0, mapped: 0, skipped: 0 };
    out.counts[object] = counts;
    const target = out.portfolio[COLLECTION[object]] as unknown[];
    const associations = sourceAssociations(spec);
    pages: for await (const page of connector.pull({
      object: spec.from,
      fields: sourceFields(spec),
      ...(associations.length ? { associations } : {}),
      ...(spec.where !== undefined ? { where: spec.where } : {}),
    })) {
      for (const raw of page.records) {
        if (counts.pulled >= limit) break pages;
        counts.pulled++;
        const { record, issues } = mapRecord(object, spec, raw, {
          connection: options.connection,
          source: page.source ?? spec.from,
          catalog: options.catalog,
          priorPeriodMonths: mapping.employeesPrior?.periodMonths,
        });
        out.issues.push(...issues);
        if (record) {
          counts.mapped++;
          target.push(record);
        } else counts.skipped++;
      }
    }
  }
  return out;
}
