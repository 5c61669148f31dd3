/**
 * The words every surface uses for Headroom's enums, so the console, the embedded view, the
 * HubSpot card and the Salesforce component say the same thing for the same value. Tier wording
 * follows the scoring rubric's "Score Interpretation" table (seeds/004).
 */
import type { Health, Readiness, Timing, AccountFlag } from '../model/output.js';
import type { OpportunityStatus } from '../store/opportunities.js';

export { TYPE_LABELS } from '../narrative/context.js';

export const HEALTH_LABELS: Record<Health, string> = {
  green: 'Healthy',
  yellow: 'Needs attention',
  red: 'At risk',
};

export const READINESS_LABELS: Record<Readiness, string> = {
  ready_now: 'Ready now',
  needs_nurturing: 'Needs nurturing',
  not_ready: 'Not ready',
};

export const TIMING_LABELS: Record<Timing, string> = {
  now: 'Now',
  '30d': 'Within 30 days',
  '90d': 'Within 90 days',
  hold: 'Hold',
};

/** The rubric's priority for each tier (1 = pursue immediately). */
export const TIER_PRIORITIES: Record<number, string> = {
  1: 'Pursue immediately',
  2: 'Pursue this quarter',
  3: 'Nurture',
  4: 'Monitor',
  5: 'Deprioritize',
};

export const STATUS_LABELS: Record<OpportunityStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
  converted: 'Converted',
  won: 'Won',
  lost: 'Lost',
};

export const FLAG_LABELS: Record<AccountFlag, string> = {
  at_risk: 'At risk',
  activation: 'Activation',
  conversion_candidate: 'Conversion candidate',
  champion_left: 'Champion left',
  just_renewed: 'Just renewed',
  low_confidence: 'Low confidence',
};

/** `Tier 2 · Pursue this quarter`; `Tier 0` (no opportunity) has no label. */
export function tierLabel(tier: number): string {
  const priority = TIER_PRIORITIES[tier];
  return priority ? `Tier ${tier} · ${priority}` : `Tier ${tier}`;
}
