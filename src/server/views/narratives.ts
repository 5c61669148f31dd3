/**
 * The account page's narrative blocks, rendered from the narrative layer's plain data: the QBR
 * agenda, outreach drafts per opportunity, the plan for a departed champion, and what would
 * unlock expansion at a red account.
 */
import type { ChampionPlan, OutreachDrafts, QbrAgenda } from '../../narrative/types.js';
import { html, type SafeHtml } from '../html.js';

const list = (items: readonly string[]): SafeHtml =>
  html`<ul>
    ${items.map((i) => html`<li>${i}</li>`)}
  </ul>`;

/** Paragraphs of an email body (blank lines separate them). */
const paragraphs = (text: string): SafeHtml[] =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);

export function qbrSection(q: QbrAgenda): SafeHtml {
  return html`<section id="qbr-agenda">
    <h2>QBR agenda (${q.durationMinutes} minutes, prepared ${q.preparedOn})</h2>
    <p class="muted">
      Customer: ${q.attendees.customer.join(', ') || '—'} · Ours:
      ${q.attendees.ours.join(', ') || '—'}
      ${!q.expansionFocus && html` · no expansion ask in this QBR`}
    </p>
    <ol class="qbr">
      ${q.sections.map(
        (s) =>
          html`<li>
            <h3>${s.title} <span class="muted">(${s.minutes} min)</span></h3>
            ${list(s.points)}
            ${
              s.questions.length > 0 &&
              html`<p><em>Discussion questions</em></p>
                ${list(s.questions)}`
            }
          </li>`,
      )}
    </ol>
  </section>`;
}

export function outreachSection(drafts: OutreachDrafts[]): SafeHtml {
  if (!drafts.length) return html``;
  return html`<section id="outreach">
    <h2>Outreach drafts</h2>
    ${drafts.map(
      (d) =>
        html`<details class="outreach">
          <summary>
            To ${d.to.name}${d.to.title && html` (${d.to.title})`} — ${d.preMeetingEmail.subject}
          </summary>
          <h4>Pre-meeting email: ${d.preMeetingEmail.subject}</h4>
          ${paragraphs(d.preMeetingEmail.body)}
          <h4>Opening talking points</h4>
          ${list(d.openingTalkingPoints)}
          <p><strong>Framing the hypothesis:</strong> ${d.hypothesisFraming}</p>
          <h4>Discovery questions</h4>
          ${list(d.discoveryQuestions)}
          <h4>Follow-up: ${d.followUp.subject}</h4>
          ${paragraphs(d.followUp.body)}
        </details>`,
    )}
  </section>`;
}

export function championSection(plans: ChampionPlan[]): SafeHtml {
  if (!plans.length) return html``;
  return html`<section id="champion-plan">
    <h2>Champion plan</h2>
    ${plans.map(
      (p) =>
        html`<article class="champion">
          <h3>${p.contactName} left — ${p.risk.level} risk</h3>
          ${list(p.risk.reasons)}
          <h4>Stabilize the account</h4>
          ${list(p.stabilize)}
          ${
            p.newCompany &&
            html`<h4>
                New-company opportunity:
                ${p.newCompany.company}${p.newCompany.title && html` (${p.newCompany.title})`}
              </h4>
              <p>${p.newCompany.hypothesis}</p>
              ${list(p.newCompany.steps)}`
          }
          <h4>Reach out to ${p.contactName} (${p.outreach.timing})</h4>
          <p>${p.outreach.message}</p>
          <p><strong>Ask:</strong> ${p.outreach.ask}</p>
          <h4>A new champion by ${p.newChampion.by}</h4>
          <p>Candidates: ${p.newChampion.candidates.join(', ') || 'none identified yet'}</p>
          ${list(p.newChampion.steps)}
        </article>`,
    )}
  </section>`;
}

/**
 * What would unlock expansion at a red account. The narrative layer's shape is rendered
 * generically (a title, then lines), so any list-of-strings plan shows without coupling.
 */
export function unlockSection(plan: { title?: string; items: string[] } | undefined): SafeHtml {
  if (!plan || !plan.items.length) return html``;
  return html`<section id="unlock-plan">
    <h2>${plan.title ?? 'What would unlock expansion'}</h2>
    ${list(plan.items)}
  </section>`;
}
