/**
 * What the playbook reads besides its facts, and the facts of cached accounts: the parts of the
 * output files (`outputs.ts`) and of learning (`learn.ts`) the playbook job needs
 * (`playbook-job.ts`). Kept apart from those two, which bring the scoring and the store, so that
 * the job's thread loads only the playbook: at 100k accounts a 1% re-sync waits for that thread,
 * and it boots with every run.
 */
import type { Catalog } from '../model/catalog.js';
import {
  renderSignalPrecision,
  signalPrecision,
  signalPrecisionOf,
  type PrecisionItem,
} from '../learning/signal-precision.js';
import type { PlaybookFacts } from '../narrative/playbook-facts.js';
import type { CachedAccount } from '../output/results-cache/index.js';
import type { Learned, Retro, RetroAccount } from './learn.js';

/** Whether the playbook's signal-precision section comes from the retro history: no Headroom
 * opportunity has been resolved yet (`signalPrecisionSection`). */
export const needsRetro = (learned: Learned | undefined): boolean =>
  !learned?.history.some((h) => h.outcome);

/** The retro items of every account, in portfolio order. */
export const retroItems = (accounts: Iterable<RetroAccount>): PrecisionItem[] =>
  [...accounts].flatMap((a) => a.items);

/** The playbook's signal-precision section: resolved Headroom opportunities where there are
 * any, else the portfolio's own history (`retroByAccount`). */
export function signalPrecisionSection(
  learned: Learned | undefined,
  retro: () => { cutoff: string; items: PrecisionItem[] },
): { title: string; markdown: string } {
  if (!needsRetro(learned)) return renderSignalPrecision(signalPrecision(learned!.history));
  const { cutoff, items } = retro();
  const section = renderSignalPrecision(signalPrecisionOf(items));
  return {
    title: section.title,
    markdown:
      `No Headroom opportunity has been resolved in the CRM yet, so these figures come from the portfolio's own history: ` +
      `opportunities as they would have been raised on ${cutoff}, and whether the account won an expansion since.\n\n` +
      section.markdown,
  };
}

/** The signal-precision section, from the retro items in portfolio order when learning has
 * nothing resolved yet. */
export const precisionSection = (learned: Learned | undefined, retro: () => Retro) =>
  signalPrecisionSection(learned, () => {
    const r = retro();
    return { cutoff: r.cutoff, items: retroItems(r.accounts.values()) };
  });

/** The playbook facts of cached accounts, in their order. */
export function factsFromEntries(
  entries: readonly Omit<CachedAccount, 'oppsBytes' | 'accountBytes'>[],
) {
  const facts: PlaybookFacts = {
    opportunities: entries.flatMap((e) => e.opportunities),
    accounts: entries.map((e) => e.summary),
    records: entries.flatMap((e) => (e.record ? [e.record] : [])),
    activeContacts: new Map(
      entries.flatMap((e) => (e.activeContacts !== undefined ? [[e.id, e.activeContacts]] : [])),
    ),
    notes: new Map(entries.map((e) => [e.id, e.notes])),
  };
  return facts;
}

/** What the playbook reads of the run (the forecast settings are the playbook's defaults, as
 * for every sync). */
export const playbookOptions = (
  ctx: { asOf: string; portfolioName: string; catalog: Catalog },
  section: { title: string; markdown: string },
) => ({
  asOf: ctx.asOf,
  portfolioName: ctx.portfolioName,
  catalog: ctx.catalog,
  extraSections: [section],
});
