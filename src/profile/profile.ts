/**
 * The profile of a mapping on real records: per neutral field its fill rate, values or range and
 * refusals, the scales the run would score with, and the health-light and tier distribution the
 * real scoring core gives the mapped portfolio. An ops admin reads "plan: 100% refused" or
 * "95% red" here, before a sync writes anything to the CRM.
 */
import { groupRefusals, issuePath, top } from '../mapping/refusals.js';
import type { Mapping } from '../mapping/schema.js';
import type { Catalog } from '../model/catalog.js';
import type { Issue } from '../model/output.js';
import { NEUTRAL_OBJECTS, type NeutralObject } from '../model/records.js';
import type { DeclaredScales, Scales } from '../model/scales.js';
import { scorePortfolio, type ScoringSettings } from '../scoring/index.js';
import { runWarnings, type RunWarning, type WarnThresholds } from '../sync/run-warnings.js';
import { COLLECTION, type Collected, type ObjectCounts } from './collect.js';
import { profileField, type FieldProfile } from './field-stats.js';

export interface ObjectProfile extends ObjectCounts {
  object: NeutralObject;
  fields: FieldProfile[];
  /** Problems that name no single field (a record that could not be validated). */
  recordIssues: { reason: string; count: number }[];
}

export interface Profile {
  connection: string;
  connector: string;
  asOf: string;
  /** The catalog file plans and products were checked against. */
  catalogFile: string;
  objects: ObjectProfile[];
  /** The scales the run scores with: the mapping's declaration over the settings'; `auto` is
   * detected per portfolio by the scoring core. */
  scales: { declared: DeclaredScales; effective: Partial<Scales> };
  /** Accounts per health light, from the real scoring core. */
  health: { green: number; yellow: number; red: number };
  /** Accounts per best expansion tier (`none`: no expansion opportunity). */
  tiers: Record<'1' | '2' | '3' | '4' | '5' | 'none', number>;
  /** Opportunities of every category the scoring core found. */
  opportunities: number;
  /** What `sync` would warn about on these figures. */
  warnings: RunWarning[];
}

export interface ProfileInput {
  connection: string;
  mapping: Mapping;
  collected: Collected;
  catalog: Catalog;
  catalogFile: string;
  /** The settings the run scores with (the mapping's scales already applied). */
  settings: ScoringSettings;
  asOf: string;
  thresholds?: WarnThresholds | undefined;
}

function objectProfile(
  object: NeutralObject,
  input: ProfileInput,
  refusals: ReturnType<typeof groupRefusals>,
): ObjectProfile | undefined {
  const spec = input.mapping.objects[object];
  const counts = input.collected.counts[object];
  if (!spec || !counts) return undefined;
  const records = input.collected.portfolio[COLLECTION[object]] as object[];
  const byField = refusals.get(object) ?? new Map();
  const fields = Object.keys(spec.fields).map((f) =>
    profileField(f, records, counts.pulled, byField.get(f)),
  );
  const other = new Map<string, number>();
  for (const issue of input.collected.issues as Issue[])
    if (issue.object === object && !(issuePath(issue) in spec.fields))
      other.set(issue.reason, (other.get(issue.reason) ?? 0) + 1);
  return {
    object,
    ...counts,
    fields,
    recordIssues: top(other, 3).map(([reason, count]) => ({ reason, count })),
  };
}

export function buildProfile(input: ProfileInput): Profile {
  const { collected } = input;
  const refusals = groupRefusals(collected.issues);
  const objects = NEUTRAL_OBJECTS.map((o) => objectProfile(o, input, refusals)).filter(
    (o): o is ObjectProfile => o !== undefined,
  );
  const scored = scorePortfolio({
    portfolio: collected.portfolio,
    catalog: input.catalog,
    settings: input.settings,
    asOf: input.asOf,
  });
  const health = { green: 0, yellow: 0, red: 0 };
  const tiers: Profile['tiers'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, none: 0 };
  const bestExpansion = new Map<string, number>();
  for (const o of scored.opportunities)
    if (o.category === 'expansion')
      bestExpansion.set(o.accountId, Math.min(o.tier, bestExpansion.get(o.accountId) ?? 5));
  for (const a of scored.accounts) {
    health[a.health]++;
    const tier = bestExpansion.get(a.accountId);
    tiers[tier === undefined ? 'none' : (String(tier) as keyof Profile['tiers'])]++;
  }
  const pulled = Object.fromEntries(objects.map((o) => [o.object, o.pulled]));
  return {
    connection: input.connection,
    connector: input.mapping.connector,
    asOf: input.asOf,
    catalogFile: input.catalogFile,
    objects,
    scales: {
      declared: input.mapping.scales ?? {},
      effective: (input.settings as { scales?: Partial<Scales> }).scales ?? {},
    },
    health,
    tiers,
    opportunities: scored.opportunities.length,
    warnings: runWarnings({
      pulled,
      issues: collected.issues,
      accounts: scored.accounts,
      thresholds: input.thresholds,
    }),
  };
}
