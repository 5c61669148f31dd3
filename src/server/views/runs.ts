/**
 * Sync runs: the history (status, counts, duration, error) with a form to start one, and one
 * run's page listing its per-record issues (source, row, record, field, value, reason).
 */
import type { Issue } from '../../model/index.js';
import type { RunRow } from '../../store/runs.js';
import type { ConnectionInfo } from '../deps.js';
import { html, type SafeHtml } from '../html.js';
import { page } from './layout.js';

const seconds = (ms: number | undefined): string =>
  ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;

/** The run's counters as `key value` pairs (whatever the sync engine recorded). */
function stats(run: RunRow): SafeHtml {
  const flat = Object.entries(run.stats).filter(
    ([, v]) => typeof v === 'number' || typeof v === 'string',
  );
  return html`${flat.map(([k, v]) => html`<span class="stat">${k} <strong>${String(v)}</strong></span> `)}`;
}

/** The run's warnings (most accounts red, many records refused), as the sync recorded them. */
function warnings(run: RunRow): SafeHtml {
  const list = Array.isArray(run.stats.warnings)
    ? (run.stats.warnings as { message?: unknown }[])
    : [];
  return html`${list.map((w) => html`<br /><span class="warning">warning: ${String(w.message)}</span>`)}`;
}

export function runsPage(
  runs: RunRow[],
  connections: ConnectionInfo[],
  started?: string,
): SafeHtml {
  const body = html`
    <h1>Sync runs</h1>
    ${started && html`<p class="notice">Run ${started} started.</p>`}
    <form method="post" action="/runs" class="inline">
      <label
        >Connection
        <select name="connection">
          ${connections.map((c) => html`<option value="${c.name}">${c.name} (${c.connector})</option>`)}
        </select></label
      >
      <label><input type="checkbox" name="dryRun" value="true" /> dry run</label>
      <button type="submit">Start sync</button>
    </form>
    <table id="runs">
      <thead>
        <tr>
          <th>Run</th>
          <th>Connection</th>
          <th>Status</th>
          <th>As of</th>
          <th>Started</th>
          <th>Duration</th>
          <th>Counts</th>
        </tr>
      </thead>
      <tbody>
        ${runs.map(
          (r) =>
            html`<tr class="run ${r.status}">
              <td><a href="/runs/${r.id}">#${r.id}</a>${r.dryRun && ' (dry run)'}</td>
              <td>${r.connection}</td>
              <td>
                ${r.status}${r.error && html`<br /><span class="error">${r.error}</span>`}${warnings(r)}
              </td>
              <td>${r.asOf}</td>
              <td>${r.startedAt.replace('T', ' ').slice(0, 19)}</td>
              <td class="num">${seconds(r.durationMs)}</td>
              <td>${stats(r)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${runs.length === 0 && html`<p class="muted">No sync has run yet.</p>`}
  `;
  return page({ title: 'Sync runs', body, nav: true });
}

export function issuesTable(issues: Issue[]): SafeHtml {
  return html`<table class="issues">
    <thead>
      <tr>
        <th>Source</th>
        <th>Object</th>
        <th>Row</th>
        <th>Record</th>
        <th>Field</th>
        <th>Value</th>
        <th>Reason</th>
        <th>Skipped</th>
      </tr>
    </thead>
    <tbody>
      ${issues.map(
        (i) =>
          html`<tr>
            <td>${i.source}</td>
            <td>${i.object}</td>
            <td class="num">${i.row ?? ''}</td>
            <td>${i.recordId ?? ''}</td>
            <td>${i.field ?? ''}</td>
            <td><code>${i.value === undefined ? '' : JSON.stringify(i.value)}</code></td>
            <td>${i.reason}</td>
            <td>${i.skipped ? 'record skipped' : 'value dropped'}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function runPage(run: RunRow, issues: { total: number; issues: Issue[] }): SafeHtml {
  const body = html`
    <h1>Run #${run.id} — ${run.connection}</h1>
    <p class="meta">
      ${run.status}${run.dryRun && ' (dry run)'} · as of ${run.asOf} · started ${run.startedAt} ·
      ${seconds(run.durationMs)}
    </p>
    ${run.error && html`<p class="error">${run.error}</p>`}
    <p class="warnings">${warnings(run)}</p>
    <p>${stats(run)}</p>
    <h2>Issues (${issues.total})</h2>
    ${issues.total > issues.issues.length && html`<p class="muted">Showing the first ${issues.issues.length}; the API pages through all of them.</p>`}
    ${issuesTable(issues.issues)}
  `;
  return page({ title: `Run ${run.id}`, body, nav: true });
}
