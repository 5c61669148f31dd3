/**
 * The mapping preview's profile: per neutral field the fill rate, values or range and refusals,
 * then the scales, the health-light and tier distribution and what a sync would warn about, so
 * "plan: 100% refused" or "95% red" is seen before the mapping is saved.
 */
import { refusedCell, valuesCell } from '../../profile/render.js';
import type { Profile } from '../../profile/profile.js';
import { html, type SafeHtml } from '../html.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function profileBlock(p: Profile): SafeHtml {
  const accounts = p.health.green + p.health.yellow + p.health.red;
  const share = (n: number) => (accounts ? pct(n / accounts) : '0%');
  const scale = (k: 'nps' | 'csat' | 'healthScore') =>
    `${k} ${p.scales.effective[k] ?? 'auto'}${p.scales.declared[k] ? ' (declared)' : ''}`;
  return html`<section id="profile">
    <h3>Profile (${p.objects.map((o) => `${o.pulled} ${o.object}`).join(', ')} records)</h3>
    ${
      p.warnings.length > 0 &&
      html`<ul class="warnings">
        ${p.warnings.map((w) => html`<li class="warning">${w.message}</li>`)}
      </ul>`
    }
    <p id="profile-health">
      Health: ${share(p.health.green)} green, ${share(p.health.yellow)} yellow,
      <strong>${share(p.health.red)} red</strong> of ${accounts} accounts. Best expansion tier:
      ${(['1', '2', '3', '4', '5'] as const).map((t) => `tier ${t}: ${p.tiers[t]}, `)}none:
      ${p.tiers.none}. Scales: ${[scale('nps'), scale('csat'), scale('healthScore')].join(', ')}.
    </p>
    ${p.objects.map(
      (o) =>
        html`<h4>
            ${o.object} ← ${o.from}: ${o.pulled} pulled, ${o.mapped} mapped, ${o.skipped} skipped
          </h4>
          <table class="profile">
            <thead>
              <tr>
                <th>Field</th>
                <th>Filled</th>
                <th>Values / range</th>
                <th>Refused</th>
              </tr>
            </thead>
            <tbody>
              ${o.fields.map(
                (f) =>
                  html`<tr class="${f.refused ? 'has-issues' : ''}">
                    <td><code>${f.field}</code></td>
                    <td class="num">${pct(f.fillRate)}</td>
                    <td>${valuesCell(f)}</td>
                    <td>${refusedCell(f)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
    )}
  </section>`;
}
