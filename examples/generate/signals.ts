/**
 * Current business signals (the last ~75 days): what makes an archetype's opportunity visible.
 * Add-on and competitor accounts get texts naming the module they lack; growth accounts get
 * funding, hiring, offices and acquisitions; red accounts get the news that explains the risk.
 */
import { growthSignal, GROWTH_KINDS, leadershipSignal, moduleSignal } from './events.js';
import { moduleKinds } from './phrases.js';
import { moduleOf } from './pricing.js';
import type { GenAccount, GenContext, Row } from './types.js';

export function currentSignals(ctx: GenContext, a: GenAccount): Row[] {
  const { rng, catalog, asOf } = ctx;
  const recent = () => asOf - rng.int(3, 75);
  const out: Row[] = [];
  const target = a.target ? moduleOf(catalog, a.target) : undefined;
  switch (a.archetype) {
    case 'addon_fit':
      for (let i = rng.int(1, 2); i > 0; i--) {
        out.push(
          moduleSignal(
            rng,
            a.id,
            recent(),
            target!,
            moduleKinds(target!).filter((k) => k !== 'competitor'),
          ),
        );
      }
      break;
    case 'competitor':
      out.push(moduleSignal(rng, a.id, recent(), target!, ['competitor']));
      break;
    case 'dept_growth':
      for (const kind of rng.sample(GROWTH_KINDS, rng.int(1, 3)))
        out.push(growthSignal(rng, a.id, recent(), kind));
      break;
    case 'at_risk':
    case 'at_risk_ceiling':
      if (rng.chance(0.5))
        out.push(
          leadershipSignal(rng, a.id, recent(), 'New COO is reviewing every vendor contract'),
        );
      if (rng.chance(0.3))
        out.push([
          a.id,
          { day: recent() },
          'competitor',
          'Evaluating Asana as a replacement at renewal',
          undefined,
        ]);
      // The trap: a growing company at its seat ceiling that is nonetheless unhappy.
      if (a.archetype === 'at_risk_ceiling' && rng.chance(0.5))
        out.push(growthSignal(rng, a.id, recent(), 'hiring'));
      break;
    case 'graduation':
      if (rng.chance(0.3)) out.push(leadershipSignal(rng, a.id, recent()));
      break;
    default:
      break;
  }
  return out;
}
