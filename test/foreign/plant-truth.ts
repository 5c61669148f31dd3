/**
 * The truth of one account's plants: for each, the opportunity types that read it correctly and
 * the subject they must name. Traps on at-risk and trial accounts are not opportunities.
 */
import type { Tier } from '../../src/model/catalog.js';
import type { Profile } from './archetypes.js';
import { FOREIGN_CATALOG } from './catalog.js';
import type { Firm } from './firm.js';
import type { Plant, PlantedOpportunity } from './truth.js';

export interface PlantFacts {
  tier: Tier;
  climbing: string | undefined;
  newTeam: string | undefined;
  modules: Partial<Record<Plant, string>>;
}

type Reading = Omit<PlantedOpportunity, 'accountId' | 'name' | 'plant'>;

function readingOf(plant: Plant, f: PlantFacts): Reading {
  const tiers = FOREIGN_CATALOG.tiers;
  const next = tiers[tiers.indexOf(f.tier) + 1];
  switch (plant) {
    case 'seat_ceiling':
      return { types: ['seat_expansion'], subject: 'seats' };
    case 'growth':
      return { types: ['seat_expansion'], subject: 'seats', notNow: true };
    case 'plan_limit':
      // On the top tier there is nothing to upgrade to: more capacity within the plan.
      return next
        ? { types: ['tier_upgrade'], subject: next.key }
        : { types: ['usage_expansion'], subject: f.climbing! };
    case 'graduation':
      return { types: ['tier_upgrade'], subject: next!.key };
    case 'add_on':
      return { types: ['add_on'], subject: f.modules.add_on! };
    case 'displacement':
      return { types: ['competitive_displacement'], subject: f.modules.displacement! };
    case 'new_department':
      return { types: ['new_department'], subject: f.newTeam!.toLowerCase() };
    case 'acquisition':
      return { types: ['professional_services'], subject: 'svc-go-live' };
    case 'new_office':
      return { types: ['professional_services'], subject: 'svc-branch-launch' };
    case 'how_to_tickets':
      // Seed 004 "Services": premium support or training; either is a correct reading.
      return { types: ['support_upgrade', 'professional_services'] };
    case 'conversion':
      return { types: ['conversion'] };
  }
}

export function plantedTruth(firm: Firm, p: Profile, f: PlantFacts): PlantedOpportunity[] {
  return p.plants.map((plant) => ({
    accountId: firm.id,
    name: firm.name,
    plant,
    ...readingOf(plant, f),
  }));
}
