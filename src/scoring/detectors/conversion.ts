/**
 * Conversion candidates (seeds/004): trial and free accounts are not expansion. The paid plan is
 * the tier on trial (or the entry tier), for the people actually using it; likelihood leans on
 * activity and engagement.
 */
import type { AccountContext } from '../context.js';
import { money, pct, signedPct } from '../format.js';
import { windowTrend } from '../usage-series.js';
import { ev, type Candidate } from './candidate.js';

export function detectConversion(ctx: AccountContext): Candidate[] {
  const { account, seats, cx } = ctx;
  if (account.lifecycle !== 'trial' && account.lifecycle !== 'free') return [];
  const tier = ctx.tier ?? cx.catalog.tiers[0]!;
  const activeContacts = ctx.records.contacts.filter((c) => c.status === 'active').length;
  const users = Math.max(1, seats?.active || seats?.licensed || activeContacts);
  const arr = users * tier.seatPrice;
  const evidence = [
    ev(
      'lifecycle',
      `${account.lifecycle === 'trial' ? 'Trial' : 'Free'} account`,
      account.lifecycle,
      undefined,
      'lifecycle',
    ),
  ];
  let strength = 0.3;
  if (seats && seats.licensed > 0) {
    const u = seats.active / seats.licensed;
    evidence.push(
      ev(
        'trial_activity',
        `${seats.active} of ${seats.licensed} seats active (${pct(u)}%)`,
        pct(u),
        undefined,
        'seats.active / seats.licensed',
      ),
    );
    if (u >= 0.5) strength += 0.3;
  }
  const trend = windowTrend(ctx.seatReadings, ctx.settings.usage.windowDays);
  if (trend && trend.pct > 0) {
    evidence.push(
      ev(
        'usage_trend',
        `Active users ${trend.first.value} to ${trend.last.value} (${signedPct(trend.pct)})`,
        Math.round(trend.pct),
        undefined,
        `usage[${ctx.settings.usage.seatMetric}]`,
      ),
    );
    strength += 0.2;
  }
  if (ctx.engagement.engagedContacts > 0) {
    evidence.push(
      ev(
        'engagement',
        `${ctx.engagement.engagedContacts} contact(s) engaged recently`,
        ctx.engagement.engagedContacts,
        undefined,
        'contacts.lastEngagedAt',
      ),
    );
    strength += 0.2;
  }
  const end = ctx.renewal.next;
  if (end)
    evidence.push(
      ev(
        'trial_end',
        `${account.lifecycle === 'trial' ? 'Trial ends' : 'Plan review'} on ${end}`,
        end,
        undefined,
        'contract.renewal',
      ),
    );
  evidence.push(
    ev(
      'sizing',
      `${users} users x ${money(tier.seatPrice)} (${tier.name}) = ${money(arr)}`,
      arr,
      undefined,
      'catalog.tiers.seatPrice',
    ),
  );
  return [
    {
      type: 'conversion',
      category: 'conversion',
      subject: tier.key,
      title: `Convert to ${tier.name}: ${users} active user(s)`,
      description: `Convert the ${account.lifecycle} account to a paid ${tier.name} plan for the ${users} people using it.`,
      evidence,
      currentState: `${account.lifecycle} account`,
      proposedState: `${tier.name}, ${users} seats`,
      estimatedArr: arr,
      strength: Math.min(1, strength),
      strongTrigger: false,
      seats: users,
      risks: [],
    },
  ];
}
