/**
 * The mass-change guard. A pull that comes back without records that were there before (a CRM
 * answering a query wrongly, a mapping's `where` edited to match nothing, an export cut short)
 * looks exactly like a portfolio that shrank. Before a run deletes mirror records, closes
 * opportunities or writes to the CRM, it is compared with what the last successful run left: if
 * more than `share` of the accounts would disappear, or of the open opportunities would close,
 * the run is held (status `held`, the figures recorded) until someone confirms it. A source with
 * no accounts at all is always held. Pure: the sync engine gathers the counts.
 *
 * Hightouch and Census stop syncs the same way ("sync would delete more than N% of rows").
 */

/** @default 0.2 (20%) */
export const DEFAULT_MASS_CHANGE_SHARE = 0.2;

export interface MassChangeSettings {
  /** Largest share (0–1) of accounts that may disappear, or of open opportunities that may close,
   * without a confirmation. @default 0.2 */
  share: number;
  /** Confirmed: the run goes on whatever the figures (`--allow-mass-change`, the console). */
  allow: boolean;
}

export interface MassChangeHold {
  what: 'accounts' | 'opportunities';
  /** Live accounts / open opportunities left by the last successful run. */
  before: number;
  /** How many would disappear / close in this run. */
  gone: number;
  /** Accounts / open opportunities after this run. */
  after: number;
  /** gone / before (1 when before is 0). */
  share: number;
  threshold: number;
  /** The run compared with (the last successful, non-dry one), where there is one. */
  comparedWithRun?: number;
  message: string;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)}%`;

const HOW =
  'check the source; if the change is real, run again with --allow-mass-change ' +
  '(or press "Confirm and run" on this run in the console)';

function hold(
  what: MassChangeHold['what'],
  counts: { before: number; gone: number; after: number },
  settings: MassChangeSettings,
  comparedWithRun: number | undefined,
  why: string,
): MassChangeHold {
  const share = counts.before ? counts.gone / counts.before : 1;
  return {
    what,
    ...counts,
    share,
    threshold: settings.share,
    ...(comparedWithRun !== undefined ? { comparedWithRun } : {}),
    message: `held before any write: ${why}; ${HOW}`,
  };
}

/** Accounts: held when none would be left, or when more than `share` would disappear. */
export function checkAccounts(
  counts: { before: number; after: number; gone: number },
  settings: MassChangeSettings,
  comparedWithRun?: number,
): MassChangeHold | undefined {
  if (settings.allow) return undefined;
  if (counts.after === 0) {
    const why = counts.before
      ? `the source returned no accounts (all ${counts.before} would disappear)`
      : 'the source returned no accounts';
    return hold('accounts', counts, settings, comparedWithRun, why);
  }
  if (counts.before === 0 || counts.gone / counts.before <= settings.share) return undefined;
  const why =
    `${counts.gone} of ${counts.before} accounts (${pct(counts.gone / counts.before)}) would ` +
    `disappear, more than the ${pct(settings.share)} allowed`;
  return hold('accounts', counts, settings, comparedWithRun, why);
}

/** Open opportunities: held when more than `share` of them would close. */
export function checkOpportunities(
  counts: { before: number; gone: number },
  settings: MassChangeSettings,
  comparedWithRun?: number,
): MassChangeHold | undefined {
  if (settings.allow || counts.before === 0) return undefined;
  const share = counts.gone / counts.before;
  if (share <= settings.share) return undefined;
  const why =
    `${counts.gone} of ${counts.before} open opportunities (${pct(share)}) would close, ` +
    `more than the ${pct(settings.share)} allowed`;
  return hold(
    'opportunities',
    { ...counts, after: counts.before - counts.gone },
    settings,
    comparedWithRun,
    why,
  );
}
