/**
 * Small builders for scoring fixtures: records are parsed through the neutral-model schemas, so
 * every fixture is a valid input with the same defaults a mapping would give.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import { CatalogSchema, type Catalog } from '../../src/model/catalog.js';
import type { Opportunity, OpportunityType } from '../../src/model/output.js';
import {
  AccountSchema,
  ContactSchema,
  DealSchema,
  DepartmentSchema,
  SignalSchema,
  UsagePointSchema,
  emptyPortfolio,
  type Account,
  type Contact,
  type Deal,
  type Department,
  type Portfolio,
  type Signal,
  type UsagePoint,
} from '../../src/model/records.js';
import { addDays } from '../../src/scoring/dates.js';
import {
  DEFAULT_SETTINGS,
  ScoringSettingsSchema,
  scorePortfolio,
  type ScoringResult,
  type ScoringSettings,
} from '../../src/scoring/index.js';

export const AS_OF = '2026-03-02';
export const ROOT = join(import.meta.dirname, '../..');
export const CATALOG: Catalog = loadYamlFile(CatalogSchema, join(ROOT, 'config/catalog.yaml'));

let n = 0;
export function account(over: Partial<z.input<typeof AccountSchema>> = {}): Account {
  const id = over.id ?? `files:A${++n}`;
  return AccountSchema.parse({
    source: 'files',
    crmId: id.split(':')[1] ?? id,
    name: `Account ${id}`,
    arr: 27000,
    plan: 'professional',
    contract: { renewal: '2026-11-15', termMonths: 12, start: '2024-11-15' },
    health: { score: 80 },
    ...over,
    id,
  });
}

export const contact = (
  accountId: string,
  over: Partial<z.input<typeof ContactSchema>> = {},
): Contact => ContactSchema.parse({ id: `c${++n}`, accountId, name: `Person ${n}`, ...over });

export const deal = (accountId: string, over: Partial<z.input<typeof DealSchema>> = {}): Deal =>
  DealSchema.parse({ id: `d${++n}`, accountId, name: 'Deal', amount: 1000, ...over });

export const department = (
  accountId: string,
  name: string,
  over: Partial<z.input<typeof DepartmentSchema>> = {},
): Department => DepartmentSchema.parse({ accountId, name, ...over });

export const signal = (
  accountId: string,
  kind: Signal['kind'],
  detail: string,
  over: Partial<z.input<typeof SignalSchema>> = {},
): Signal => SignalSchema.parse({ accountId, kind, detail, date: addDays(AS_OF, -20), ...over });

/** Weekly points, oldest first, the last one on `end`. */
export function weekly(
  accountId: string,
  metric: string,
  values: readonly number[],
  opts: { end?: string; limit?: number; stepDays?: number } = {},
): UsagePoint[] {
  const end = opts.end ?? AS_OF;
  const step = opts.stepDays ?? 7;
  return values.map((value, i) =>
    UsagePointSchema.parse({
      accountId,
      metric,
      value,
      date: addDays(end, -(values.length - 1 - i) * step),
      ...(opts.limit !== undefined && { limit: opts.limit }),
    }),
  );
}

export const portfolio = (p: Partial<Portfolio>): Portfolio => ({ ...emptyPortfolio(), ...p });

/** Settings with a deep partial override, validated like `config/scoring.yaml`. */
export function settings(over: Record<string, unknown> = {}): ScoringSettings {
  return Object.keys(over).length === 0 ? DEFAULT_SETTINGS : ScoringSettingsSchema.parse(over);
}

export function score(
  p: Partial<Portfolio>,
  opts: { asOf?: string; settings?: ScoringSettings } = {},
): ScoringResult {
  return scorePortfolio({
    portfolio: portfolio(p),
    catalog: CATALOG,
    settings: opts.settings ?? DEFAULT_SETTINGS,
    asOf: opts.asOf ?? AS_OF,
  });
}

export const ofType = (r: ScoringResult, type: OpportunityType): Opportunity[] =>
  r.opportunities.filter((o) => o.type === type);

export function only(r: ScoringResult, type: OpportunityType): Opportunity {
  const found = ofType(r, type);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${type}, got ${found.length}: ${r.opportunities.map((o) => o.type).join(', ')}`,
    );
  }
  return found[0]!;
}

export const evidence = (o: Opportunity, signal: string) =>
  o.evidence.find((e) => e.signal === signal);
