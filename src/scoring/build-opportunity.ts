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
import { clamp, flat, pct } from './format.js';
import { opportunityId } from './opportunity-id.js';
import {
  compose,
  effortScore,
  likelihoodScore,
  revenueScore,
  stakeholdersNeeded,
  tierOf,
  type Scores,
} from './scores.js';
import { stakeholdersFor, type AccountPeople } from './stakeholders.js';
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

export function accountRisks(ctx: AccountContext, people: AccountPeople): AccountRisks {
  const expansion: string[] = [];
  if (ctx.health.light === 'yellow')
    expansion.push(`Health is yellow: ${ctx.health.reasons.join('; ')}`);
  if (!people.pitchTo)
    expansion.push('No champion or power user on record: find one before pitching');
  for (const leader of people.newLeaders)
    expansion.push(`New leadership (${leader}) may review vendors: meet them early`);
  const all: string[] = [];
  const conf = ctx.confidence;
  if (conf.value < ctx.settings.confidence.lowBelow) {
    all.push(`Low data confidence (${pct(conf.value)}%): missing ${conf.missing.join(', ')}`);
  }
  return { expansion, all };
}

function risksFor(c: Candidate, shared: AccountRisks): string[] {
  if (c.category === 'expansion') return [...c.risks, ...shared.expansion, ...shared.all];
  return shared.all.length > 0 ? [...c.risks, ...shared.all] : c.risks;
}

function assemble(
  c: Candidate,
  ctx: AccountContext,
  people: AccountPeople,
  shared: AccountRisks,
  scores: Scores,
  evidence: Evidence[],
): Opportunity {
  const { account, settings: s } = ctx;
  const timed = timeOpportunity(c, tierOf(scores.composite, s.tiers), ctx);
  for (const e of evidence) flat(e.text);
  return {
    id: flat(opportunityId(account.id, c.type, c.subject)),
    accountId: account.id,
    accountName: account.name,
    type: c.type,
    category: c.category,
    title: flat(c.title),
    description: flat(c.description),
    evidence,
    currentState: flat(c.currentState),
    proposedState: flat(c.proposedState),
    estimatedArr: Math.max(0, Math.round(c.estimatedArr)),
    scores,
    tier: timed.tier,
    health: ctx.health.light,
    timing: timed.timing,
    timingReason: flat(timed.reason),
    deadline: timed.deadline,
    renewalAligned: timed.renewalAligned,
    stakeholders: stakeholdersFor(c, people, ctx),
    pitch: '',
    approach: [],
    objections: [],
    risks: risksFor(c, shared),
    confidence: ctx.confidence.value,
  };
}

export function buildOpportunity(
  c: Candidate,
  ctx: AccountContext,
  people: AccountPeople,
  shared: AccountRisks,
  override?: LikelihoodOverride,
): Opportunity {
  const s = ctx.settings;
  const { account } = ctx;
  const revenue = revenueScore(c.valueAtStake ?? c.estimatedArr, account.arr, s.revenue);
  const needed = stakeholdersNeeded(
    c.type,
    c.extraStakeholders ?? 0,
    c.estimatedArr,
    people.pitchTo !== undefined,
    s.effort,
  );
  const effort = effortScore(c.type, needed, s.effort);
  const confidence = ctx.confidence.value;
  const likelihood = likelihoodScore(
    {
      health: ctx.health.light,
      engagement: ctx.engagement.level,
      strength: c.strength,
      confidence,
    },
    s.likelihood,
  );
  const opp = assemble(
    c,
    ctx,
    people,
    shared,
    compose(revenue, effort, likelihood, s.weights),
    c.evidence,
  );
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
  return assemble(c, ctx, people, shared, compose(revenue, effort, l, s.weights), [
    ...c.evidence,
    note,
  ]);
}
