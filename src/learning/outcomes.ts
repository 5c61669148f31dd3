/**
 * Outcomes: what happened to the opportunities Headroom raised, read back from the CRM. A deal
 * carrying an opportunity's `expansionKey` (or one the opportunity was converted into) that closed
 * won or lost, an opportunity a person dismissed, and a won expansion nobody flagged (`missed`).
 * This is the feedback loop's raw material: signal precision, calibration and the store's
 * `outcomes` table all read these rows.
 */
import { z } from 'zod';
import { IsoDate, OPPORTUNITY_TYPES, type Deal, type OpportunityType } from '../model/index.js';
import { onOrBefore, requireIsoDate } from '../dates.js';

export const OUTCOME_KINDS = ['won', 'lost', 'dismissed', 'missed'] as const;

export const OutcomeSchema = z.object({
  /** The Headroom opportunity id; absent for `missed` (nothing was raised). */
  opportunityId: z.string().optional(),
  accountId: z.string().min(1),
  type: z.enum(OPPORTUNITY_TYPES).optional(),
  outcome: z.enum(OUTCOME_KINDS),
  /** Deal amount for won/lost/missed; the opportunity's estimate (or 0) for a dismissal. */
  amount: z.number().finite(),
  closedAt: IsoDate,
  /** Why it was dismissed (as a person typed it), or the deal stage of a loss. */
  reason: z.string().optional(),
  /** Where the outcome was read from: `deal` or `status` (a dismissal on the opportunity). */
  source: z.enum(['deal', 'status']),
  dealId: z.string().optional(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** An opportunity as the store tracks it: enough to tie deals and dismissals back to it. */
export interface TrackedOpportunity {
  id: string;
  accountId: string;
  type: OpportunityType;
  /** When Headroom first raised it (`YYYY-MM-DD`). */
  firstSeen: string;
  /** `open`, `dismissed`, `converted`, ... as the CRM reports it; only `dismissed` is read here. */
  status: string;
  statusReason?: string;
  /** When the status last changed; a dismissal without it is dated `asOf`. */
  statusChangedAt?: string;
  /** The CRM deal it was converted into, when the CRM links them (`source:crmId` or bare id). */
  dealId?: string;
  estimatedArr?: number;
}

export interface DeriveOutcomesInput {
  deals: Deal[];
  opportunities?: TrackedOpportunity[];
  /** Only what had happened by this date counts. */
  asOf: string;
}

const TYPE_SET = new Set<string>(OPPORTUNITY_TYPES);
/** Opportunity ids embed their type (`acct-1:add_on:insight_studio`); used when no record is known. */
function typeFromKey(key: string): OpportunityType | undefined {
  return key.split(/[:|/#]/).find((part) => TYPE_SET.has(part)) as OpportunityType | undefined;
}

const bareId = (id: string): string => id.slice(id.indexOf(':') + 1);

/** Derive one outcome per resolved opportunity plus one per missed expansion. Pure. */
export function deriveOutcomes({
  deals,
  opportunities = [],
  asOf,
}: DeriveOutcomesInput): Outcome[] {
  requireIsoDate(asOf, 'asOf');
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  const byDeal = new Map<string, TrackedOpportunity>();
  for (const o of opportunities) if (o.dealId) byDeal.set(bareId(o.dealId), o);

  const fromDeals = new Map<string, Outcome>();
  const missed: Outcome[] = [];
  for (const deal of deals) {
    const closedAt = deal.closeDate;
    if (!deal.closed || closedAt === undefined || !onOrBefore(closedAt, asOf)) continue;
    const opp = (deal.expansionKey && byId.get(deal.expansionKey)) || byDeal.get(bareId(deal.id));
    const key = opp?.id ?? deal.expansionKey;
    if (key === undefined) {
      if (deal.kind === 'expansion' && deal.won) missed.push(dealOutcome(deal, 'missed', closedAt));
      continue;
    }
    const outcome: Outcome = {
      ...dealOutcome(deal, deal.won ? 'won' : 'lost', closedAt),
      opportunityId: key,
      accountId: opp?.accountId ?? deal.accountId,
    };
    const type = opp?.type ?? typeFromKey(key);
    if (type) outcome.type = type;
    // Several deals may come from one opportunity: a win beats a loss, then the latest counts.
    const prev = fromDeals.get(key);
    if (!prev || rank(outcome) > rank(prev)) fromDeals.set(key, outcome);
  }

  const dismissed: Outcome[] = [];
  for (const o of opportunities) {
    if (o.status !== 'dismissed' || fromDeals.has(o.id)) continue;
    const closedAt = (o.statusChangedAt ?? asOf).slice(0, 10);
    if (!onOrBefore(closedAt, asOf)) continue;
    dismissed.push({
      opportunityId: o.id,
      accountId: o.accountId,
      type: o.type,
      outcome: 'dismissed',
      amount: o.estimatedArr ?? 0,
      closedAt,
      ...(o.statusReason ? { reason: o.statusReason } : {}),
      source: 'status',
    });
  }
  return [...fromDeals.values(), ...dismissed, ...missed].sort(
    (a, b) =>
      a.closedAt.localeCompare(b.closedAt) ||
      (a.opportunityId ?? '').localeCompare(b.opportunityId ?? ''),
  );
}

function dealOutcome(deal: Deal, outcome: Outcome['outcome'], closedAt: string): Outcome {
  return {
    accountId: deal.accountId,
    outcome,
    amount: deal.amount,
    closedAt,
    ...(outcome === 'lost' && deal.stage ? { reason: deal.stage } : {}),
    source: 'deal',
    dealId: deal.id,
  };
}

const rank = (o: Outcome): string => `${o.outcome === 'won' ? 1 : 0}${o.closedAt}`;
