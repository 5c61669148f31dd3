/**
 * Under-penetration against the cohort's top quartile: seats per employee (seats, when the
 * licence is in use), features adopted (activation: they already have them) and products owned
 * (the module the top quartile owns most).
 */
import type { AccountContext } from '../context.js';
import { priceOf } from '../catalog-index.js';
import { money, pct } from '../format.js';
import { ev, type Candidate } from './candidate.js';

const two = (n: number): string => n.toFixed(2);

export function detectBenchmarkGaps(ctx: AccountContext): Candidate[] {
  const c = ctx.cohort;
  if (!c) return [];
  const { account, seats, settings } = ctx;
  const b = settings.benchmarks;
  const out: Candidate[] = [];
  const spe = c.seatsPerEmployee;
  if (spe && seats && seats.licensed > 0 && account.employees) {
    const own = seats.licensed / account.employees;
    const inUse = seats.active / seats.licensed >= settings.activation.seatUtilBelow;
    const add = Math.round((spe.p75 * account.employees - seats.licensed) * b.captureShare);
    if (own < b.gapShare * spe.p75 && inUse && add >= 1) {
      const arr = add * ctx.seatPrice;
      out.push({
        type: 'seat_expansion',
        category: 'expansion',
        subject: 'seats',
        title: `Close the seat gap to peers: ${add} seats`,
        description: `Seats per employee trail the top quartile of ${spe.label}: grow coverage by ${add} seats.`,
        evidence: [
          ev(
            'benchmark_seats_per_employee',
            `${two(own)} seats per employee vs ${two(spe.p75)} in the top quartile of ${spe.label} (${spe.size} accounts); under ${pct(b.gapShare)}% of it`,
            Number(two(own)),
            Number(two(spe.p75)),
            'seats.licensed / employees',
          ),
          ev(
            'sizing',
            `${pct(b.captureShare)}% of the gap to the top quartile = ${add} seats x ${money(ctx.seatPrice)} = ${money(arr)}`,
            arr,
            undefined,
            'catalog.tiers.seatPrice',
          ),
        ],
        currentState: `${seats.licensed} seats for ${account.employees} employees`,
        proposedState: `${seats.licensed + add} seats`,
        estimatedArr: arr,
        strength: 0.3,
        strongTrigger: false,
        risks: ['Benchmark-based: validate the need with the champion'],
      });
    }
  }
  const fs = c.featureShare;
  const tier = ctx.tier;
  if (fs && tier && tier.features.length > 0) {
    const own = account.featuresUsed.length / tier.features.length;
    if (own < b.gapShare * fs.p75) {
      out.push({
        type: 'activation',
        category: 'activation',
        subject: 'features',
        title: `Adopt more of ${tier.name}: behind peers on features`,
        description: `Feature adoption trails the top quartile of ${fs.label}: enable the features they already pay for.`,
        evidence: [
          ev(
            'benchmark_feature_adoption',
            `${pct(own)}% of ${tier.name} features adopted vs ${pct(fs.p75)}% in the top quartile of ${fs.label} (${fs.size} accounts)`,
            pct(own),
            pct(fs.p75),
            'featuresUsed',
          ),
        ],
        currentState: `${account.featuresUsed.length} of ${tier.features.length} features in use`,
        proposedState: `Adoption at the peer top quartile (${pct(fs.p75)}%)`,
        estimatedArr: 0,
        valueAtStake: 0,
        strength: 0.4,
        strongTrigger: false,
        risks: [],
      });
    }
  }
  const pr = c.products;
  const module = c.topModules
    .map((k) => ctx.cx.moduleByKey.get(k))
    .find((m) => m && !account.products.includes(m.key));
  if (pr && module && account.products.length < b.gapShare * pr.p75) {
    const price = priceOf(module.price, ctx.seatBase, account.arr);
    out.push({
      type: 'add_on',
      category: 'expansion',
      subject: module.key,
      title: `Add ${module.name}: most owned by top peers`,
      description: `Peers in ${pr.label} with the broadest footprint most often own ${module.name}; this account owns ${account.products.length} module(s).`,
      evidence: [
        ev(
          'benchmark_products',
          `${account.products.length} modules owned vs ${pr.p75} in the top quartile of ${pr.label} (${pr.size} accounts); ${module.name} is their most common`,
          account.products.length,
          pr.p75,
          'products',
        ),
        ev(
          'sizing',
          `${module.name} = ${money(price)}`,
          price,
          undefined,
          `catalog.modules.${module.key}.price`,
        ),
      ],
      currentState:
        account.products.length > 0 ? `Owns ${account.products.join(', ')}` : 'Core product only',
      proposedState: `Adds ${module.name}`,
      estimatedArr: price,
      strength: 0.3,
      strongTrigger: false,
      risks: ['Peer-based: no stated need yet; discover one first'],
    });
  }
  return out;
}
