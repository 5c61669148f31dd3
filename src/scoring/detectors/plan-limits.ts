/**
 * Plan-limited metrics (api_calls, storage_gb, ...) at or above 85% of their limit with a rising
 * trend: a tier upgrade when a higher tier lifts the limit, otherwise a usage expansion.
 */
import type { Evidence } from '../../model/output.js';
import type { AccountContext } from '../context.js';
import { nextTier } from '../catalog-index.js';
import { grouped, money, pct, signedPct } from '../format.js';
import { readings, windowTrend } from '../usage-series.js';
import { ev, type Candidate } from './candidate.js';

interface Hit {
  metric: string;
  evidence: Evidence[];
}

const fmt = (n: number): string => (Number.isFinite(n) ? grouped(n, 2) : 'unlimited');

function limitHits(ctx: AccountContext): Hit[] {
  const u = ctx.settings.usage;
  const hits: Hit[] = [];
  for (const [metric, points] of ctx.records.usage) {
    if (metric === u.seatMetric || metric === ctx.settings.powerUsers.metric) continue;
    const rs = readings(points, ctx.asOfDay, ctx.tier?.limits[metric]);
    const last = rs[rs.length - 1];
    if (!last?.limit) continue;
    const share = last.value / last.limit;
    if (share < u.metricThreshold) continue;
    const trend = windowTrend(rs, u.windowDays);
    if (!trend || trend.pct <= u.minRisePct) continue;
    const field = `usage[${metric}]`;
    hits.push({
      metric,
      evidence: [
        ev(
          'plan_limit',
          `${metric} at ${fmt(last.value)} of its ${fmt(last.limit)} limit (${pct(share)}%), at or above ${pct(u.metricThreshold)}%`,
          pct(share),
          pct(u.metricThreshold),
          field,
        ),
        ev(
          'metric_trend',
          `${metric} ${fmt(trend.first.value)} to ${fmt(trend.last.value)} from ${trend.first.date} to ${trend.last.date} (${signedPct(trend.pct)})`,
          Math.round(trend.pct),
          u.minRisePct,
          field,
        ),
      ],
    });
  }
  return hits;
}

export function detectPlanLimits(ctx: AccountContext): Candidate[] {
  const hits = limitHits(ctx);
  if (hits.length === 0) return [];
  const { tier, account } = ctx;
  const next = tier ? nextTier(ctx.cx, tier) : undefined;
  const metrics = hits.map((h) => h.metric);
  if (tier && next) {
    const arr = Math.max(0, next.seatPrice - tier.seatPrice) * ctx.seatBase;
    const evidence = hits.flatMap((h) => h.evidence);
    evidence.push(
      ev(
        'sizing',
        `${ctx.seatBase} seats x ${money(next.seatPrice - tier.seatPrice)} ${tier.name} to ${next.name} price difference = ${money(arr)}`,
        arr,
        undefined,
        'catalog.tiers.seatPrice',
      ),
    );
    const lifted = metrics.map((m) => `${m} ${fmt(next.limits[m] ?? Infinity)}`).join(', ');
    return [
      {
        type: 'tier_upgrade',
        category: 'expansion',
        subject: next.key,
        title: `Upgrade to ${next.name}: ${metrics.join(', ')} near the ${tier.name} limit`,
        description: `Move from ${tier.name} to ${next.name} to lift the limits on ${metrics.join(', ')} before usage hits them.`,
        evidence,
        currentState: `${tier.name} (${metrics.map((m) => `${m} limit ${fmt(tier.limits[m] ?? 0)}`).join(', ')})`,
        proposedState: `${next.name} (${lifted})`,
        estimatedArr: arr,
        strength: Math.min(1, 0.85 + 0.15 * (hits.length - 1)),
        strongTrigger: true,
        risks: [],
      },
    ];
  }
  // Top tier (or no known tier): more capacity within the plan.
  return hits.map((h) => {
    const arr = account.arr * ctx.settings.usage.capacityPctOfArr;
    return {
      type: 'usage_expansion' as const,
      category: 'expansion' as const,
      subject: h.metric,
      title: `Expand ${h.metric} capacity: near the plan limit and rising`,
      description: `Add ${h.metric} capacity before usage hits the limit${tier ? ` of ${tier.name}, the top tier` : ''}.`,
      evidence: [
        ...h.evidence,
        ev(
          'sizing',
          `Capacity block at ${pct(ctx.settings.usage.capacityPctOfArr)}% of ARR = ${money(arr)}`,
          arr,
          undefined,
          'arr',
        ),
      ],
      currentState: `${tier?.name ?? 'current plan'} at ${h.metric} limit`,
      proposedState: `Additional ${h.metric} capacity`,
      estimatedArr: arr,
      strength: 0.85,
      strongTrigger: true,
      risks: [],
    };
  });
}
