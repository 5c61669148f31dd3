/**
 * One foreign account and all its records, from its profile: who it is (name, website as a URL,
 * country), what it owns (tier, modules, seats, features), how it uses the product, its health,
 * contract and deals, teams, contacts and signals, plus the truth of what was planted in it.
 */
import { buildContract } from './contract.js';
import { FOREIGN_CATALOG, LIMITED_METRICS } from './catalog.js';
import { healthFacts } from './health.js';
import { buildContacts, type EmailHome } from './people.js';
import { plantEvidence } from './plants.js';
import type { Profile } from './archetypes.js';
import type { Rng } from './random.js';
import type { Rows } from './rows.js';
import { metricUsage, seatUsage, type SeatShape } from './usage.js';
import { addDays } from './calendar.js';
import type { Firm } from './firm.js';
import { plantedTruth } from './plant-truth.js';
import type { PlantedOpportunity } from './truth.js';
import { OTHER_TEAMS, OWNERS, USING_TEAMS } from './world.js';

export interface Serials {
  contact(): string;
  deal(): string;
}

function seatShapeOf(p: Profile): SeatShape {
  if (p.risks.includes('usage_collapse')) return 'collapse';
  if (p.plants.includes('seat_ceiling') || p.traps.includes('seat_ceiling')) return 'ceiling';
  return p.archetype === 'trial' || p.archetype === 'free' ? 'young' : 'steady';
}

const LIFECYCLE = { trial: 'trial', free: 'free', churned: 'churned' } as const;

export function buildAccount(
  rng: Rng,
  asOf: string,
  firm: Firm,
  p: Profile,
  serials: Serials,
): { rows: Rows; truth: PlantedOpportunity[]; championEmail: EmailHome } {
  const small = p.archetype === 'trial' || p.archetype === 'free';
  const tier = FOREIGN_CATALOG.tiers[p.tier]!;
  const licensed = small ? rng.int(3, 30) : Math.round(12 * Math.exp(rng.next() * Math.log(45)));
  const expansionPlants = [...p.plants, ...p.traps];
  const owned = small
    ? []
    : rng.sample(
        FOREIGN_CATALOG.modules.map((m) => m.key),
        rng.chance(0.45) ? 0 : rng.int(1, 2),
      );
  const evidence = plantEvidence(rng, firm.id, asOf, expansionPlants, owned);
  const seats = seatUsage(rng, firm.id, asOf, licensed, seatShapeOf(p), small ? 3 : 13);
  const usage = [...seats.rows];
  const climbing = p.plants.includes('plan_limit') ? rng.pick(LIMITED_METRICS) : undefined;
  if (!small)
    for (const m of LIMITED_METRICS)
      usage.push(...metricUsage(rng, firm.id, asOf, m, tier.limits[m]!, m === climbing));

  // Teams: two or three run the product; a planted whitespace team is too big for the idle seats.
  const teams = rng.sample(Object.keys(USING_TEAMS), rng.int(2, 3));
  const heads = Math.round(licensed * (1.1 + rng.next() * 0.3));
  const departments = small
    ? []
    : teams.map((t, i) => ({
        account_id: firm.id,
        department: t,
        headcount: String(Math.max(2, Math.round(heads / teams.length) + i)),
        uses_product: 'true',
        seats: String(Math.max(1, Math.round(licensed / teams.length))),
      }));
  let newTeam: string | undefined;
  if (!small && expansionPlants.includes('new_department')) {
    newTeam = rng.pick(OTHER_TEAMS);
    const spare = licensed - seats.active;
    departments.push({
      account_id: firm.id,
      department: newTeam,
      headcount: String(2 * (spare + rng.int(12, 60))),
      uses_product: 'false',
      seats: '',
    });
  }

  const features = p.plants.includes('graduation')
    ? [...tier.features]
    : rng.sample(tier.features, Math.round(tier.features.length * (0.55 + rng.next() * 0.2)));
  const modulePrice = owned.reduce((n, k) => {
    const price = FOREIGN_CATALOG.modules.find((m) => m.key === k)!.price;
    return (
      n +
      (price.flat ??
        (price.perSeat ?? 0) * licensed + (price.pctOfArr ?? 0) * licensed * tier.seatPrice)
    );
  }, 0);
  const arr =
    p.archetype === 'churned' || p.archetype === 'free'
      ? 0
      : Math.round((licensed * tier.seatPrice * (0.82 + rng.next() * 0.18) + modulePrice) / 100) *
        100;
  const h = healthFacts(rng, asOf, p.archetype, p.risks, p.plants);
  const contract = buildContract(rng, asOf, p.archetype, firm.id, firm.name, arr, serials.deal);
  const growth = p.plants.includes('growth') ? 0.25 + rng.next() * 0.2 : -0.03 + rng.next() * 0.09;
  const employees = Math.round(licensed * (1.6 + rng.next() * 1.9));
  const [ownerName, ownerEmail] = rng.pick(OWNERS);
  const account = {
    account_id: firm.id,
    name: firm.name,
    domain: firm.website,
    industry: firm.industry,
    region: firm.country.region,
    owner_name: ownerName,
    owner_email: ownerEmail,
    lifecycle:
      p.archetype in LIFECYCLE ? LIFECYCLE[p.archetype as keyof typeof LIFECYCLE] : 'customer',
    plan: p.archetype === 'free' || (small && rng.chance(0.4)) ? '' : tier.key,
    products: owned.join(';'),
    arr: String(arr),
    currency: 'USD',
    licensed_seats: String(licensed),
    active_seats: String(seats.active),
    employees: String(employees),
    employees_prior: small ? '' : String(Math.round(employees / (1 + growth))),
    employees_prior_date: small ? '' : addDays(asOf, -365),
    contract_start: contract.start,
    renewal_date: contract.renewal,
    term_months: contract.term,
    health_score: h.score,
    nps: h.nps,
    csat: h.csat,
    tickets_90d: h.tickets,
    ticket_themes: [...h.themes, ...evidence.themes].join(';'),
    last_qbr_date: h.qbrDate,
    last_qbr_outcome: h.qbrOutcome,
    features_used: features.join(';'),
  };
  const people = buildContacts(
    rng,
    {
      accountId: firm.id,
      asOf,
      domain: firm.domain,
      teams,
      championLost: p.risks.includes('champion_lost'),
      small,
      ...(newTeam && rng.chance(0.5) ? { newTeamContact: newTeam } : {}),
    },
    serials.contact,
  );
  const rows: Rows = {
    accounts: [account],
    contacts: people.rows,
    deals: contract.deals,
    usage,
    departments,
    signals: evidence.signals,
  };
  return {
    rows,
    truth: plantedTruth(firm, p, { tier, climbing, newTeam, modules: evidence.modules }),
    championEmail: people.championEmail,
  };
}
