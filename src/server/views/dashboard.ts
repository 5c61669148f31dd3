/**
 * The dashboard: portfolio pipeline by tier and type, expected value, and the NRR/GRR projection
 * drawn as an inline SVG waterfall. Figures come from the narrative layer's `forecastPortfolio`,
 * the same numbers the playbook prints.
 */
import { TYPE_LABELS } from '../../narrative/context.js';
import { money, moneyShort, pct } from '../../narrative/format.js';
import type { PortfolioForecast } from '../../narrative/types.js';
import type { RunRow } from '../../store/runs.js';
import { html, type SafeHtml } from '../html.js';
import { barChart, projectionChart } from './chart.js';
import { page } from './layout.js';

export interface DashboardInput {
  forecast: PortfolioForecast;
  currency: string;
  asOf: string;
  lastRun?: RunRow | undefined;
}

const TIERS = [1, 2, 3, 4, 5] as const;

function kpi(label: string, value: string): SafeHtml {
  return html`<div class="kpi">
    <span class="label">${label}</span><span class="value">${value}</span>
  </div>`;
}

export function dashboardPage({ forecast: f, currency, asOf, lastRun }: DashboardInput): SafeHtml {
  const r = f.retention;
  const tierRows = TIERS.map((t) => ({ tier: t, ...f.byTier[t] }));
  const body = html`
    <h1>Expansion dashboard</h1>
    <p class="muted">
      ${f.accounts} accounts · as of ${asOf}
      ${lastRun && html` · last sync #${lastRun.id} (${lastRun.connection}) ${lastRun.status}`}
    </p>
    <section class="kpis">
      ${kpi('Starting ARR', money(f.startingArr, currency))}
      ${kpi('Expansion pipeline', money(f.expansion.arr, currency))}
      ${kpi('Expected value', money(f.expansion.expectedValue, currency))}
      ${kpi('Projected NRR', pct(r.nrr))} ${kpi('Projected GRR', pct(r.grr))}
    </section>
    <section>
      <h2>NRR / GRR projection</h2>
      ${projectionChart({ startingArr: f.startingArr, ...r, currency })}
    </section>
    <section>
      <h2>Pipeline by tier</h2>
      ${barChart(
        'Pipeline ARR by tier',
        tierRows.map((t) => ({ label: `Tier ${t.tier}`, value: t.arr })),
        currency,
      )}
      <table id="pipeline-by-tier">
        <thead>
          <tr>
            <th>Tier</th>
            <th>Opportunities</th>
            <th>ARR</th>
            <th>Expected value</th>
          </tr>
        </thead>
        <tbody>
          ${tierRows.map(
            (t) =>
              html`<tr>
                <td><a href="/accounts?tier=${t.tier}">Tier ${t.tier}</a></td>
                <td class="num">${t.count}</td>
                <td class="num">${money(t.arr, currency)}</td>
                <td class="num">${money(t.expectedValue, currency)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section>
      <h2>Pipeline by type</h2>
      <table id="pipeline-by-type">
        <thead>
          <tr>
            <th>Type</th>
            <th>Opportunities</th>
            <th>ARR</th>
            <th>Average score</th>
          </tr>
        </thead>
        <tbody>
          ${f.byType.map(
            (t) =>
              html`<tr>
                <td>${TYPE_LABELS[t.type] ?? t.type}</td>
                <td class="num">${t.count}</td>
                <td class="num">${moneyShort(t.arr, currency)}</td>
                <td class="num">${t.avgScore.toFixed(1)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted">
        Other plays: ${f.otherPlays.activation} activation, ${f.otherPlays.conversion} conversion,
        ${f.otherPlays.stabilization} stabilization, ${f.otherPlays.champion} champion follow-ups.
        Tier 1–2 effort: ${Math.round(f.effort.aeHours)} AE hours, ${Math.round(f.effort.csmHours)}
        CSM hours.
      </p>
    </section>
    <section>
      <h2>Assumptions</h2>
      <ul>
        ${f.assumptions.map((a) => html`<li>${a}</li>`)}
      </ul>
    </section>
  `;
  return page({ title: 'Dashboard', body, nav: true });
}
