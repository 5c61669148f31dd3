/**
 * Stabilization (seeds/004 "respect account health"): a red account gets no expansion pitch. The
 * play names the problems, what would unlock expansion, and the expansion held back meanwhile.
 */
import type { AccountContext } from '../context.js';
import { money, round } from '../format.js';
import { ev, type Candidate } from './candidate.js';

/** What has to change before expansion talk is appropriate, one item per problem, in the units
 * of the value's own scale. */
export function unlockConditions(ctx: AccountContext): string[] {
  const h = ctx.settings.health;
  const scales = ctx.facts.scales;
  const out: string[] = [];
  for (const p of ctx.health.problems) {
    if (p.field === 'health.score') {
      const unit = scales.healthScore.scale === '0-10' ? 10 : 1;
      out.push(`health score back to ${round(h.scoreYellow / unit)}+`);
    } else if (p.field === 'health.nps') {
      out.push(
        scales.nps.scale === 'response'
          ? `NPS responses back to ${h.npsResponse.promoterFrom}+`
          : `NPS back to ${h.npsYellow}+`,
      );
    } else if (p.field === 'health.csat') out.push(`CSAT back to ${p.threshold ?? ''}+`);
    else if (p.field === 'health.lastQbr') out.push('a positive business review');
    else if (p.field === 'health.tickets90d')
      out.push(`support tickets under ${h.ticketSpike90d} per 90 days`);
    else if (p.field === 'health.ticketThemes')
      out.push(`the product issues behind the tickets fixed (${String(p.value ?? '')})`);
    else if (p.field === 'signals[competitor].detail')
      out.push('the competitor evaluation settled in our favour');
    else if (p.field === 'usage') out.push(`usage trend back above ${h.declineYellowPct}%`);
    else if (p.field === 'contacts.status') out.push('a new champion named and engaged');
    else if (p.field === 'lifecycle') out.push('a win-back: the account has churned');
  }
  return [...new Set(out)];
}

export function detectStabilization(
  ctx: AccountContext,
  withheld: readonly Candidate[],
): Candidate[] {
  if (ctx.health.light !== 'red') return [];
  const unlock = unlockConditions(ctx);
  const evidence = ctx.health.problems.map((p) =>
    ev('health_reason', p.text, p.value, p.threshold, p.field),
  );
  const held = withheld.reduce((n, c) => n + c.estimatedArr, 0);
  for (const c of withheld) {
    evidence.push(
      ev(
        'withheld_expansion',
        `Held back until health recovers: ${c.title} (${money(c.estimatedArr)})`,
        c.estimatedArr,
        undefined,
        c.type,
      ),
    );
  }
  return [
    {
      type: 'stabilization',
      category: 'stabilization',
      subject: 'health',
      title: `Stabilize the account: ${ctx.health.problems[0]?.text ?? 'at risk'}`,
      description: `Retention first, no expansion pitch. Expansion unlocks with ${unlock.join('; ') || 'the risks resolved'}${held > 0 ? ` (${money(held)} of expansion waiting)` : ''}.`,
      evidence,
      currentState: `At risk: ${ctx.health.reasons.join('; ')}`,
      proposedState: `Healthy: ${unlock.join('; ') || 'risks resolved'}`,
      estimatedArr: 0,
      valueAtStake: ctx.account.arr,
      strength: 0.8,
      strongTrigger: true,
      extraStakeholders: 0,
      risks: ['Churn risk: an expansion pitch now would damage trust'],
    },
  ];
}
