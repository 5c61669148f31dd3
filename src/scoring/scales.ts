/**
 * The scales of a portfolio's survey and health values, declared or detected once per portfolio,
 * and the conversions the health rules compare on. A value is judged on its own scale: a
 * promoter's 9 on a 0–10 survey is green, where 9 on the NPS index (−100…100) is lukewarm.
 *
 * Detection (`auto`) looks at every account's values of the field: when at least 90% of them lie
 * on the narrow scale (NPS 0–10, health score 0–10, CSAT 0–1 then 1–5), the narrow scale is
 * taken; otherwise the wide one. The 90% keeps one dirty value from flipping a whole portfolio;
 * the few values outside the scale taken are reported and not judged.
 */
import type { Account } from '../model/records.js';
import type { CsatScale, HealthScoreScale, NpsScale, Scales } from '../model/scales.js';

export interface Resolved<S extends string> {
  scale: S;
  /** `declared` in the settings or the mapping, or `detected` from the portfolio's values. */
  source: 'declared' | 'detected';
}

export interface PortfolioScales {
  nps: Resolved<Exclude<NpsScale, 'auto'>>;
  csat: Resolved<Exclude<CsatScale, 'auto'>>;
  healthScore: Resolved<Exclude<HealthScoreScale, 'auto'>>;
}

/** Share of values that must lie on the narrow scale for it to be detected. */
const NARROW_SHARE = 0.9;

const within = (values: readonly number[], lo: number, hi: number): boolean => {
  let n = 0;
  for (const v of values) if (v >= lo && v <= hi) n++;
  return values.length > 0 && n / values.length >= NARROW_SHARE;
};

function resolve<S extends string>(declared: S | 'auto', detect: () => S): Resolved<S> {
  return declared === 'auto'
    ? { scale: detect(), source: 'detected' }
    : { scale: declared, source: 'declared' };
}

/** The scales of one portfolio: the declared ones as they are, `auto` detected from the data. */
export function portfolioScales(accounts: readonly Account[], declared: Scales): PortfolioScales {
  const nps: number[] = [];
  const csat: number[] = [];
  const score: number[] = [];
  for (const a of accounts) {
    const h = a.health;
    if (h?.nps !== undefined) nps.push(h.nps);
    if (h?.csat !== undefined) csat.push(h.csat);
    if (h?.score !== undefined) score.push(h.score);
  }
  return {
    nps: resolve(declared.nps, () => (within(nps, 0, 10) ? 'response' : 'index')),
    csat: resolve(declared.csat, () =>
      within(csat, 0, 1) ? 'fraction' : within(csat, 1, 5) ? '1-5' : '0-100',
    ),
    healthScore: resolve(declared.healthScore, () => (within(score, 0, 10) ? '0-10' : '0-100')),
  };
}

const NPS_LABEL = { response: 'survey response, 0–10 scale', index: 'NPS index, −100…100 scale' };
const CSAT_LABEL = { '1-5': '1–5 scale', '0-100': '0–100 scale', fraction: '0–1 fraction scale' };
const SCORE_LABEL = { '0-10': '0–10 scale', '0-100': '0–100 scale' };

/** "survey response, 0–10 scale detected": what evidence and health reasons say. */
export function scaleLabel(field: keyof PortfolioScales, s: PortfolioScales): string {
  const r = s[field];
  const label =
    field === 'nps'
      ? NPS_LABEL[s.nps.scale]
      : field === 'csat'
        ? CSAT_LABEL[s.csat.scale]
        : SCORE_LABEL[s.healthScore.scale];
  return `${label} ${r.source}`;
}

/** A health score on 0–100, or undefined when it lies outside its scale. */
export function scoreOn100(value: number, s: PortfolioScales): number | undefined {
  if (s.healthScore.scale === '0-10') return value <= 10 ? value * 10 : undefined;
  return value;
}

/** A CSAT as a share 0..1 of its scale (1–5: 1 is 0, 5 is 1), or undefined outside it. */
export function csatShare(value: number, s: PortfolioScales): number | undefined {
  if (s.csat.scale === 'fraction') return value <= 1 ? value : undefined;
  if (s.csat.scale === '1-5') return value >= 1 && value <= 5 ? (value - 1) / 4 : undefined;
  return value / 100;
}

/** A share 0..1 back in a CSAT's own units (for thresholds in evidence). */
export function csatFromShare(share: number, s: PortfolioScales): number {
  if (s.csat.scale === 'fraction') return share;
  return s.csat.scale === '1-5' ? 1 + share * 4 : share * 100;
}

/** Whether an NPS value lies on its scale (a 0–10 response cannot be 45 or −3). */
export const npsOnScale = (value: number, s: PortfolioScales): boolean =>
  s.nps.scale === 'index' || (value >= 0 && value <= 10);
