/**
 * The health light (seeds/001 timing engine): red means retention first and no expansion pitch;
 * yellow means nurture; green means expand. Every colour comes with the reasons that set it.
 */
import type { Account } from '../model/records.js';
import type { Health } from '../model/output.js';
import type { ScoringSettings } from './settings/index.js';
import { toDay } from './dates.js';
import { signedPct } from './format.js';

export interface HealthInput {
  account: Account;
  asOfDay: number;
  /** Usage trend over the window in % (seat metric first), when there is history. */
  usageTrendPct: number | undefined;
  /** Champion departures, and whether an active champion remains. */
  championsLost: number;
  championsLeft: number;
}

/** One reason behind the light, with the value, threshold and field it came from. */
export interface HealthReason {
  text: string;
  field: string;
  value?: number | string;
  threshold?: number;
}

export interface HealthResult {
  light: Health;
  /** Reasons that set the colour (for red and yellow: the problems). */
  reasons: string[];
  /** The problems, structured, for stabilization evidence; empty when green. */
  problems: HealthReason[];
}

export function assessHealth(input: HealthInput, s: ScoringSettings['health']): HealthResult {
  const { account, usageTrendPct } = input;
  const h = account.health;
  const red: HealthReason[] = [];
  const yellow: HealthReason[] = [];
  const good: string[] = [];
  if (account.lifecycle === 'churned')
    red.push({ text: 'account has churned', field: 'lifecycle', value: 'churned' });
  if (h?.score !== undefined) {
    if (h.score < s.scoreRed)
      red.push({
        text: `health score ${h.score} is below ${s.scoreRed}`,
        field: 'health.score',
        value: h.score,
        threshold: s.scoreRed,
      });
    else if (h.score < s.scoreYellow)
      yellow.push({
        text: `health score ${h.score} is below ${s.scoreYellow}`,
        field: 'health.score',
        value: h.score,
        threshold: s.scoreYellow,
      });
    else good.push(`health score ${h.score}/100`);
  }
  if (h?.nps !== undefined) {
    if (h.nps < s.npsRed)
      red.push({
        text: `NPS ${h.nps} is below ${s.npsRed}`,
        field: 'health.nps',
        value: h.nps,
        threshold: s.npsRed,
      });
    else if (h.nps < s.npsYellow)
      yellow.push({
        text: `NPS ${h.nps} is below ${s.npsYellow}`,
        field: 'health.nps',
        value: h.nps,
        threshold: s.npsYellow,
      });
    else good.push(`NPS ${h.nps}`);
  }
  const qbr = h?.lastQbr;
  if (qbr && input.asOfDay - toDay(qbr.date) <= s.qbrWithinDays) {
    if (qbr.outcome === 'negative')
      yellow.push({
        text: `negative QBR on ${qbr.date}`,
        field: 'health.lastQbr',
        value: qbr.outcome,
      });
    else if (qbr.outcome === 'positive') good.push(`positive QBR on ${qbr.date}`);
  }
  if (h?.tickets90d !== undefined && h.tickets90d >= s.ticketSpike90d) {
    yellow.push({
      text: `${h.tickets90d} support tickets in 90 days (spike at ${s.ticketSpike90d})`,
      field: 'health.tickets90d',
      value: h.tickets90d,
      threshold: s.ticketSpike90d,
    });
  }
  if (usageTrendPct !== undefined) {
    const t = signedPct(usageTrendPct);
    const value = Math.round(usageTrendPct);
    const field = 'usage';
    if (usageTrendPct <= s.declineRedPct) {
      red.push({
        text: `usage ${t} over the window (red at ${s.declineRedPct}%)`,
        field,
        value,
        threshold: s.declineRedPct,
      });
    } else if (usageTrendPct <= s.declineYellowPct) {
      yellow.push({
        text: `usage ${t} over the window (declining at ${s.declineYellowPct}%)`,
        field,
        value,
        threshold: s.declineYellowPct,
      });
    } else if (usageTrendPct > 0) good.push(`usage ${t} over the window`);
  }
  if (input.championsLost > 0) {
    yellow.push({
      text:
        input.championsLeft > 0
          ? `${input.championsLost} champion(s) left; ${input.championsLeft} remain`
          : 'champion lost and no champion remains',
      field: 'contacts.status',
      value: input.championsLeft,
    });
  }
  if (red.length > 0 || yellow.length >= s.yellowReasonsForRed) {
    const problems = [...red, ...yellow];
    return { light: 'red', reasons: problems.map((p) => p.text), problems };
  }
  if (yellow.length > 0)
    return { light: 'yellow', reasons: yellow.map((p) => p.text), problems: yellow };
  return {
    light: 'green',
    reasons: good.length > 0 ? good : ['no risk signals in the data'],
    problems: [],
  };
}
