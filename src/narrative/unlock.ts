/**
 * For accounts without an expansion play (red, too new, no data, fully penetrated): why there is
 * none, and what would have to change for one to emerge. Seed 004: "Respect account health …
 * expansion should wait until health improves."
 */
import type { AccountSummary, Opportunity } from '../model/index.js';
import { seatLine } from './context.js';
import { addDays, daysBetween, longDate, pct } from './format.js';
import type { NarrativeContext } from './types.js';

/** The seed's four reasons, first match wins. */
export function whyNoOpportunities(summary: AccountSummary, ctx: NarrativeContext): string {
  const { account, asOf } = ctx;
  if (summary.health === 'red') return 'Health issues must be resolved first';
  if (account.lifecycle === 'trial' || account.lifecycle === 'free')
    return 'Not a paying customer yet: a conversion candidate, not an expansion';
  if (account.contract?.start && daysBetween(account.contract.start, asOf) < 90)
    return 'Relationship too new';
  if (summary.flags.includes('activation'))
    return 'Adoption comes first: the team is not using what it already pays for';
  if (summary.flags.includes('low_confidence') || (!account.seats && !account.health))
    return 'Insufficient data';
  return 'Account is fully penetrated on the signals available';
}

/**
 * What would unlock expansion: one line per obstacle, each naming the figure behind it.
 * Also used for red accounts that do have (non-expansion) plays.
 */
export function unlockPlan(summary: AccountSummary, ctx: NarrativeContext): string[] {
  const { account, asOf } = ctx;
  const h = account.health;
  const out: string[] = [];
  if (summary.health === 'red') {
    for (const r of summary.healthReasons) out.push(`Resolve: ${r}.`);
    if (h?.score !== undefined)
      out.push(`Bring the health score from ${h.score} back above the green line.`);
    if (h?.tickets90d)
      out.push(
        `Cut the support load (${h.tickets90d} tickets in 90 days${h.ticketThemes.length ? `: ${h.ticketThemes.join(', ')}` : ''}) with fixes for the recurring themes.`,
      );
    if (h?.lastQbr?.outcome === 'negative')
      out.push(
        `Hold a recovery review; the last one on ${longDate(h.lastQbr.date)} ended negative.`,
      );
  }
  if (summary.flags.includes('champion_left'))
    out.push('Develop a new champion and record them in the CRM.');
  const s = account.seats;
  if (s && s.licensed > 0 && s.active / s.licensed < 0.6)
    out.push(`Activate what is licensed first: ${seatLine(account)}; expansion follows adoption.`);
  if (account.lifecycle === 'trial' || account.lifecycle === 'free')
    out.push('Convert to a paid plan: usage during the trial is the case.');
  if (account.contract?.start && daysBetween(account.contract.start, asOf) < 90)
    out.push(
      `Let the team settle in; revisit after ${longDate(addDays(account.contract.start, 90))}.`,
    );
  if (summary.flags.includes('just_renewed') && account.contract?.start)
    out.push(
      `Just renewed: the natural window opens 2 to 4 months into the term, from ${longDate(addDays(account.contract.start, 60))}.`,
    );
  const missing = missingData(ctx);
  if (missing.length)
    out.push(`Capture the missing data (${missing.join(', ')}) so signals can be read.`);
  if (out.length === 0) {
    const seats = s && s.licensed > 0 ? ` (seat utilization ${pct(s.active / s.licensed)})` : '';
    out.push(
      `Watch for growth triggers: new teams, headcount growth, new initiatives or usage nearing plan limits${seats}.`,
    );
  }
  return out;
}

/** Neutral fields whose absence lowers confidence, named as an admin would look for them. */
export function missingData(ctx: NarrativeContext): string[] {
  const a = ctx.account;
  const out: string[] = [];
  if (!a.seats) out.push('licensed and active seats');
  if (!a.health) out.push('health score, NPS and tickets');
  if (!a.contract?.renewal) out.push('renewal date');
  if (a.employees === undefined) out.push('employee count');
  if (!a.plan) out.push('plan');
  if (ctx.contacts.length === 0) out.push('contacts with buying roles');
  return out;
}

/** The account's expansion-category opportunities, best first. */
export function expansionOf<O extends Pick<Opportunity, 'category' | 'scores'>>(
  opps: readonly O[],
): O[] {
  return opps
    .filter((o) => o.category === 'expansion')
    .sort((a, b) => b.scores.composite - a.scores.composite);
}
