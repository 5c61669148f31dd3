/**
 * The account page of the console, and the compact view embedded in Salesforce and HubSpot.
 * Both render the same `AccountView` (built by `account-view.ts`) through the shared card view
 * model (`src/view/account-card.ts`, which the CRM cards show too); the embedded one keeps to
 * what fits a record-page iframe: the card's facts, the best plays, their evidence and pitch.
 */
import type { AccountCard } from '../../view/account-card.js';
import { html, type SafeHtml } from '../html.js';
import { cardOf, type AccountView } from '../account-view.js';
import { healthBadge } from './accounts.js';
import { page } from './layout.js';
import { championSection, outreachSection, qbrSection, unlockSection } from './narratives.js';
import { opportunityCard } from './opportunity.js';

/** The account's card facts (shared with the CRM cards), plus the plan the console also shows. */
function header(v: AccountView, card: AccountCard): SafeHtml {
  const plan = v.account?.plan;
  return html`<header class="account">
    <h1>${card.name}</h1>
    <p class="meta">
      ${card.arrText && html`${card.arrText} ARR`}
      ${card.health && html` · ${healthBadge(card.health.light, card.health.label)}`}
      ${card.readiness && html` · ${card.readiness.label}`}
      ${card.tierLabel && html` · best score ${card.score} (${card.tierLabel})`}
      ${card.potentialArrText && html` · potential ${card.potentialArrText}`}
      ${card.owner && html` · owner ${card.owner}`} ${plan && html` · plan ${plan}`}
      ${card.renewal && html` · renews ${card.renewal}`}
    </p>
    <p class="next-action">
      <strong>Next action:</strong>
      ${card.nextAction.text}${card.nextAction.deadline && html` (by ${card.nextAction.deadline})`}
    </p>
    ${
      card.health &&
      card.health.reasons.length > 0 &&
      html`<ul class="health-reasons">
        ${card.health.reasons.map((r) => html`<li>${r}</li>`)}
      </ul>`
    }
    ${card.flags.length > 0 && html`<p class="flags">${card.flags.map((f) => html`<span class="flag">${f}</span> `)}</p>`}
  </header>`;
}

export function accountPage(v: AccountView): SafeHtml {
  const body = html`
    ${header(v, cardOf(v))}
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
  const card = cardOf(v, 3);
  const body = html`
    ${header(v, card)}
    ${card.opportunities.map(
      (o) =>
        html`<article class="opportunity compact" data-status="${o.status}">
          <h3>${o.title}</h3>
          <p class="meta">
            ${o.typeLabel} · ${o.tierLabel} · score ${o.score} · ${o.estimatedArrText} ·
            ${o.timingLabel} · deadline
            ${o.deadline}${o.status !== 'open' && html` · ${o.statusLabel}`}
          </p>
          <ul class="evidence">
            ${o.evidence.map((e) => html`<li>${e}</li>`)}
          </ul>
          <p class="pitch">${o.pitch}</p>
        </article>`,
    )}
    ${card.opportunities.length === 0 && html`<p class="muted">No open expansion play for this account.</p>`}
    ${card.moreOpportunities > 0 && html`<p class="muted">${card.moreOpportunities} more in Headroom.</p>`}
    ${consoleUrl && html`<p><a href="${consoleUrl}" target="_blank" rel="noopener">Open in Headroom</a></p>`}
  `;
  return page({ title: card.name, body, embedded: true });
}
