/**
 * Health rules on what the account says and does: its last QBR, its support tickets read by what
 * they are about, competitor evaluations driven by dissatisfaction, its usage trend and champion
 * loss. Each real retention risk is red on its own.
 */
import type { Account, Signal } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import type { Judgment } from './health.js';
import type { PortfolioFacts } from './portfolio-facts.js';
import { toDay } from './dates.js';
import { signedPct } from './format.js';

type Settings = ScoringSettings['health'];

export function judgeQbr(account: Account, asOfDay: number, s: Settings): Judgment[] {
  const qbr = account.health?.lastQbr;
  if (!qbr || asOfDay - toDay(qbr.date) > s.qbrWithinDays) return [];
  const field = 'health.lastQbr';
  if (qbr.outcome === 'negative')
    return [{ level: 'red', text: `negative QBR on ${qbr.date}`, field, value: qbr.outcome }];
  if (qbr.outcome === 'positive')
    return [{ level: 'good', text: `positive QBR on ${qbr.date}`, field, value: qbr.outcome }];
  return [];
}

/** Tickets by meaning: a risk theme (outage, data loss, bug) at spike volume is red, below it
 * yellow; a spike of enablement themes (how-to, onboarding) is an opportunity, not a risk; a
 * spike nobody says the cause of is yellow. */
export function judgeTickets(account: Account, facts: PortfolioFacts, s: Settings): Judgment[] {
  const h = account.health;
  if (!h) return [];
  const count = h.tickets90d;
  const themes = facts.themes.split(h.ticketThemes);
  const spike = count !== undefined && count >= s.ticketSpike90d;
  const tickets = count === undefined ? 'support tickets' : `${count} support tickets in 90 days`;
  if (themes.risk.length > 0) {
    const about = `${tickets} about ${themes.risk.join(', ')}: product risk`;
    return [
      spike
        ? {
            level: 'red',
            text: `${about} (red at ${s.ticketSpike90d})`,
            field: 'health.ticketThemes',
            value: themes.risk.join(', '),
            threshold: s.ticketSpike90d,
          }
        : {
            level: 'yellow',
            text:
              count === undefined
                ? `${about} (ticket count unknown)`
                : `${about}, below the spike at ${s.ticketSpike90d}`,
            field: 'health.ticketThemes',
            value: themes.risk.join(', '),
            threshold: s.ticketSpike90d,
          },
    ];
  }
  if (!spike) return [];
  if (themes.enablement.length > 0) {
    const text = `${tickets} about ${themes.enablement.join(', ')}: enablement needs, not product risk`;
    return [{ level: 'good', text, field: 'health.ticketThemes', value: count }];
  }
  const text = `${tickets} (spike at ${s.ticketSpike90d}), no theme says why`;
  return [
    {
      level: 'yellow',
      text,
      field: 'health.tickets90d',
      value: count,
      threshold: s.ticketSpike90d,
    },
  ];
}

/** A competitor evaluated because the customer is unhappy ("replacement at renewal"), not a tool
 * used alongside (that is a displacement opportunity, seeds/004). */
export function judgeCompetitors(
  signals: readonly Signal[],
  asOf: string,
  asOfDay: number,
  facts: PortfolioFacts,
  s: Settings,
): Judgment[] {
  const out: Judgment[] = [];
  for (const sig of signals) {
    if (sig.kind !== 'competitor' || sig.date > asOf) continue;
    if (asOfDay - toDay(sig.date) > s.competitorWithinDays) continue;
    const word = facts.competitorRisk.find(sig.detail);
    if (!word) continue;
    out.push({
      level: 'red',
      text: `competitor evaluation on ${sig.date} ("${sig.detail}"): dissatisfaction ("${word}")`,
      field: 'signals[competitor].detail',
      value: sig.detail,
    });
  }
  return out;
}

export function judgeUsage(usageTrendPct: number | undefined, s: Settings): Judgment[] {
  if (usageTrendPct === undefined) return [];
  const t = signedPct(usageTrendPct);
  const value = Math.round(usageTrendPct);
  const field = 'usage';
  if (usageTrendPct <= s.declineRedPct)
    return [
      {
        level: 'red',
        text: `usage ${t} over the window (red at ${s.declineRedPct}%)`,
        field,
        value,
        threshold: s.declineRedPct,
      },
    ];
  if (usageTrendPct <= s.declineYellowPct)
    return [
      {
        level: 'yellow',
        text: `usage ${t} over the window (declining at ${s.declineYellowPct}%)`,
        field,
        value,
        threshold: s.declineYellowPct,
      },
    ];
  return usageTrendPct > 0
    ? [{ level: 'good', text: `usage ${t} over the window`, field, value }]
    : [];
}

/** A champion lost with no successor is red; with champions remaining, yellow. */
export function judgeChampions(lost: number, remaining: number): Judgment[] {
  if (lost === 0) return [];
  const field = 'contacts.status';
  return remaining > 0
    ? [
        {
          level: 'yellow',
          text: `${lost} champion(s) left; ${remaining} remain`,
          field,
          value: remaining,
        },
      ]
    : [{ level: 'red', text: 'champion lost and no champion remains', field, value: remaining }];
}
