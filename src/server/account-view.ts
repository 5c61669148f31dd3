/**
 * Everything one account's page shows, gathered from the store (summary, mirrored record,
 * contacts, opportunities, score histories) and, for the full page, the narratives. The
 * embedded view asks for the light version: one query, no narratives, no histories.
 */
import type { Account, AccountSummary, Contact } from '../model/index.js';
import type { ChampionPlan, OutreachDrafts, QbrAgenda } from '../narrative/types.js';
import type { OpportunityRow } from '../store/opportunities.js';
import type { ScoreHistoryRow } from '../store/score-history.js';
import { accountCard, type AccountCard } from '../view/account-card.js';
import { accountNarratives } from './account-narratives.js';
import type { AppContext } from './context.js';
import type { LightRecords } from './embedded-query.js';
import { findOpportunities, scoreHistories } from './opportunity-queries.js';
import { accountRecords } from './queries.js';

export interface AccountView {
  accountId: string;
  connection: string;
  name: string;
  currency: string;
  summary?: AccountSummary;
  account?: Account;
  contacts: Contact[];
  opportunities: { row: OpportunityRow; history: ScoreHistoryRow[] }[];
  qbr?: QbrAgenda;
  outreach: OutreachDrafts[];
  championPlans: ChampionPlan[];
  unlock?: { title?: string; items: string[] };
}

/**
 * The shared card view model of a view (src/view/account-card.ts): what the console header, the
 * embedded view and the HubSpot app card show. @param limit live opportunities listed at most
 */
export function cardOf(v: AccountView, limit?: number): AccountCard {
  return accountCard(
    {
      accountId: v.accountId,
      summary: v.summary,
      account: v.account,
      opportunities: v.opportunities.map((o) => o.row),
    },
    limit,
  );
}

/** The light view (no contacts, histories or narratives) from its records. */
export function lightView(accountId: string, r: LightRecords): AccountView {
  return {
    accountId,
    connection: r.connection,
    name: r.summary?.name ?? r.account?.name ?? accountId,
    currency: r.account?.currency ?? 'USD',
    ...(r.summary ? { summary: r.summary } : {}),
    ...(r.account ? { account: r.account } : {}),
    contacts: [],
    opportunities: r.opportunities.map((row) => ({ row, history: [] })),
    outreach: [],
    championPlans: [],
  };
}

/** The account's view; undefined when Headroom has never seen the account. */
export async function buildAccountView(
  ctx: AppContext,
  accountId: string,
): Promise<AccountView | undefined> {
  const records = await accountRecords(ctx.store, accountId);
  if (!records) return undefined;
  const rows = await findOpportunities(ctx.store, { connection: records.connection, accountId });
  const histories = await scoreHistories(
    ctx.store,
    records.connection,
    rows.map((r) => r.id),
  );
  const view: AccountView = {
    accountId,
    connection: records.connection,
    name: records.summary?.name ?? records.account?.name ?? accountId,
    currency: records.account?.currency ?? 'USD',
    ...(records.summary ? { summary: records.summary } : {}),
    ...(records.account ? { account: records.account } : {}),
    contacts: records.contacts,
    opportunities: rows.map((row) => ({ row, history: histories.get(row.id) ?? [] })),
    outreach: [],
    championPlans: [],
  };
  if (!records.account) return view;
  return {
    ...view,
    ...accountNarratives(
      records.account,
      records.contacts,
      rows,
      ctx.catalog(),
      await ctx.currentAsOf(),
      records.summary,
    ),
  };
}
