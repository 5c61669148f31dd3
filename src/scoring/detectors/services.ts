/**
 * Services and support: the catalog says which triggers make each service relevant
 * (`new_department`, `acquisition`, `new_office`, `low_adoption`, `ticket_volume`,
 * `enablement_tickets`). A service triggered by ticket volume is a support upgrade; the others
 * are professional services. Tickets count by meaning (settings `ticketThemes`).
 */
import type { Evidence } from '../../model/output.js';
import type { AccountContext } from '../context.js';
import { priceBasis, priceOf } from '../catalog-index.js';
import { toDay } from '../dates.js';
import { money, pct } from '../format.js';
import { ev, strengthOf, type Candidate } from './candidate.js';

function addTo(found: Map<string, Evidence[]>, key: string, e: Evidence): void {
  const list = found.get(key);
  if (list) list.push(e);
  else found.set(key, [e]);
}

function triggers(
  ctx: AccountContext,
  newDepartments: readonly Candidate[],
): Map<string, Evidence[]> {
  const s = ctx.settings.services;
  const found = new Map<string, Evidence[]>();
  const rollout = newDepartments.reduce((n, c) => n + (c.seats ?? 0), 0);
  if (newDepartments.length > 0 && rollout >= s.minRolloutSeats) {
    const names = newDepartments.map((c) => c.benefits ?? c.subject).join(', ');
    addTo(
      found,
      'new_department',
      ev(
        'rollout',
        `Rollout of ${rollout} seats to ${names}`,
        rollout,
        s.minRolloutSeats,
        'departments',
      ),
    );
  }
  for (const sig of ctx.records.signals) {
    if ((sig.kind !== 'acquisition' && sig.kind !== 'new_office') || sig.date > ctx.asOf) continue;
    if (ctx.asOfDay - toDay(sig.date) > ctx.settings.whitespace.signalLookbackDays) continue;
    addTo(
      found,
      sig.kind,
      ev(
        sig.kind,
        `${sig.kind.replace('_', ' ')} on ${sig.date}${sig.detail ? `: ${sig.detail}` : ''}`,
        sig.detail || sig.kind,
        undefined,
        `signals[${sig.kind}]`,
      ),
    );
  }
  const seats = ctx.seats;
  if (seats && seats.licensed > 0 && seats.active / seats.licensed < s.lowAdoptionUtil) {
    const purchase = ctx.records.deals.find(
      (d) =>
        d.won &&
        d.closeDate &&
        (d.kind === 'new' || d.kind === 'expansion') &&
        d.closeDate <= ctx.asOf &&
        ctx.asOfDay - toDay(d.closeDate) <= s.purchaseLookbackDays,
    );
    if (purchase) {
      addTo(
        found,
        'low_adoption',
        ev(
          'low_adoption',
          `${pct(seats.active / seats.licensed)}% of seats active since "${purchase.name}" closed on ${purchase.closeDate}, below ${pct(s.lowAdoptionUtil)}%`,
          pct(seats.active / seats.licensed),
          pct(s.lowAdoptionUtil),
          'seats.active / seats.licensed',
        ),
      );
    }
  }
  ticketTriggers(ctx, found);
  return found;
}

/** Ticket volume read by what the tickets are about: enablement themes (how-to, onboarding) make
 * a training or support opportunity; risk themes (outage, data loss) make none, since selling
 * support to a customer the product is failing is no answer (the health light carries it). */
function ticketTriggers(ctx: AccountContext, found: Map<string, Evidence[]>): void {
  const s = ctx.settings.services;
  const h = ctx.account.health;
  const tickets = h?.tickets90d;
  if (!h || tickets === undefined || tickets < s.ticketVolume90d) return;
  const themes = ctx.facts.themes.split(h.ticketThemes);
  if (themes.risk.length > 0) return;
  const about = themes.enablement.length > 0 ? ` about ${themes.enablement.join(', ')}` : '';
  addTo(
    found,
    'ticket_volume',
    ev(
      'ticket_volume',
      `${tickets} support tickets in 90 days${about}, at or above ${s.ticketVolume90d}`,
      tickets,
      s.ticketVolume90d,
      'health.tickets90d',
    ),
  );
  if (themes.enablement.length === 0) return;
  addTo(
    found,
    'enablement_tickets',
    ev(
      'enablement_tickets',
      `Ticket themes ${themes.enablement.join(', ')}: the team needs enablement, not fixes`,
      themes.enablement.join(', '),
      undefined,
      'health.ticketThemes',
    ),
  );
}

export function detectServices(
  ctx: AccountContext,
  newDepartments: readonly Candidate[],
): Candidate[] {
  const found = triggers(ctx, newDepartments);
  if (found.size === 0) return [];
  const out: Candidate[] = [];
  for (const service of ctx.cx.catalog.services) {
    if (ctx.account.products.includes(service.key)) continue;
    const hit = service.triggers.filter((t) => found.has(t));
    if (hit.length === 0) continue;
    const support = service.triggers.includes('ticket_volume');
    const price = priceOf(service.price, ctx.seatBase, ctx.account.arr);
    const evidence = hit.flatMap((t) => found.get(t) ?? []);
    evidence.push(
      ev(
        'sizing',
        `${service.name}: ${priceBasis(service.price, ctx.seatBase)} = ${money(price)}`,
        price,
        undefined,
        `catalog.services.${service.key}.price`,
      ),
    );
    out.push({
      type: support ? 'support_upgrade' : 'professional_services',
      category: 'expansion',
      subject: service.key,
      title: `${service.name}: ${hit.map((t) => t.replace('_', ' ')).join(', ')}`,
      description: support
        ? `Move to ${service.name}: the ticket load shows the team needs faster, named help.`
        : `Offer ${service.name} to land the change (${hit.map((t) => t.replace('_', ' ')).join(', ')}) well.`,
      evidence,
      currentState: support ? 'Standard support' : 'No services engagement',
      proposedState: service.name,
      estimatedArr: price,
      strength: strengthOf(hit.length),
      strongTrigger: false,
      risks: [],
    });
  }
  return out;
}
