/**
 * The one view model of an account that every surface shows: the console's account header, the
 * embedded (Canvas / iframe) view, the HubSpot app card and the Salesforce component. It turns
 * an account summary (an `accounts.json` item), its opportunities (`opportunities.json` items,
 * or the store's rows with their status) and the neutral account into the facts a card shows,
 * already worded, so the same account says the same thing everywhere. Pure: no I/O, no clock.
 */
import type { Account, AccountSummary, Opportunity } from '../model/index.js';
import { money } from '../narrative/format.js';
import { leadEvidence } from '../narrative/talking-track.js';
import type { OpportunityStatus } from '../store/opportunities.js';
import { FLAG_LABELS, HEALTH_LABELS, READINESS_LABELS, STATUS_LABELS } from './labels.js';
import { TIMING_LABELS, TYPE_LABELS, tierLabel } from './labels.js';
import { nextAction, type NextAction } from './next-action.js';

/** An opportunity as the store tracks it (status set by people); a bare one is `open`. */
export interface TrackedOpportunity {
  data: Opportunity;
  status: OpportunityStatus;
  statusReason?: string | undefined;
}

export interface AccountCardInput {
  accountId: string;
  summary?: AccountSummary | undefined;
  account?: Account | undefined;
  opportunities: readonly (Opportunity | TrackedOpportunity)[];
}

export interface CardOpportunity {
  id: string;
  title: string;
  type: Opportunity['type'];
  typeLabel: string;
  category: Opportunity['category'];
  tier: number;
  tierLabel: string;
  score: string;
  estimatedArr: number;
  estimatedArrText: string;
  timing: Opportunity['timing'];
  timingLabel: string;
  timingReason: string;
  deadline: string;
  /** The evidence line that names a figure (the rubric's "Key Signal"), then up to two more. */
  topEvidence: string;
  evidence: string[];
  pitch: string;
  status: OpportunityStatus;
  statusLabel: string;
  statusReason?: string;
  /** What a person may still do: accepting twice is a no-op; a final status is never reopened. */
  actions: ('accept' | 'dismiss')[];
}

export interface AccountCard {
  accountId: string;
  name: string;
  currency: string;
  arrText?: string;
  /** Absent until a sync has scored the account. */
  scored: boolean;
  score?: string;
  tier?: number;
  tierLabel?: string;
  health?: { light: AccountSummary['health']; label: string; reasons: string[] };
  readiness?: { value: AccountSummary['readiness']; label: string };
  potentialArrText?: string;
  flags: string[];
  nextAction: NextAction;
  /** Live (open or accepted) opportunities, best first, at most `limit`. */
  opportunities: CardOpportunity[];
  /** Live opportunities beyond `limit`. */
  moreOpportunities: number;
  /** Path of the full account view on the Headroom server (surfaces make it absolute). */
  link: string;
  owner?: string;
  renewal?: string;
}

const LIVE: ReadonlySet<OpportunityStatus> = new Set(['open', 'accepted']);

const tracked = (o: Opportunity | TrackedOpportunity): TrackedOpportunity =>
  'data' in o ? o : { data: o, status: 'open' };

/** Best first: lowest tier, then highest composite, then id (a stable order across surfaces). */
export function byPriority(a: TrackedOpportunity, b: TrackedOpportunity): number {
  return (
    a.data.tier - b.data.tier ||
    b.data.scores.composite - a.data.scores.composite ||
    (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0)
  );
}

/** One opportunity as every surface words it. */
export function cardOpportunity(t: TrackedOpportunity, currency: string): CardOpportunity {
  const o = t.data;
  const lead = leadEvidence(o);
  const rest = o.evidence.filter((e) => e !== lead).slice(0, 2);
  return {
    id: o.id,
    title: o.title,
    type: o.type,
    typeLabel: TYPE_LABELS[o.type] ?? o.type,
    category: o.category,
    tier: o.tier,
    tierLabel: tierLabel(o.tier),
    score: o.scores.composite.toFixed(1),
    estimatedArr: o.estimatedArr,
    estimatedArrText: money(o.estimatedArr, currency),
    timing: o.timing,
    timingLabel: TIMING_LABELS[o.timing],
    timingReason: o.timingReason,
    deadline: o.deadline,
    topEvidence: lead.text,
    evidence: [lead.text, ...rest.map((e) => e.text)],
    pitch: o.pitch,
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    ...(t.statusReason ? { statusReason: t.statusReason } : {}),
    actions:
      t.status === 'open' ? ['accept', 'dismiss'] : t.status === 'accepted' ? ['dismiss'] : [],
  };
}

/** The card of one account. @param limit live opportunities listed at most; @default 5 */
export function accountCard(input: AccountCardInput, limit = 5): AccountCard {
  const { summary: s, account: a } = input;
  const currency = a?.currency ?? 'USD';
  const live = input.opportunities
    .map(tracked)
    .filter((t) => LIVE.has(t.status))
    .sort(byPriority);
  const scored = s !== undefined;
  return {
    accountId: input.accountId,
    name: s?.name || a?.name || input.accountId,
    currency,
    ...(s || a ? { arrText: money(s?.arr ?? a?.arr ?? 0, currency) } : {}),
    scored,
    ...(s && s.bestTier > 0
      ? { score: s.bestScore.toFixed(1), tier: s.bestTier, tierLabel: tierLabel(s.bestTier) }
      : {}),
    ...(s
      ? {
          health: {
            light: s.health,
            label: HEALTH_LABELS[s.health],
            reasons: [...s.healthReasons],
          },
          readiness: { value: s.readiness, label: READINESS_LABELS[s.readiness] },
          potentialArrText: money(s.potentialArr, currency),
        }
      : {}),
    flags: (s?.flags ?? []).map((f) => FLAG_LABELS[f] ?? f),
    nextAction: nextAction(
      s,
      live.map((t) => t.data),
    ),
    opportunities: live.slice(0, limit).map((t) => cardOpportunity(t, currency)),
    moreOpportunities: Math.max(0, live.length - limit),
    link: `/accounts/${encodeURIComponent(input.accountId)}`,
    ...(a?.owner?.name ? { owner: a.owner.name } : {}),
    ...(a?.contract?.renewal ? { renewal: a.contract.renewal } : {}),
  };
}
