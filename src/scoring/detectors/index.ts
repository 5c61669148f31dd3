/**
 * Runs the detectors that fit the account's lifecycle and health, and merges what several
 * detectors found about the same (type, subject) into one candidate with all the evidence.
 *  - churned: champion follow-ups only;  trial / free: conversion, never expansion;
 *  - red health: stabilization, activation and champion plays; expansion is held back.
 */
import type { AccountContext } from '../context.js';
import { detectActivation } from './activation.js';
import { detectBenchmarkGaps } from './benchmark-gaps.js';
import { normalized, type Candidate } from './candidate.js';
import { detectChampionMoves } from './champion.js';
import { detectConversion } from './conversion.js';
import { detectGraduation } from './graduation.js';
import { detectModuleGaps } from './module-gaps.js';
import { detectPlanLimits } from './plan-limits.js';
import { detectPowerUsers } from './power-users.js';
import { detectSeats } from './seats.js';
import { detectServices } from './services.js';
import { detectStabilization } from './stabilization.js';
import { detectWhitespace } from './whitespace.js';

/** Merges candidates of the same type and subject; the strongest one leads. */
export function mergeCandidates(list: readonly Candidate[]): Candidate[] {
  // Fast path (most accounts): no two candidates share a type and subject.
  let duplicate = false;
  for (let i = 0; i < list.length && !duplicate; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (list[i]!.type === list[j]!.type && list[i]!.subject === list[j]!.subject) {
        duplicate = true;
        break;
      }
    }
  }
  if (!duplicate) return list as Candidate[];
  const byKey = new Map<string, Candidate[]>();
  for (const c of list) {
    const key = `${c.type}\u0000${c.subject}`;
    const group = byKey.get(key);
    if (group) group.push(c);
    else byKey.set(key, [c]);
  }
  const out: Candidate[] = [];
  for (const group of byKey.values()) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    const sorted = [...group].sort(
      (a, b) => b.strength - a.strength || b.estimatedArr - a.estimatedArr,
    );
    const lead = sorted[0]!;
    const seen = new Set<string>();
    // The lead's sizing stands: the others add supporting evidence, not their own price tags, so
    // the title, the proposed state and the estimated ARR always describe the same proposal.
    const evidence = [
      ...lead.evidence,
      ...sorted.slice(1).flatMap((c) => c.evidence.filter((e) => e.signal !== 'sizing')),
    ].filter((e) => {
      const k = `${e.signal}\u0000${e.text}`;
      return !seen.has(k) && seen.add(k) !== undefined;
    });
    out.push({
      ...lead,
      evidence,
      // Independent detectors agreeing make the case stronger.
      strength: Math.min(1, lead.strength + 0.1 * (group.length - 1)),
      strongTrigger: group.some((c) => c.strongTrigger),
      risks: [...new Set(group.flatMap((c) => c.risks))],
    });
  }
  return out;
}

function expansionAndActivation(ctx: AccountContext): Candidate[] {
  const whitespace = detectWhitespace(ctx);
  const newDepartments = whitespace.filter((c) => c.type === 'new_department');
  return [
    ...detectSeats(ctx),
    ...detectPlanLimits(ctx),
    ...detectGraduation(ctx),
    ...detectPowerUsers(ctx),
    ...detectModuleGaps(ctx),
    ...whitespace,
    ...detectServices(ctx, newDepartments),
    ...detectBenchmarkGaps(ctx),
    ...detectActivation(ctx),
  ];
}

export function detectAll(ctx: AccountContext): Candidate[] {
  return detectByLifecycle(ctx).map(normalized);
}

function detectByLifecycle(ctx: AccountContext): Candidate[] {
  const champion = detectChampionMoves(ctx);
  const lifecycle = ctx.account.lifecycle;
  if (lifecycle === 'churned') return champion;
  if (lifecycle === 'trial' || lifecycle === 'free') return [...detectConversion(ctx), ...champion];
  const found = mergeCandidates(expansionAndActivation(ctx));
  if (ctx.health.light !== 'red') return [...found, ...champion];
  const withheld = found.filter((c) => c.category === 'expansion');
  const kept = found.filter((c) => c.category !== 'expansion');
  return [...detectStabilization(ctx, withheld), ...kept, ...champion];
}
