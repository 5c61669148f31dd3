/**
 * Health scores and CSAT on other scales than 0–100, as other CRMs keep them: a 0–10 health
 * score with one decimal (72 → 7.2) and CSAT as 1–5 stars (0–100 mapped linearly, one decimal).
 */
import type { Row } from './rows.js';

export interface SurveyScales {
  healthScore?: '0-100' | '0-10';
  csat?: '0-100' | '1-5';
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

export function onScales(accounts: Row[], scales: SurveyScales = {}): Row[] {
  return accounts.map((a) => ({
    ...a,
    health_score:
      scales.healthScore === '0-10' && a.health_score
        ? oneDecimal(Number(a.health_score) / 10)
        : a.health_score!,
    csat: scales.csat === '1-5' && a.csat ? oneDecimal(1 + (Number(a.csat) / 100) * 4) : a.csat!,
  }));
}
