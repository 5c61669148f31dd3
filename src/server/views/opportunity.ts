/**
 * One opportunity on the account page: evidence, pitch, approach, objections, risks, its score
 * history with why each change happened, and the accept / dismiss forms.
 */
import type { OpportunityRow } from '../../store/opportunities.js';
import type { ScoreCause, ScoreHistoryRow } from '../../store/score-history.js';
import { cardOpportunity } from '../../view/account-card.js';
import { html, type SafeHtml } from '../html.js';
import { healthBadge } from './accounts.js';

const CAUSE_TEXT: Record<ScoreCause, string> = {
  new: 'First detected',
  data: "The account's data changed (the evidence behind the score)",
  settings: 'The scoring settings changed; the data did not',
  'data+settings': 'Both the account data and the scoring settings changed',
};

/** Score history, oldest first, each row saying what moved and why. */
export function scoreHistoryTable(history: ScoreHistoryRow[]): SafeHtml {
  if (!history.length) return html`<p class="muted">No score history yet.</p>`;
  return html`<table class="score-history">
    <thead>
      <tr>
        <th>As of</th>
        <th>Run</th>
        <th>Composite</th>
        <th>Tier</th>
        <th>R / E / L</th>
        <th>Why it changed</th>
      </tr>
    </thead>
    <tbody>
      ${history.map((h, i) => {
        const prev = history[i - 1];
        const delta = prev ? h.scores.composite - prev.scores.composite : 0;
        const moved = prev && delta !== 0 ? ` (${delta > 0 ? '+' : ''}${delta.toFixed(1)})` : '';
        const tierMove = prev && prev.tier !== h.tier ? ` (was ${prev.tier})` : '';
        return html`<tr>
          <td>${h.asOf}</td>
          <td><a href="/runs/${h.runId}">#${h.runId}</a></td>
          <td class="num">${h.scores.composite.toFixed(1)}${moved}</td>
          <td class="num">${h.tier}${tierMove}</td>
          <td class="num">${h.scores.revenue} / ${h.scores.effort} / ${h.scores.likelihood}</td>
          <td>${CAUSE_TEXT[h.cause]} <span class="muted">(settings ${h.settingsVersion})</span></td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function statusForms(row: OpportunityRow, accountId: string): SafeHtml {
  const base = `/accounts/${encodeURIComponent(accountId)}/opportunities/${encodeURIComponent(row.id)}`;
  if (row.status !== 'open') {
    return html`<p class="status ${row.status}">
      Status: <strong>${row.status}</strong>${row.statusReason && html` — ${row.statusReason}`}
    </p>`;
  }
  return html`<div class="status-forms">
    <form method="post" action="${base}/accept">
      <button type="submit" class="accept">Accept</button>
    </form>
    <form method="post" action="${base}/dismiss" class="dismiss">
      <input
        name="reason"
        required
        maxlength="500"
        placeholder="Why dismiss? (kept for the next sync)"
      />
      <button type="submit" class="dismiss">Dismiss</button>
    </form>
  </div>`;
}

export function opportunityCard(
  row: OpportunityRow,
  history: ScoreHistoryRow[],
  currency: string,
): SafeHtml {
  const o = row.data;
  const c = cardOpportunity(row, currency);
  return html`<article class="opportunity" id="opp-${o.id}" data-status="${row.status}">
    <header>
      <h3>${o.title}</h3>
      <p class="meta">
        ${c.typeLabel} · ${c.tierLabel} · score ${c.score} · ${c.estimatedArrText} · timing
        ${c.timingLabel} (${c.timingReason}) · deadline ${c.deadline} · ${healthBadge(o.health)} ·
        confidence ${Math.round(o.confidence * 100)}%
      </p>
    </header>
    ${statusForms(row, o.accountId)}
    <p>${o.description}</p>
    <h4>Evidence</h4>
    <ul class="evidence">
      ${o.evidence.map((e) => html`<li><span class="signal">${e.signal}</span> ${e.text}</li>`)}
    </ul>
    <p>
      <strong>Now:</strong> ${o.currentState}<br /><strong>Proposed:</strong> ${o.proposedState}
    </p>
    <h4>Pitch</h4>
    <p class="pitch">${o.pitch}</p>
    <p class="muted">
      ${o.stakeholders.pitchTo && html`Pitch to ${o.stakeholders.pitchTo}. `}
      ${o.stakeholders.decides && html`Decides: ${o.stakeholders.decides}. `}
      ${o.stakeholders.benefits && html`Benefits: ${o.stakeholders.benefits}.`}
    </p>
    <details>
      <summary>Approach, objections and risks</summary>
      <ol>
        ${o.approach.map((s) => html`<li>${s}</li>`)}
      </ol>
      <dl>
        ${o.objections.map(
          (x) =>
            html`<dt>${x.objection}</dt>
              <dd>${x.response}</dd>`,
        )}
      </dl>
      <ul>
        ${o.risks.map((r) => html`<li>${r}</li>`)}
      </ul>
    </details>
    <details>
      <summary>Score history</summary>
      ${scoreHistoryTable(history)}
    </details>
  </article>`;
}
