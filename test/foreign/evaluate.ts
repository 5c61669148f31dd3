/**
 * The bar of issue 14, measured: a sync's outputs against the planted truth. Accounts are matched
 * by name (ids carry the connection), opportunities by type and, where the truth names one, by
 * subject through the stable opportunity id (account, type, subject).
 */
import type { Catalog } from '../../src/model/catalog.js';
import type { AccountSummary, Health, Opportunity } from '../../src/model/output.js';
import { opportunityId } from '../../src/scoring/opportunity-id.js';
import { HEALTHY_ARCHETYPES, type PlantedOpportunity, type Truth } from './truth.js';

export interface Findings {
  opportunities: readonly Opportunity[];
  accounts: readonly AccountSummary[];
}

export interface Metrics {
  planted: number;
  found: number;
  recall: number;
  /** Planted opportunities not found, as `account | plant | types | subject`. */
  missed: string[];
  /** Tier 1–2 expansions without evidence beyond sizing, or on a red account. */
  unjustified: string[];
  tier12Expansions: number;
  /** Expansions pitched to an at-risk, trial or free account. */
  pitchedToAtRiskOrTrial: string[];
  /** Seat expansions timed `now` right after a renewal with no seat ceiling in the evidence. */
  seatsNowAfterRenewal: string[];
  /** Planted module needs answered by an add-on or displacement naming that module. */
  modulesNamed: number;
  modulesPlanted: number;
  moduleShare: number;
  /** Health lights of the healthy majority (healthy, mild and just-renewed accounts). */
  healthy: Record<Health, number>;
  healthyRedShare: number;
  healthyGreenShare: number;
  /** At-risk accounts that came out red. */
  atRiskRed: number;
  atRisk: number;
  /** Expansions that match no plant (benchmarks against peers, rollout services...): for
   * information, the bar does not measure precision. */
  unplannedExpansions: number;
  /** Accounts flagged champion_left where no champion left and the champion's email is on the
   * company's own domain or a subdomain of it (a regional domain alone may be a weak hint). */
  falseDepartures: string[];
}

const SELLING = new Set(['at_risk', 'trial', 'free']);

function matches(o: Opportunity, t: PlantedOpportunity): boolean {
  if (o.accountName !== t.name || !t.types.includes(o.type)) return false;
  return t.subject === undefined || o.id === opportunityId(o.accountId, o.type, t.subject);
}

const label = (o: Opportunity) => `${o.accountName} | ${o.type} | ${o.title}`;

export function evaluate(f: Findings, truth: Truth, catalog: Catalog): Metrics {
  const byName = new Map<string, Opportunity[]>();
  for (const o of f.opportunities)
    byName.set(o.accountName, [...(byName.get(o.accountName) ?? []), o]);
  const found = (t: PlantedOpportunity) => (byName.get(t.name) ?? []).find((o) => matches(o, t));
  const missed = truth.opportunities.filter((t) => !found(t));
  const archetype = new Map(truth.accounts.map((a) => [a.name, a]));
  const summary = new Map(f.accounts.map((a) => [a.name, a]));

  const expansions = f.opportunities.filter((o) => o.category === 'expansion');
  const tier12 = expansions.filter((o) => o.tier <= 2);
  const unjustified = tier12.filter(
    (o) => o.health === 'red' || !o.evidence.some((e) => e.signal !== 'sizing'),
  );
  const pitched = expansions.filter((o) =>
    SELLING.has(archetype.get(o.accountName)?.archetype ?? ''),
  );
  const seatsNow = f.opportunities.filter(
    (o) =>
      o.type === 'seat_expansion' &&
      o.timing === 'now' &&
      summary.get(o.accountName)?.flags.includes('just_renewed') &&
      !o.evidence.some((e) => e.signal === 'seat_ceiling_sustained'),
  );
  const notNow = truth.opportunities.filter((t) => t.notNow && found(t)?.timing === 'now');

  const moduleKeys = new Set(catalog.modules.map((m) => m.key));
  const modulePlants = truth.opportunities.filter((t) => t.subject && moduleKeys.has(t.subject));
  const named = modulePlants.filter((t) =>
    (byName.get(t.name) ?? []).some((o) =>
      matches(o, { ...t, types: ['add_on', 'competitive_displacement'] }),
    ),
  );

  const healthy: Record<Health, number> = { green: 0, yellow: 0, red: 0 };
  let atRisk = 0;
  let atRiskRed = 0;
  const falseDepartures: string[] = [];
  for (const a of truth.accounts) {
    const s = summary.get(a.name);
    if (!s) continue;
    if (HEALTHY_ARCHETYPES.includes(a.archetype)) healthy[s.health]++;
    if (a.archetype === 'at_risk') {
      atRisk++;
      if (s.health === 'red') atRiskRed++;
    }
    const sameCompany = a.championEmail !== 'regional';
    if (s.flags.includes('champion_left') && !a.risks.includes('champion_lost') && sameCompany)
      falseDepartures.push(a.name);
  }
  const planted = (o: Opportunity) => truth.opportunities.some((t) => matches(o, t));
  const unplannedExpansions = expansions.filter((o) => !planted(o)).length;
  const healthyTotal = healthy.green + healthy.yellow + healthy.red || 1;
  const n = truth.opportunities.length;
  return {
    planted: n,
    found: n - missed.length,
    recall: n ? (n - missed.length) / n : 1,
    missed: missed.map((t) => `${t.name} | ${t.plant} | ${t.types.join('/')} | ${t.subject ?? ''}`),
    unjustified: unjustified.map(label),
    tier12Expansions: tier12.length,
    pitchedToAtRiskOrTrial: pitched.map(label),
    seatsNowAfterRenewal: [
      ...new Set([...seatsNow.map(label), ...notNow.map((t) => `${t.name} | planted ${t.plant}`)]),
    ],
    modulesNamed: named.length,
    modulesPlanted: modulePlants.length,
    moduleShare: modulePlants.length ? named.length / modulePlants.length : 1,
    healthy,
    healthyRedShare: healthy.red / healthyTotal,
    healthyGreenShare: healthy.green / healthyTotal,
    atRiskRed,
    atRisk,
    falseDepartures,
    unplannedExpansions,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The figures, one per line, for the test log and the report command. */
export function formatMetrics(name: string, m: Metrics): string {
  return [
    `${name}`,
    `  recall of planted opportunities: ${m.found}/${m.planted} = ${pct(m.recall)}`,
    `  tier 1-2 expansions: ${m.tier12Expansions}, unjustified: ${m.unjustified.length}`,
    `  expansions pitched to at-risk/trial/free accounts: ${m.pitchedToAtRiskOrTrial.length}`,
    `  seat expansions timed now right after a renewal without a ceiling: ${m.seatsNowAfterRenewal.length}`,
    `  planted module needs answered naming the module: ${m.modulesNamed}/${m.modulesPlanted} = ${pct(m.moduleShare)}`,
    `  healthy majority: green ${m.healthy.green}, yellow ${m.healthy.yellow}, red ${m.healthy.red} (red ${pct(m.healthyRedShare)})`,
    `  at-risk accounts red: ${m.atRiskRed}/${m.atRisk}`,
    `  champion_left flags without a departure: ${m.falseDepartures.length}`,
    `  expansions matching no plant (not measured by the bar): ${m.unplannedExpansions}`,
    ...(m.missed.length ? ['  missed:', ...m.missed.slice(0, 15).map((s) => `    ${s}`)] : []),
  ].join('\n');
}
