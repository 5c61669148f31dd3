/**
 * Health rules on survey and health-score values, each judged on the scale the portfolio's values
 * come on (declared or detected, and said so in the reason): a health score under the red line
 * and a detractor are red; the bands between are yellow; low CSAT is at most yellow.
 */
import type { Account } from '../model/records.js';
import type { ScoringSettings } from './settings/index.js';
import type { Judgment } from './health.js';
import { round } from './format.js';
import {
  csatFromShare,
  csatShare,
  npsOnScale,
  scaleLabel,
  scoreOn100,
  type PortfolioScales,
} from './scales.js';

type Settings = ScoringSettings['health'];

const offScale = (what: string, value: number, label: string, field: string): Judgment => ({
  level: 'note',
  text: `${what} ${value} is outside the ${label}: not judged`,
  field,
  value,
});

function judgeScore(value: number, sc: PortfolioScales, s: Settings): Judgment {
  const label = scaleLabel('healthScore', sc);
  const field = 'health.score';
  const on100 = scoreOn100(value, sc);
  if (on100 === undefined) return offScale('health score', value, label, field);
  // Thresholds are set on 0–100; evidence shows them in the value's own units.
  const unit = sc.healthScore.scale === '0-10' ? 10 : 1;
  const at = (t: number) => round(t / unit);
  const what = `health score ${value} (${label})`;
  if (on100 < s.scoreRed)
    return {
      level: 'red',
      text: `${what} is below ${at(s.scoreRed)}`,
      field,
      value,
      threshold: at(s.scoreRed),
    };
  if (on100 < s.scoreYellow)
    return {
      level: 'yellow',
      text: `${what} is below ${at(s.scoreYellow)}`,
      field,
      value,
      threshold: at(s.scoreYellow),
    };
  return { level: 'good', text: what, field, value };
}

function judgeNps(value: number, sc: PortfolioScales, s: Settings): Judgment {
  const label = scaleLabel('nps', sc);
  const field = 'health.nps';
  if (!npsOnScale(value, sc)) return offScale('NPS', value, label, field);
  const what = `NPS ${value} (${label})`;
  if (sc.nps.scale === 'response') {
    const r = s.npsResponse;
    if (value < r.detractorBelow)
      return {
        level: 'red',
        text: `${what}: detractor`,
        field,
        value,
        threshold: r.detractorBelow,
      };
    if (value < r.promoterFrom)
      return { level: 'yellow', text: `${what}: passive`, field, value, threshold: r.promoterFrom };
    return { level: 'good', text: `${what}: promoter`, field, value };
  }
  if (value < s.npsRed)
    return {
      level: 'red',
      text: `${what} is below ${s.npsRed}`,
      field,
      value,
      threshold: s.npsRed,
    };
  if (value < s.npsYellow)
    return {
      level: 'yellow',
      text: `${what} is below ${s.npsYellow}`,
      field,
      value,
      threshold: s.npsYellow,
    };
  return { level: 'good', text: what, field, value };
}

function judgeCsat(value: number, sc: PortfolioScales, s: Settings): Judgment {
  const label = scaleLabel('csat', sc);
  const field = 'health.csat';
  const share = csatShare(value, sc);
  if (share === undefined) return offScale('CSAT', value, label, field);
  const what = `CSAT ${value} (${label})`;
  if (share < s.csatYellow) {
    const threshold = round(csatFromShare(s.csatYellow, sc));
    return { level: 'yellow', text: `${what} is below ${threshold}`, field, value, threshold };
  }
  return { level: 'good', text: what, field, value };
}

export function judgeSurveys(account: Account, sc: PortfolioScales, s: Settings): Judgment[] {
  const h = account.health;
  const out: Judgment[] = [];
  if (h?.score !== undefined) out.push(judgeScore(h.score, sc, s));
  if (h?.nps !== undefined) out.push(judgeNps(h.nps, sc, s));
  if (h?.csat !== undefined) out.push(judgeCsat(h.csat, sc, s));
  return out;
}
