/**
 * Shapes the narrative layer produces: talking tracks, QBR agendas, outreach drafts, champion
 * plans and the portfolio forecast. Everything here is plain data so the CLI, the server and the
 * playbook renderer can share it; the `render*Markdown` functions turn it into text.
 */
import type {
  Account,
  AccountSummary,
  Catalog,
  Contact,
  Opportunity,
  OpportunityType,
} from '../model/index.js';

/** What every narrative function reads about one account. Pure data; no clock (`asOf` is given). */
export interface NarrativeContext {
  account: Account;
  contacts: Contact[];
  catalog: Catalog;
  /** The run's as-of date, `YYYY-MM-DD`: every relative date in the text counts from it. */
  asOf: string;
  /** All of this account's opportunities, when known (for QBR agendas and cross-references). */
  opportunities?: Opportunity[];
}

/** The talking track of an opportunity, before it is flattened into `Opportunity.pitch`. */
export interface TalkingTrack {
  /** The opening line: starts from the customer's own data, never from the product. */
  opening: string;
  /** Exactly three: usage, quantified value, proof from their own (or the portfolio's) data. */
  keyPoints: [string, string, string];
}

export interface Narrative {
  pitch: string;
  approach: readonly string[];
  objections: readonly { objection: string; response: string }[];
}

export interface QbrSection {
  title: string;
  minutes: number;
  /** What to cover, grounded in the account's numbers. */
  points: string[];
  questions: string[];
}

export interface QbrAgenda {
  accountId: string;
  accountName: string;
  durationMinutes: 60 | 90;
  /** The as-of date the agenda was prepared from. */
  preparedOn: string;
  attendees: { customer: string[]; ours: string[] };
  /** Opens with realized value, ends with next steps; minutes add up to `durationMinutes`. */
  sections: QbrSection[];
  /** Whether the agenda carries an expansion recommendation (never for a red account). */
  expansionFocus: boolean;
}

export interface OutreachDrafts {
  opportunityId: string;
  accountName: string;
  to: { name: string; title?: string };
  preMeetingEmail: { subject: string; body: string };
  /** The first three to five minutes of the conversation. */
  openingTalkingPoints: string[];
  /** How to present the hypothesis as evidence, not as an ask. */
  hypothesisFraming: string;
  discoveryQuestions: [string, string, string];
  followUp: { subject: string; body: string };
}

export type RiskLevel = 'high' | 'medium' | 'low';

export interface ChampionPlan {
  contactId: string;
  contactName: string;
  accountName: string;
  risk: { level: RiskLevel; reasons: string[] };
  stabilize: string[];
  /** The new-logo lead at the champion's new company; absent when that company is unknown. */
  newCompany?: { company: string; title?: string; hypothesis: string; steps: string[] };
  outreach: { timing: string; message: string; ask: string };
  newChampion: { candidates: string[]; steps: string[]; by: string };
}

/** Hours an AE and a CSM spend to work one opportunity of a type through to a decision. */
export interface Hours {
  ae: number;
  csm: number;
}

export interface ForecastSettings {
  /** Share of a red account's ARR assumed lost within the horizon. @default 0.5 */
  redChurnRate?: number;
  /** Expansion target for pipeline coverage; without it, coverage is against expected value. */
  expansionTarget?: number;
  /** Overrides of the documented hours per type (`DEFAULT_HOURS`). */
  hours?: Partial<Record<OpportunityType, Hours>>;
  /** Opportunities below this confidence are listed in the data-confidence notes. @default 0.5 */
  lowConfidence?: number;
}

export const TIMELINES = ['This Month', 'This Quarter', 'Next Quarter', '6+ Months'] as const;
export type Timeline = (typeof TIMELINES)[number];
export const BANDS = ['$100K+', '$50K-$99K', '$25K-$49K', '$10K-$24K', 'Under $10K'] as const;
export type Band = (typeof BANDS)[number];

export interface Bucket {
  count: number;
  arr: number;
  expectedValue: number;
}

export interface PortfolioForecast {
  accounts: number;
  startingArr: number;
  /** Expansion-category opportunities only. */
  expansion: Bucket;
  byTier: Record<1 | 2 | 3 | 4 | 5, Bucket>;
  byType: { type: OpportunityType; count: number; arr: number; avgScore: number }[];
  byBand: Record<Band, Bucket>;
  byTimeline: Record<Timeline, Bucket>;
  /** Non-expansion plays by category, counted apart from the expansion totals. */
  otherPlays: Record<'activation' | 'conversion' | 'stabilization' | 'champion', number>;
  retention: {
    expectedExpansion: number;
    churnExposure: number;
    expectedChurn: number;
    endingArr: number;
    nrr: number;
    grr: number;
    grrWorstCase: number;
  };
  coverage: { pipeline: number; target: number; ratio: number; targetSource: string };
  effort: { opportunities: number; aeHours: number; csmHours: number };
  /** Every assumption behind the figures above, as sentences a reader can check. */
  assumptions: string[];
}

/** Options of `renderPlaybook`; the limits keep a 100k-account portfolio readable. */
export interface PlaybookInput {
  opportunities: Opportunity[];
  accounts: AccountSummary[];
  asOf: string;
  portfolioName: string;
  catalog: Catalog;
  contactsByAccount?: Map<string, Contact[]>;
  accountsById?: Map<string, Account>;
  extraSections?: { title: string; markdown: string }[];
  settings?: ForecastSettings;
  limits?: PlaybookLimits;
}

export interface PlaybookLimits {
  /** Tier 1 opportunities rendered in full; the rest of Tier 1 goes into a table. @default 50 */
  tier1Full?: number;
  /** Tier 2 opportunities rendered as brief blocks; the rest into a table. @default 100 */
  tier2Brief?: number;
  /** Accounts rendered as blocks; above this, every account is one table row. @default 200 */
  accountBlocks?: number;
}
