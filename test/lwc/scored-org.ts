/**
 * A Salesforce org after real Headroom syncs, for the LWC fixtures: a portfolio made by the
 * generator (seed and size of the end-to-end suite, not the demo's), rendered as the org's rows,
 * mapped with `mappings/salesforce.yaml`, scored, and written back by the write-back planner.
 * Then a person works the account's two best plays in the component (dismisses the best,
 * accepts the next) and the next sync reads that back and rewrites what changed. The org state
 * is what those writes left; the card is what the shared view model says for the same account.
 */
import { resolveCatalog } from '../../src/config/catalog.js';
import { loadMapping } from '../../src/mapping/load.js';
import { mapRecords } from '../../src/mapping/apply.js';
import type { Mapping } from '../../src/mapping/schema.js';
import { emptyPortfolio, NEUTRAL_OBJECTS, type Portfolio } from '../../src/model/records.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { DEFAULT_SETTINGS } from '../../src/scoring/index.js';
import type { OpportunityState, OpportunityStatus } from '../../src/store/opportunities.js';
import { planWrites } from '../../src/sync/plan-write.js';
import { accountCard, type AccountCard } from '../../src/view/account-card.js';
import { fromRestRecord } from '../../connectors/salesforce/records.js';
import { renderSalesforce, type SfRow } from '../e2e/render-salesforce.js';
import { AS_OF, buildFacts } from '../e2e/portfolio.js';

export const MAPPING: Mapping = loadMapping('mappings/salesforce.yaml');

const KEY = {
  account: 'accounts',
  contact: 'contacts',
  deal: 'deals',
  usage: 'usage',
  department: 'departments',
  signal: 'signals',
} as const;

export interface ScoredOrg {
  /** The account's Salesforce fields (Name and what write-back put there). */
  account: { Id: string; fields: Record<string, unknown> };
  /** Its Expansion_Opportunity__c records, in the order the writes created them. */
  opportunities: { key: string; fields: Record<string, unknown> }[];
  /** The shared view model's card for the same account after the person's decisions. */
  card: AccountCard;
}

function mapPortfolio(rows: Map<string, SfRow[]>): Portfolio {
  const portfolio = emptyPortfolio();
  for (const object of NEUTRAL_OBJECTS) {
    const spec = MAPPING.objects[object]!;
    const raws = (rows.get(spec.from) ?? []).map((r) => fromRestRecord(r, spec.from));
    const { records } = mapRecords(object, spec, raws, { connection: 'sf', source: spec.from });
    (portfolio[KEY[object]] as unknown[]).push(...records);
  }
  return portfolio;
}

export async function scoredOrg(): Promise<ScoredOrg> {
  const facts = await buildFacts();
  const portfolio = mapPortfolio(renderSalesforce(facts, Date.parse('2026-11-01T00:00:00Z')));
  const { catalog } = resolveCatalog('config/catalog.yaml', facts.dir);
  const { opportunities, accounts: summaries } = analyze(portfolio, AS_OF, {
    catalog,
    settings: DEFAULT_SETTINGS,
  });
  const accounts = new Map(portfolio.accounts.map((a) => [a.id, a]));
  const count = (id: string) => opportunities.filter((o) => o.accountId === id).length;
  // The account with the most plays (more than the card lists), ties broken by id.
  const chosen = [...summaries].sort(
    (a, b) => count(b.accountId) - count(a.accountId) || a.accountId.localeCompare(b.accountId),
  )[0]!;
  const account = accounts.get(chosen.accountId)!;
  const own = opportunities.filter((o) => o.accountId === chosen.accountId);
  const mine = summaries.filter((s) => s.accountId === chosen.accountId);

  const write = (states: Map<string, OpportunityState>) =>
    planWrites({
      writeBack: MAPPING.writeBack!,
      accounts,
      summaries: mine,
      opportunities: own,
      states,
      written: { account: new Map(), opportunity: new Map(), task: new Map() },
    });
  const fieldsOf = (batches: ReturnType<typeof write>, section: string) =>
    batches.find((b) => b.section === section)?.records ?? [];

  // First sync: everything is new and open.
  const first = write(new Map());
  const records = new Map(
    fieldsOf(first, 'opportunity').map((r) => [r.key, { ...r.fields, Status__c: 'Open' }]),
  );
  // The person's decisions in the component, read back by the next sync.
  const card0 = accountCard({
    accountId: chosen.accountId,
    summary: chosen,
    account,
    opportunities: own,
  });
  const [best, next] = card0.opportunities;
  const decided: [string, OpportunityStatus, string | undefined][] = [
    [best!.id, 'dismissed', 'Budget is frozen until the next fiscal year'],
    [next!.id, 'accepted', undefined],
  ];
  const states = new Map<string, OpportunityState>();
  for (const [id, status, reason] of decided) {
    Object.assign(records.get(id)!, {
      Status__c: status === 'dismissed' ? 'Dismissed' : 'Accepted',
      ...(reason ? { Status_Reason__c: reason } : {}),
    });
    states.set(id, { id, status } as OpportunityState);
  }
  // Second sync: rewrites the account (its next action moved) and the live records.
  const second = write(states);
  for (const r of fieldsOf(second, 'opportunity')) Object.assign(records.get(r.key)!, r.fields);
  const accountFields = Object.assign(
    { Name: account.name },
    fieldsOf(first, 'account')[0]?.fields,
    fieldsOf(second, 'account')[0]?.fields,
  );
  const card = accountCard({
    accountId: chosen.accountId,
    summary: chosen,
    account,
    opportunities: own.map((o) => {
      const d = decided.find(([id]) => id === o.id);
      return { data: o, status: d?.[1] ?? 'open', ...(d?.[2] ? { statusReason: d[2] } : {}) };
    }),
  });
  return {
    account: { Id: account.crmId, fields: accountFields },
    opportunities: [...records].map(([key, fields]) => ({ key, fields })),
    card,
  };
}
