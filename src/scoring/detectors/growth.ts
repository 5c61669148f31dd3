/**
 * Company growth: employees against the prior count, hires with a number, and the growth
 * events (funding, hiring, new office, acquisition) within the lookback.
 */
import type { Evidence } from '../../model/output.js';
import type { SignalKind } from '../../model/records.js';
import type { AccountContext } from '../context.js';
import { toDay } from '../dates.js';
import { pct } from '../format.js';
import { ev } from './candidate.js';

export const GROWTH_KINDS: readonly SignalKind[] = [
  'funding',
  'hiring',
  'new_office',
  'acquisition',
];

export interface Growth {
  /** Measured growth as a fraction (0.3 = +30%), when a number supports it. */
  rate: number | undefined;
  evidence: Evidence[];
}

/** Since when the prior headcount counts: its date, or the period the mapping assumed for it. */
function priorPeriod(prior: {
  asOf?: string | undefined;
  periodMonths?: number | undefined;
}): string {
  if (prior.asOf !== undefined) return `since ${prior.asOf}`;
  const months = prior.periodMonths;
  return months !== undefined
    ? `over an assumed ${months} months (the source gives no date for the prior count)`
    : 'since an unstated date (the source gives no date for the prior count)';
}

export function companyGrowth(ctx: AccountContext): Growth {
  const { account, settings } = ctx;
  const evidence: Evidence[] = [];
  let rate: number | undefined;
  const prior = account.employeesPrior;
  if (account.employees !== undefined && prior && prior.count > 0) {
    const g = (account.employees - prior.count) / prior.count;
    rate = g;
    evidence.push(
      ev(
        'employee_growth',
        `Headcount ${prior.count} to ${account.employees} ${priorPeriod(prior)} (${g >= 0 ? '+' : ''}${pct(g)}%)`,
        pct(g),
        pct(settings.whitespace.minGrowth),
        'employees / employeesPrior.count',
      ),
    );
  }
  // Hiring into a team that does not use the product is that team's whitespace, not seat growth.
  const elsewhere = ctx.records.departments
    .filter((d) => !d.usesProduct)
    .map((d) => d.name.toLowerCase());
  for (const sig of ctx.records.signals) {
    if (!GROWTH_KINDS.includes(sig.kind) || sig.date > ctx.asOf) continue;
    if (sig.kind === 'hiring' && elsewhere.some((d) => sig.detail.toLowerCase().includes(d)))
      continue;
    if (ctx.asOfDay - toDay(sig.date) > settings.whitespace.signalLookbackDays) continue;
    const detail = sig.detail ? `: ${sig.detail}` : '';
    evidence.push(
      ev(
        sig.kind,
        `${sig.kind.replace('_', ' ')} on ${sig.date}${detail}`,
        sig.value,
        undefined,
        `signals[${sig.kind}]`,
      ),
    );
    // A hiring signal with a number of hires measures growth when the headcount is known.
    if (sig.kind === 'hiring' && sig.value && account.employees) {
      rate = Math.max(rate ?? 0, sig.value / account.employees);
    }
  }
  return { rate, evidence };
}
