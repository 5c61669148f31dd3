/**
 * The accounts list: every scored account, best first, with the same filters as
 * `GET /api/accounts` (tier, health, owner, readiness) as a plain GET form.
 */
import { money } from '../../narrative/format.js';
import { HEALTH, READINESS } from '../../model/index.js';
import { html, type SafeHtml } from '../html.js';
import type { AccountFilter, AccountListItem } from '../queries.js';
import { READINESS_LABELS } from '../../view/labels.js';
import { page } from './layout.js';

const READINESS_LABEL: Record<string, string> = READINESS_LABELS;

/**
 * A health light: the word is in the text, the colour is a class. `label` words it (the card's
 * "Healthy"), else the light's own name shows.
 */
export function healthBadge(health: string, label = health): SafeHtml {
  return html`<span class="health ${health}">${label}</span>`;
}

function select(
  name: string,
  current: string | undefined,
  options: readonly string[],
  label: (o: string) => string,
): SafeHtml {
  return html`<label
    >${name}
    <select name="${name}">
      <option value="">any</option>
      ${options.map((o) => html`<option value="${o}" ${o === current ? 'selected' : ''}>${label(o)}</option>`)}
    </select></label
  >`;
}

export function accountsPage(accounts: AccountListItem[], filter: AccountFilter): SafeHtml {
  const body = html`
    <h1>Accounts</h1>
    <form method="get" action="/accounts" class="filters">
      ${select('tier', filter.tier?.toString(), ['1', '2', '3', '4', '5'], (t) => `Tier ${t}`)}
      ${select('health', filter.health, HEALTH, (h) => h)}
      ${select('readiness', filter.readiness, READINESS, (r) => READINESS_LABEL[r] ?? r)}
      <label
        >owner <input name="owner" value="${filter.owner ?? ''}" placeholder="name or email"
      /></label>
      <button type="submit">Filter</button>
    </form>
    <table id="accounts">
      <thead>
        <tr>
          <th>Account</th>
          <th>Owner</th>
          <th>ARR</th>
          <th>Health</th>
          <th>Readiness</th>
          <th>Best score</th>
          <th>Tier</th>
          <th>Potential ARR</th>
          <th>Opportunities</th>
          <th>Flags</th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map(
          (a) =>
            html`<tr>
              <td><a href="/accounts/${encodeURIComponent(a.accountId)}">${a.name}</a></td>
              <td>${a.owner?.name ?? a.owner?.email ?? ''}</td>
              <td class="num">${money(a.arr)}</td>
              <td>${healthBadge(a.health)}</td>
              <td>${READINESS_LABEL[a.readiness] ?? a.readiness}</td>
              <td class="num">${a.bestScore.toFixed(1)}</td>
              <td class="num">${a.bestTier || '–'}</td>
              <td class="num">${money(a.potentialArr)}</td>
              <td class="num">${a.opportunityCount}</td>
              <td>${a.flags.join(', ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${accounts.length === 0 && html`<p class="muted">No account matches these filters.</p>`}
  `;
  return page({ title: 'Accounts', body, nav: true });
}
