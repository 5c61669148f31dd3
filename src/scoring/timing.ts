/**
 * When to act (seeds/001 timing engine, seeds/004 rules): now / 30d / 90d / hold with the reason
 * and a deadline. Tier sets the pace; a strong trigger moves a play one step forward; yellow
 * health slows expansion; a renewal's notice window pulls plans into the renewal; a just-renewed
 * account waits for the 2–4 month window (and is at best Tier 2) unless a usage ceiling or
 * similar cannot wait.
 */
import type { Timing } from '../model/output.js';
import type { AccountContext } from './context.js';
import { addDays, addMonths, daysBetween, minDate } from './dates.js';
import type { Candidate } from './detectors/candidate.js';

export interface TimingResult {
  timing: Timing;
  reason: string;
  deadline: string;
  renewalAligned: boolean;
  tier: number;
}

const BY_TIER: Record<number, Timing> = { 1: 'now', 2: '30d', 3: '90d', 4: 'hold', 5: 'hold' };
const PACE: Record<number, string> = {
  1: 'Tier 1: assign this week',
  2: 'Tier 2: plan outreach within 30 days',
  3: 'Tier 3: nurture toward it',
  4: 'Tier 4: monitor and revisit in 90 days',
  5: 'Tier 5: document and move on',
};

// Module-level helpers, not closures: this runs for every opportunity of 100k accounts. The
// dates they derive repeat (per run, per account), so each keeps its last answers: building a
// date string per opportunity was a measurable share of the garbage the GC had to sweep.
let dueAsOf = '';
const dueByDays = new Map<number, string>();

function dueIn(ctx: AccountContext, timing: Timing): string {
  const days = ctx.settings.timing.deadlineDays[timing];
  if (ctx.asOf !== dueAsOf) {
    dueAsOf = ctx.asOf;
    dueByDays.clear();
  }
  let due = dueByDays.get(days);
  if (due === undefined) dueByDays.set(days, (due = addDays(ctx.asOf, days)));
  return due;
}

const memo = { notice: '', lead: 0, planFrom: '', last: '', months: 0, settledUntil: '' };

/** The deadline falls between the start of renewal planning and the renewal itself. */
function alignedWith(ctx: AccountContext, deadline: string): boolean {
  const r = ctx.renewal;
  if (!r.next || !r.noticeDate) return false;
  const lead = ctx.settings.timing.renewalLeadDays;
  if (r.noticeDate !== memo.notice || lead !== memo.lead) {
    memo.notice = r.noticeDate;
    memo.lead = lead;
    memo.planFrom = addDays(r.noticeDate, -lead);
  }
  return deadline >= memo.planFrom && deadline <= r.next;
}

/** `addMonths(last, months)`, remembering the previous answer (same account, same settings). */
function settledUntil(last: string, months: number): string {
  if (last !== memo.last || months !== memo.months) {
    memo.last = last;
    memo.months = months;
    memo.settledUntil = addMonths(last, months);
  }
  return memo.settledUntil;
}

export function timeOpportunity(c: Candidate, tier: number, ctx: AccountContext): TimingResult {
  const t = ctx.settings.timing;
  const { asOf, renewal: r } = ctx;

  if (c.category === 'champion' && !c.strongTrigger) {
    // A check on a hint (an email domain), not a departure: at best Tier 3, never urgent.
    const capped = Math.max(tier, 3);
    const timing = BY_TIER[capped]!;
    const deadline = dueIn(ctx, timing);
    const reason = 'A hint, not a departure: confirm at the next contact';
    return { timing, reason, deadline, renewalAligned: alignedWith(ctx, deadline), tier: capped };
  }
  if (c.category === 'stabilization' || c.category === 'champion') {
    const deadline = dueIn(ctx, 'now');
    const why =
      c.category === 'stabilization'
        ? 'At risk: stabilize before any expansion talk'
        : 'Champion movement: secure a successor while the relationship is warm';
    return {
      timing: 'now',
      reason: why,
      deadline,
      renewalAligned: alignedWith(ctx, deadline),
      tier,
    };
  }
  if (c.category === 'conversion') {
    const timing =
      r.next && daysBetween(asOf, r.next) <= t.deadlineDays['30d'] ? 'now' : BY_TIER[tier]!;
    const deadline =
      r.next && r.next >= asOf ? minDate(dueIn(ctx, timing), r.next) : dueIn(ctx, timing);
    const reason = r.next
      ? `Conversion before the ${ctx.account.lifecycle} ends on ${r.next}`
      : PACE[tier]!;
    return { timing, reason, deadline, renewalAligned: false, tier };
  }
  const expansion = c.category === 'expansion';
  if (expansion && r.justRenewed && r.settleDate && !c.strongTrigger) {
    const timing: Timing = daysBetween(asOf, r.settleDate) <= t.deadlineDays['30d'] ? '30d' : '90d';
    const reason = `Renewed on ${r.last}: expansion lands best ${t.justRenewedMonths}-${t.settledUntilMonths} months after a renewal, from ${r.settleDate}`;
    return {
      timing,
      reason,
      deadline: r.settleDate,
      renewalAligned: false,
      tier: Math.max(tier, 2),
    };
  }
  const reasons = [PACE[tier]!];
  let timing = BY_TIER[tier]!;
  if (c.strongTrigger && (timing === '30d' || timing === '90d')) {
    timing = timing === '30d' ? 'now' : '30d';
    reasons.push('a usage ceiling or explicit request moves it forward');
  }
  if (expansion && r.justRenewed && c.strongTrigger)
    reasons.push(`renewed on ${r.last}, but the trigger cannot wait for the post-renewal window`);
  const settled =
    r.last &&
    r.settleDate &&
    asOf >= r.settleDate &&
    asOf <= settledUntil(r.last, t.settledUntilMonths);
  if (expansion && settled && timing === '30d') {
    timing = 'now';
    reasons.push(
      `${t.justRenewedMonths}-${t.settledUntilMonths} months after the ${r.last} renewal: a natural buying moment`,
    );
  }
  if (expansion && ctx.health.light === 'yellow' && timing === 'now' && !c.strongTrigger) {
    timing = '30d';
    reasons.push('health is yellow: nurture first');
  }
  let deadline = dueIn(ctx, timing);
  if (r.next && r.noticeDate && timing !== 'hold') {
    const toNotice = daysBetween(asOf, r.noticeDate);
    if (toNotice <= t.renewalLeadDays) {
      timing = 'now';
      deadline = toNotice > 0 ? r.noticeDate : minDate(dueIn(ctx, 'now'), r.next);
      reasons.push(
        `renewal on ${r.next} (notice by ${r.noticeDate}): bring it into the renewal conversation`,
      );
    } else if (deadline > r.noticeDate) {
      deadline = r.noticeDate;
      reasons.push(`act before the renewal notice date ${r.noticeDate}`);
    }
  }
  return {
    timing,
    reason: reasons.join('; '),
    deadline,
    renewalAligned: timing !== 'hold' && alignedWith(ctx, deadline),
    tier,
  };
}
