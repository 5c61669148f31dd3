/**
 * Module gaps: workaround, initiative, regulatory, competitor and ticket-theme text naming a need
 * a catalog module `addresses`. Not owned → an add-on (a competitor alongside → competitive
 * displacement); already owned → activation, never a second sale of what they have.
 */
import type { Module } from '../../model/catalog.js';
import type { Evidence } from '../../model/output.js';
import type { AccountContext, TextItem } from '../context.js';
import { priceBasis, priceOf } from '../catalog-index.js';
import { money } from '../format.js';
import { ev, strengthOf, type Candidate } from './candidate.js';

interface Need {
  module: Module;
  items: { item: TextItem; keyword: string }[];
}

function needs(ctx: AccountContext): Need[] {
  const byModule = new Map<string, Need>();
  for (const item of ctx.texts) {
    for (const { module, matcher } of ctx.cx.moduleMatchers) {
      const keyword = matcher.find(item.text);
      if (!keyword) continue;
      const need = byModule.get(module.key) ?? { module, items: [] };
      need.items.push({ item, keyword });
      byModule.set(module.key, need);
    }
  }
  return [...byModule.values()];
}

const sourceName = (s: TextItem['source']): string =>
  s === 'ticket_theme' ? 'ticket theme' : `${s.replace('_', ' ')} signal`;

function needEvidence(need: Need): Evidence[] {
  return need.items.map(({ item, keyword }) =>
    ev(
      item.source === 'competitor' ? 'competitor' : 'module_need',
      `${sourceName(item.source)} "${item.text}" matches ${need.module.name} ("${keyword}")`,
      keyword,
      need.module.key,
      item.field,
    ),
  );
}

export function detectModuleGaps(ctx: AccountContext): Candidate[] {
  const { account, cx } = ctx;
  const out: Candidate[] = [];
  for (const need of needs(ctx)) {
    const m = need.module;
    const evidence = needEvidence(need);
    const sources = new Set(need.items.map((i) => `${i.item.source}:${i.item.text}`)).size;
    const price = priceOf(m.price, ctx.seatBase, account.arr);
    if (account.products.includes(m.key)) {
      out.push({
        type: 'activation',
        category: 'activation',
        subject: `module-${m.key}`,
        title: `Activate ${m.name}: owned, yet the need is met elsewhere`,
        description: `The account pays for ${m.name} but still works around the need it solves: enable it, do not sell it again.`,
        evidence,
        currentState: `Owns ${m.name}; need handled outside it`,
        proposedState: `${m.name} in use for the need`,
        estimatedArr: 0,
        valueAtStake: price,
        strength: strengthOf(sources),
        strongTrigger: false,
        risks: [],
      });
      continue;
    }
    const competitor = need.items.some((i) => i.item.source === 'competitor');
    const risks: string[] = [];
    const required = m.requiresTier ? cx.tierRank.get(m.requiresTier) : undefined;
    const current = ctx.tier ? cx.tierRank.get(ctx.tier.key) : undefined;
    if (required !== undefined && (current === undefined || current < required)) {
      risks.push(
        `Requires the ${cx.catalog.tiers[required]!.name} tier (account is on ${ctx.tier?.name ?? 'an unknown tier'})`,
      );
    }
    if (competitor)
      risks.push('Competitor in place: expect an evaluation and switching-cost objections');
    evidence.push(
      ev(
        'sizing',
        `${m.name}: ${priceBasis(m.price, ctx.seatBase)} = ${money(price)}`,
        price,
        undefined,
        `catalog.modules.${m.key}.price`,
      ),
    );
    out.push({
      type: competitor ? 'competitive_displacement' : 'add_on',
      category: 'expansion',
      subject: m.key,
      title: competitor ? `Replace a competitor with ${m.name}` : `Add ${m.name}`,
      description: competitor
        ? `A competing tool covers what ${m.name} does: consolidate onto ${m.name}.`
        : `Add ${m.name} for the need the account describes in its own words.`,
      evidence,
      currentState:
        account.products.length > 0 ? `Owns ${account.products.join(', ')}` : 'Core product only',
      proposedState: `Adds ${m.name}`,
      estimatedArr: price,
      strength: strengthOf(sources),
      strongTrigger: false,
      extraStakeholders: risks.length > 0 && required !== undefined ? 1 : 0,
      risks,
    });
  }
  return out;
}
