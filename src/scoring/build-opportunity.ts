/**
 * A candidate becomes an opportunity of the output contract: scores, tier, timing, stakeholders,
 * risks, confidence and the stable id. The narrative fields (pitch, approach, objections) are
 * left empty for the narrative module to fill.
 */
import type { Evidence, Opportunity } from '../model/output.js';
import type { AccountContext } from './context.js';
import type { Candidate } from './detectors/candidate.js';
import { ev } from './detectors/candidate.js';
import { opportunityFeatures } from './features.js';
import { exactCopy } from './exact-copy.js';
import { clamp, flat, pct } from './format.js';
import { opportunityId } from './opportunity-id.js';
import {
  effortScore,
  likelihoodScore,
  revenueScore,
  stakeholdersNeeded,
  tierOf,
  type Scores,
  type ScoresPool,
} from './scores.js';
import { stakeholdersFor, type AccountPeople } from './stakeholders.js';
import type { StringPool } from './string-pool.js';
import { timeOpportunity } from './timing.js';

/** Replaces the rule-based likelihood (1–10) of an opportunity; undefined keeps the rule. */
export type LikelihoodOverride = (
  opp: Opportunity,
  features: Record<string, number>,
) => { likelihood: number; modelVersion: string } | undefined;

/** Risks that hold for every opportunity of an account, built once per account. */
export interface AccountRisks {
  /** For expansion plays: yellow health, no champion, new leadership. */
  expansion: string[];
  /** For every play: low data confidence. */
  all: string[];
}

export function accountRisks(
  ctx: AccountContext,
  people: AccountPeople,
  pool: StringPool,
): AccountRisks {
  const expansion: string[] = [];
  if (ctx.health.light === 'yellow')
    expansion.push(pool(`Health is yellow: ${ctx.health.reasons.join('; ')}`));
  if (!people.pitchTo)
    expansion.push('No champion or power user on record: find one before pitching');
  for (const leader of people.newLeaders)
    expansion.push(pool(`New leadership (${leader}) may review vendors: meet them early`));
  const all: string[] = [];
  const conf = ctx.confidence;
  if (conf.value < ctx.settings.confidence.lowBelow) {
    all.push(pool(`Low data confidence (${pct(conf.value)}%): missing ${conf.missing.join(', ')}`));
  }
  return { expansion, all };
}

/** Empty lists of the output (read-only in the contract): the narrative lists until the narrative
 * module writes its own, and risks when there are none. One shared instance instead of an empty
 * array each: ~870k of the ~7.7M objects that 100k accounts' results held. */
const NONE: readonly never[] = Object.freeze([]);

/** The candidate's risks and the account's. `concat` sizes the kept array exactly (a spread or
 * push leaves spare slots); with nothing to add, the candidate's own array (or the shared empty
 * one) is the answer. */
function risksFor(c: Candidate, shared: AccountRisks): readonly string[] {
  const expansion = c.category === 'expansion' ? shared.expansion : [];
  if (expansion.length === 0 && shared.all.length === 0) return c.risks.length > 0 ? c.risks : NONE;
  return c.risks.concat(expansion, shared.all);
}

function assemble(
  c: Candidate,
  ctx: AccountContext,
  people: AccountPeople,
  shared: AccountRisks,
  pool: StringPool,
  scores: Scores,
  evidence: Evidence[],
): Opportunity {
  const { account, settings: s } = ctx;
  const timed = timeOpportunity(c, tierOf(scores.composite, s.tiers), ctx);
  for (const e of evidence) {
    e.text = pool(e.text);
    if (e.field !== undefined) e.field = pool(e.field);
    if (typeof e.value === 'string') e.value = pool(e.value);
  }
  return {
    id: candidateId(c, ctx),
    accountId: account.id,
    accountName: account.name,
    type: c.type,
    category: c.category,
    title: pool(c.title),
    description: pool(c.description),
    evidence: exactCopy(evidence),
    currentState: pool(c.currentState),
    proposedState: pool(c.proposedState),
    estimatedArr: Math.max(0, Math.round(c.estimatedArr)),
    scores,
    tier: timed.tier,
    health: ctx.health.light,
    timing: timed.timing,
    timingReason: pool(timed.reason),
    deadline: timed.deadline,
    renewalAligned: timed.renewalAligned,
    stakeholders: stakeholdersFor(c, people, ctx),
    pitch: '',
    approach: NONE,
    objections: NONE,
    risks: risksFor(c, shared),
    confidence: ctx.confidence.value,
  };
}

/** The candidate's scores as the rules give them: what orders an account's opportunities. */
export function candidateScores(
  c: Candidate,
  ctx: AccountContext,
  people: AccountPeople,
  scoresOf: ScoresPool,
): { scores: Scores; revenue: number; effort: number } {
  const s = ctx.settings;
  const revenue = revenueScore(c.valueAtStake ?? c.estimatedArr, ctx.account.arr, s.revenue);
  const needed = stakeholdersNeeded(
    c.type,
    c.extraStakeholders ?? 0,
    c.estimatedArr,
    people.pitchTo !== undefined,
    s.effort,
  );
  const effort = effortScore(c.type, needed, s.effort);
  const likelihood = likelihoodScore(
    {
      health: ctx.health.light,
      engagement: ctx.engagement.level,
      strength: c.strength,
      confidence: ctx.confidence.value,
    },
    s.likelihood,
  );
  return { scores: scoresOf(revenue, effort, likelihood), revenue, effort };
}

/** The candidate's stable id. */
export const candidateId = (c: Candidate, ctx: AccountContext): string =>
  flat(opportunityId(ctx.account.id, c.type, c.subject));

export function buildOpportunity(
  c: Candidate,
  ctx: AccountContext,
  people: AccountPeople,
  shared: AccountRisks,
  pool: StringPool,
  scoresOf: ScoresPool,
  override?: LikelihoodOverride,
): Opportunity {
  const { scores, revenue, effort } = candidateScores(c, ctx, people, scoresOf);
  const opp = assemble(c, ctx, people, shared, pool, scores, c.evidence);
  const model = override?.(opp, opportunityFeatures(opp));
  if (!model || !Number.isFinite(model.likelihood)) return opp;
  const l = clamp(model.likelihood, 1, 10);
  const note = ev(
    'likelihood_model',
    `Likelihood ${l.toFixed(1)} from model ${model.modelVersion} (rules: ${opp.scores.likelihood})`,
    l,
    undefined,
    model.modelVersion,
  );
  return assemble(c, ctx, people, shared, pool, scoresOf(revenue, effort, l), [
    ...c.evidence,
    note,
  ]);
}
