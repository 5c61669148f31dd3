/**
 * Numeric features of a scored opportunity for calibration and learning (issue 7): the scores,
 * sizing, confidence, one-hot type / category / health / timing (always present, so vectors line
 * up), and one feature per evidence signal (`ev_<signal>`: its numeric value, or 1).
 */
import {
  CATEGORIES,
  HEALTH,
  OPPORTUNITY_TYPES,
  TIMING,
  type Opportunity,
} from '../model/output.js';

export function opportunityFeatures(opp: Opportunity): Record<string, number> {
  const f: Record<string, number> = {
    revenue: opp.scores.revenue,
    effort: opp.scores.effort,
    likelihood: opp.scores.likelihood,
    composite: opp.scores.composite,
    tier: opp.tier,
    estimatedArr: opp.estimatedArr,
    logEstimatedArr: Math.log1p(opp.estimatedArr),
    confidence: opp.confidence,
    evidenceCount: opp.evidence.length,
    riskCount: opp.risks.length,
    renewalAligned: opp.renewalAligned ? 1 : 0,
    hasPitchTo: opp.stakeholders.pitchTo ? 1 : 0,
    hasDecides: opp.stakeholders.decides ? 1 : 0,
  };
  for (const t of OPPORTUNITY_TYPES) f[`type_${t}`] = opp.type === t ? 1 : 0;
  for (const c of CATEGORIES) f[`category_${c}`] = opp.category === c ? 1 : 0;
  for (const h of HEALTH) f[`health_${h}`] = opp.health === h ? 1 : 0;
  for (const t of TIMING) f[`timing_${t}`] = opp.timing === t ? 1 : 0;
  for (const e of opp.evidence) {
    const v = typeof e.value === 'number' && Number.isFinite(e.value) ? e.value : 1;
    const key = `ev_${e.signal}`;
    f[key] = Math.max(f[key] ?? -Infinity, v);
  }
  return f;
}
