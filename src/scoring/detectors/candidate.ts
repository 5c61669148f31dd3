/**
 * What a detector emits: an opportunity before scoring. Detectors state the evidence, the sizing
 * and how strong the evidence is; scores, tier, timing, stakeholders and id are added later.
 */
import type { Category, Evidence, OpportunityType } from '../../model/output.js';

export interface Candidate {
  type: OpportunityType;
  category: Category;
  /** What the opportunity is about within its type (a module key, a department, `seats`): with
   * the account and type it makes the stable id. */
  subject: string;
  title: string;
  description: string;
  evidence: Evidence[];
  currentState: string;
  proposedState: string;
  /** Incremental ARR; 0 for plays that sell nothing (activation, stabilization, champion). */
  estimatedArr: number;
  /** What the revenue score is sized on when it is not `estimatedArr` (ARR at risk, paid-for
   * entitlements left unused). */
  valueAtStake?: number;
  /** 0..1: how strong and direct the evidence is. */
  strength: number;
  /** A usage ceiling or explicit request: overrides the just-renewed wait. */
  strongTrigger: boolean;
  /** Stakeholders beyond the type's usual number (a new team, a new buyer). */
  extraStakeholders?: number;
  /** Seats the play brings into use (new seats or idle ones), when it is about seats. */
  seats?: number;
  /** Who benefits (a team or department), when the detector knows better than the default. */
  benefits?: string;
  risks: string[];
}

/** An evidence item; `field` names the neutral field the value came from. Keys that are not
 * given stay absent. */
export function ev(
  signal: string,
  text: string,
  value?: number | string,
  threshold?: number | string,
  field?: string,
): Evidence {
  const v = typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  // One literal per set of keys: adding keys to `{ signal, text }` one by one put them in a
  // separate property store, an extra object on each of the ~10 evidence items of an account.
  if (field === undefined) return withoutField(signal, text, v, threshold);
  if (v === undefined)
    return threshold === undefined ? { signal, text, field } : { signal, text, threshold, field };
  return threshold === undefined
    ? { signal, text, value: v, field }
    : { signal, text, value: v, threshold, field };
}

function withoutField(
  signal: string,
  text: string,
  value: number | string | undefined,
  threshold: number | string | undefined,
): Evidence {
  if (value === undefined)
    return threshold === undefined ? { signal, text } : { signal, text, threshold };
  return threshold === undefined ? { signal, text, value } : { signal, text, value, threshold };
}

/** Evidence strength from the number of independent sources: 1 → 0.5, 2 → 0.75, 3+ → 1. */
export const strengthOf = (sources: number): number =>
  sources <= 0 ? 0 : Math.min(1, 0.25 + sources * 0.25);

/** The same candidate with every field present in one order: detectors build candidates of
 * several shapes, and code reading them all stays fast when they share one (V8 hidden classes). */
export function normalized(c: Candidate): Candidate {
  const out: Candidate = {
    type: c.type,
    category: c.category,
    subject: c.subject,
    title: c.title,
    description: c.description,
    evidence: c.evidence,
    currentState: c.currentState,
    proposedState: c.proposedState,
    estimatedArr: c.estimatedArr,
    strength: c.strength,
    strongTrigger: c.strongTrigger,
    risks: c.risks,
  };
  // Optional keys stay absent when unset (exactOptionalPropertyTypes), but always in this order.
  if (c.valueAtStake !== undefined) out.valueAtStake = c.valueAtStake;
  if (c.extraStakeholders !== undefined) out.extraStakeholders = c.extraStakeholders;
  if (c.seats !== undefined) out.seats = c.seats;
  if (c.benefits !== undefined) out.benefits = c.benefits;
  return out;
}
