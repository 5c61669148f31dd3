/**
 * The health light (seeds/001 timing engine): red means retention first and no expansion pitch;
 * yellow means nurture; green means expand. Red means a real retention risk, each on its own: a
 * health score under the red line, a detractor, a negative QBR, a usage collapse, outage or
 * data-loss tickets, a competitor evaluation driven by dissatisfaction, a champion lost with no
 * successor, a churned account. Mild signals make yellow and do not add up to red unless the
 * settings say so (`health.yellowReasonsForRed`). Every colour comes with the reasons that set it.
 */
import type { Account, Signal } from '../model/records.js';
import type { Health } from '../model/output.js';
import type { ScoringSettings } from './settings/index.js';
import type { PortfolioFacts } from './portfolio-facts.js';
import {
  judgeChampions,
  judgeCompetitors,
  judgeQbr,
  judgeTickets,
  judgeUsage,
} from './health-risks.js';
import { judgeSurveys } from './health-surveys.js';

/** One reason behind the light, with the value, threshold and field it came from. */
export interface HealthReason {
  text: string;
  field: string;
  value?: number | string;
  threshold?: number;
}

/**
 * One rule's verdict on one fact about an account, the unit the light is built from. `red` is a
 * real retention risk on its own; `yellow` a warning; `good` a reason for green; `note` something
 * read but not judged (a value outside its scale), kept so nothing is silent.
 */
export interface Judgment extends HealthReason {
  level: 'red' | 'yellow' | 'good' | 'note';
}

/** Drops the level: what stabilization evidence and the output carry. */
function reasonOf(j: Judgment): HealthReason {
  const { level: _level, ...reason } = j;
  return reason;
}

export interface HealthInput {
  account: Account;
  asOf: string;
  asOfDay: number;
  /** The account's business signals (competitor evaluations are read from them). */
  signals: readonly Signal[];
  /** Usage trend over the window in % (seat metric first), when there is history. */
  usageTrendPct: number | undefined;
  /** Champion departures, and how many active champions remain. */
  championsLost: number;
  championsLeft: number;
  facts: PortfolioFacts;
}

export interface HealthResult {
  light: Health;
  /** Reasons that set the colour (for red and yellow: the problems), then anything read but not
   * judged (a value outside its scale). */
  reasons: string[];
  /** The problems, structured, for stabilization evidence; empty when green. */
  problems: HealthReason[];
}

function judgeAll(input: HealthInput, s: ScoringSettings['health']): Judgment[] {
  const { account, facts } = input;
  const out: Judgment[] = [];
  if (account.lifecycle === 'churned')
    out.push({ level: 'red', text: 'account has churned', field: 'lifecycle', value: 'churned' });
  out.push(...judgeSurveys(account, facts.scales, s));
  out.push(...judgeQbr(account, input.asOfDay, s));
  out.push(...judgeTickets(account, facts, s));
  out.push(...judgeCompetitors(input.signals, input.asOf, input.asOfDay, facts, s));
  out.push(...judgeUsage(input.usageTrendPct, s));
  out.push(...judgeChampions(input.championsLost, input.championsLeft));
  return out;
}

export function assessHealth(input: HealthInput, s: ScoringSettings['health']): HealthResult {
  const judged = judgeAll(input, s);
  const red = judged.filter((j) => j.level === 'red');
  const yellow = judged.filter((j) => j.level === 'yellow');
  const notes = judged.filter((j) => j.level === 'note').map((j) => j.text);
  const compounds = s.yellowReasonsForRed > 0 && yellow.length >= s.yellowReasonsForRed;
  if (red.length > 0 || compounds) {
    const problems = [...red, ...yellow].map(reasonOf);
    return { light: 'red', reasons: [...problems.map((p) => p.text), ...notes], problems };
  }
  if (yellow.length > 0) {
    const problems = yellow.map(reasonOf);
    return { light: 'yellow', reasons: [...problems.map((p) => p.text), ...notes], problems };
  }
  const good = judged.filter((j) => j.level === 'good').map((j) => j.text);
  const reasons = good.length > 0 ? good : ['no risk signals in the data'];
  return { light: 'green', reasons: [...reasons, ...notes], problems: [] };
}
