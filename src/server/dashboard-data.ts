/**
 * The dashboard's figures: the portfolio forecast (pipeline by tier and type, expected value,
 * NRR/GRR projection) over the live opportunities (open or accepted; dismissed and settled ones
 * are out of the pipeline) and every account summary, as the playbook computes them.
 */
import type { AccountSummary, Opportunity } from '../model/index.js';
import { forecastPortfolio } from '../narrative/forecast.js';
import { listRuns } from '../store/runs.js';
import type { AppContext } from './context.js';
import type { DashboardInput } from './views/dashboard.js';

export async function dashboardData(ctx: AppContext): Promise<DashboardInput> {
  const [opps, accounts, runs, asOf] = await Promise.all([
    // The forecast reads amounts, scores, types, tiers and timing, never the prose: leaving the
    // prose in the database keeps the dashboard light on a 100k-account portfolio.
    ctx.store.query<{ data: Opportunity }>(
      `SELECT data - ARRAY['evidence', 'pitch', 'approach', 'objections', 'risks', 'description',
         'currentState', 'proposedState', 'stakeholders'] AS data
       FROM opportunities WHERE status IN ('open', 'accepted') AND closed_at IS NULL`,
    ),
    ctx.store.query<{ data: AccountSummary }>('SELECT data FROM account_summaries'),
    listRuns(ctx.store, { limit: 1 }),
    ctx.currentAsOf(),
  ]);
  const forecast = forecastPortfolio({
    opportunities: opps.rows.map((r) => r.data),
    accounts: accounts.rows.map((r) => r.data),
    asOf,
  });
  return { forecast, currency: ctx.catalog().currency, asOf, lastRun: runs[0] };
}
