/**
 * The account page of the console, and the compact view embedded in Salesforce and HubSpot.
 * Both render the same `AccountView` (built by `account-view.ts`); the embedded one keeps to
 * what fits a record-page iframe: health, the best plays, their evidence and pitch.
 */
import { money } from '../../narrative/format.js';
import { html, type SafeHtml } from '../html.js';
import type { AccountView } from '../account-view.js';
import { healthBadge } from './accounts.js';
import { page } from './layout.js';
import { championSection, outreachSection, qbrSection, unlockSection } from './narratives.js';
import { opportunityCard } from './opportunity.js';

function header(v: AccountView): SafeHtml {
  const s = v.summary;
  const a = v.account;
  return html`<header class="account">
    <h1>${v.name}</h1>
    <p class="meta">
      ${
        s &&
        html`${money(s.arr, v.currency)} ARR · ${healthBadge(s.health)} ·
        ${s.readiness.replace(/_/g, ' ')} · best score ${s.bestScore.toFixed(1)} · potential
        ${money(s.potentialArr, v.currency)}`
      }
      ${a?.owner?.name && html` · owner ${a.owner.name}`} ${a?.plan && html` · plan ${a.plan}`}
      ${a?.contract?.renewal && html` · renews ${a.contract.renewal}`}
    </p>
    ${
      s &&
      s.healthReasons.length > 0 &&
      html`<ul class="health-reasons">
        ${s.healthReasons.map((r) => html`<li>${r}</li>`)}
      </ul>`
    }
    ${s && s.flags.length > 0 && html`<p class="flags">${s.flags.map((f) => html`<span class="flag">${f.replace(/_/g, ' ')}</span> `)}</p>`}
  </header>`;
}

export function accountPage(v: AccountView): SafeHtml {
  const body = html`
    ${header(v)}
    <section id="opportunities">
      <h2>Opportunities (${v.opportunities.length})</h2>
      ${v.opportunities.map((o) => opportunityCard(o.row, o.history, v.currency))}
      ${v.opportunities.length === 0 && html`<p class="muted">No opportunity detected for this account.</p>`}
    </section>
    ${unlockSection(v.unlock)} ${v.qbr && qbrSection(v.qbr)} ${outreachSection(v.outreach)}
    ${championSection(v.championPlans)}
  `;
  return page({ title: v.name, body, nav: true });
}

/** The iframe view: compact, no navigation, links open the console in a new tab. */
export function embeddedAccountPage(v: AccountView, consoleUrl?: string): SafeHtml {
  const open = v.opportunities
    .filter((o) => o.row.status === 'open' || o.row.status === 'accepted')
    .slice(0, 3);
  const body = html`
    ${header(v)}
    ${open.map(
      ({ row: { data: o, status } }) =>
        html`<article class="opportunity compact" data-status="${status}">
          <h3>${o.title}</h3>
          <p class="meta">
            Tier ${o.tier} · score ${o.scores.composite.toFixed(1)} ·
            ${money(o.estimatedArr, v.currency)} · ${o.timing}
          </p>
          <ul class="evidence">
            ${o.evidence.slice(0, 3).map((e) => html`<li>${e.text}</li>`)}
          </ul>
          <p class="pitch">${o.pitch}</p>
        </article>`,
    )}
    ${open.length === 0 && html`<p class="muted">No open expansion play for this account.</p>`}
    ${consoleUrl && html`<p><a href="${consoleUrl}" target="_blank" rel="noopener">Open in Headroom</a></p>`}
  `;
  return page({ title: v.name, body, embedded: true });
}
