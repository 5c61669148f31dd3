/**
 * What a run the mass-change guard stops looks like: status `held`, the figures, and the way to
 * proceed as its error text; and the opportunity counts the guard reads.
 */
import type { Opportunity } from '../model/output.js';
import type { OpportunityState } from '../store/opportunities.js';
import type { MassChangeHold } from './mass-change-guard.js';
import type { RunReport, SyncLogger } from './types.js';

/** Open opportunities stored, and how many of them this run no longer detects (would close). */
export function closingCounts(
  states: Map<string, OpportunityState>,
  detected: readonly Opportunity[],
  /** Open opportunities of the whole connection, when `states` are those of some accounts. */
  open?: number,
): { before: number; gone: number } {
  const ids = new Set(detected.map((o) => o.id));
  let before = 0;
  let gone = 0;
  for (const s of states.values()) {
    if (s.closedAt) continue;
    before++;
    if (!ids.has(s.id)) gone++;
  }
  return { before: open ?? before, gone };
}

/** Mark the report held; the caller returns it (the run's finally records it). */
export function holdRun(report: RunReport, held: MassChangeHold, log: SyncLogger): RunReport {
  report.status = 'held';
  report.held = held;
  report.error = held.message;
  delete report.analysis;
  log.warn(
    { connection: report.connection, runId: report.runId, massChange: held },
    `sync held: ${held.message}`,
  );
  return report;
}
