/**
 * What the foreign generator planted: the ground truth the proof tests hold Headroom's findings
 * to. An account's archetype says what a careful analyst would conclude about it (healthy, at
 * risk, on trial, just renewed...); each planted opportunity names the account, the types that
 * would be a correct reading of the evidence and, where the evidence points at one catalog item,
 * its subject (module, service or tier key, department, `seats`).
 */
import type { OpportunityType } from '../../src/model/output.js';

export type Archetype =
  | 'healthy' // an ordinary customer with no real risk
  | 'mild' // healthy, with mild signals only (a passive NPS, a score in the 60s, how-to tickets)
  | 'at_risk' // a real retention risk
  | 'just_renewed' // renewed weeks ago, growing, with no seat ceiling
  | 'trial'
  | 'free'
  | 'churned';

export type Plant =
  | 'seat_ceiling'
  | 'plan_limit'
  | 'graduation'
  | 'add_on'
  | 'displacement'
  | 'new_department'
  | 'acquisition'
  | 'new_office'
  | 'how_to_tickets'
  | 'growth'
  | 'conversion';

export type Risk =
  | 'low_score'
  | 'detractor'
  | 'usage_collapse'
  | 'outage_tickets'
  | 'champion_lost'
  | 'negative_qbr';

export interface PlantedAccount {
  accountId: string;
  name: string;
  archetype: Archetype;
  /** The real risks of an at-risk account. */
  risks: Risk[];
  /** Expansion evidence planted where no expansion may be pitched (at-risk and trial accounts). */
  traps: Plant[];
  /** Where the (first) champion's email sits; a subdomain or regional domain is no departure. */
  championEmail: 'own' | 'subdomain' | 'regional';
}

export interface PlantedOpportunity {
  accountId: string;
  name: string;
  plant: Plant;
  /** Any of these types is a correct reading of the planted evidence. */
  types: OpportunityType[];
  /** The catalog key, department or `seats` the opportunity must be about, when one is implied. */
  subject?: string;
  /** Must not be timed `now` (seat growth right after a renewal, no ceiling). */
  notNow?: boolean;
}

export interface Truth {
  seed: number;
  asOf: string;
  accounts: PlantedAccount[];
  opportunities: PlantedOpportunity[];
}

/** Archetypes that must come out red, and those that must not. */
export const HEALTHY_ARCHETYPES: readonly Archetype[] = ['healthy', 'mild', 'just_renewed'];
