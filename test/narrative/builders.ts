/**
 * Fixture builders for the narrative tests: realistic accounts, contacts and scored
 * opportunities shaped exactly like the scoring core's output, built in code so each test can
 * see (and change) the numbers it asserts on.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  AccountSchema,
  CatalogSchema,
  ContactSchema,
  OpportunitySchema,
  type Account,
  type AccountSummary,
  type Catalog,
  type Contact,
  type Opportunity,
} from '../../src/model/index.js';

export const AS_OF = '2026-03-02';

export function catalog(): Catalog {
  return CatalogSchema.parse(parse(readFileSync('config/catalog.yaml', 'utf8')));
}

export function account(o: Partial<Account> & { id: string; name: string }): Account {
  const [source, crmId] = o.id.split(':');
  return AccountSchema.parse({ source, crmId, arr: 0, ...o });
}

export function contact(
  o: Partial<Contact> & { id: string; accountId: string; name: string },
): Contact {
  return ContactSchema.parse(o);
}

const tierOf = (c: number): number => (c >= 8 ? 1 : c >= 6 ? 2 : c >= 4 ? 3 : c >= 2 ? 4 : 5);

type OppInput = Partial<Opportunity> &
  Pick<
    Opportunity,
    'accountId' | 'accountName' | 'type' | 'title' | 'evidence' | 'estimatedArr'
  > & {
    revenue?: number;
    effort?: number;
    likelihood?: number;
  };

/** An opportunity with a composite and tier computed from the rubric (0.4/0.3/0.3). */
export function opportunity(o: OppInput): Opportunity {
  const { revenue = 7, effort = 7, likelihood = 7, ...rest } = o;
  const composite = Math.round((0.4 * revenue + 0.3 * effort + 0.3 * likelihood) * 10) / 10;
  const category =
    o.category ??
    (
      {
        activation: 'activation',
        conversion: 'conversion',
        stabilization: 'stabilization',
        champion_followup: 'champion',
      } as const
    )[o.type as 'activation'] ??
    'expansion';
  return OpportunitySchema.parse({
    id: `${o.accountId}:${o.type}:${o.title.toLowerCase().replace(/\W+/g, '-')}`,
    category,
    description: `${o.title}.`,
    currentState: 'Current plan',
    proposedState: 'Proposed plan',
    scores: { revenue, effort, likelihood, composite },
    tier: tierOf(composite),
    health: 'green',
    timing: '30d',
    timingReason: 'Strong usage signal, renewal in 7 months.',
    deadline: '2026-03-30',
    renewalAligned: false,
    stakeholders: {},
    pitch: '',
    approach: [],
    objections: [],
    risks: [],
    confidence: 0.9,
    ...rest,
  });
}

/** The account summary the scoring core would produce for these opportunities. */
export function summary(
  a: Account,
  opps: Opportunity[],
  o: Partial<AccountSummary> = {},
): AccountSummary {
  const expansion = opps.filter((x) => x.category === 'expansion');
  const best = [...opps].sort((x, y) => y.scores.composite - x.scores.composite)[0];
  return {
    accountId: a.id,
    name: a.name,
    arr: a.arr,
    health: 'green',
    healthReasons: [],
    readiness: expansion.some((x) => x.tier <= 2) ? 'ready_now' : 'needs_nurturing',
    bestScore: best?.scores.composite ?? 0,
    bestTier: best?.tier ?? 0,
    potentialArr: expansion.reduce((s, x) => s + x.estimatedArr, 0),
    opportunityCount: opps.length,
    flags: [],
    ...o,
  };
}
