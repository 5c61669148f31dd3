/**
 * Compare the run's opportunities with the stored ones: new, changed, unchanged, no longer
 * detected. Status set by people is never touched here. Every score change gets a history row
 * saying why: the opportunity's evidence changed (data), the scoring settings did, or both.
 * One statement per change kind (`store/bulk/`), whatever the number of opportunities.
 */
import type { Opportunity } from '../model/output.js';
import { bulkAddScoreHistory } from '../store/bulk/add-score-history.js';
import { bulkOpportunityStates, storedScores } from '../store/bulk/opportunity-states.js';
import { bulkInsertOpportunities } from '../store/bulk/insert-opportunities.js';
import { bulkSaveOpportunities, type OpportunityWrite } from '../store/bulk/save-opportunities.js';
import type { Db } from '../store/db.js';
import { hashValue, stableStringify } from '../store/hash.js';
import {
  closeOpportunities,
  touchOpportunities,
  type OpportunityState,
} from '../store/opportunities.js';
import type { ScoreCause, ScoreHistoryRow } from '../store/score-history.js';

export interface TrackResult {
  new: number;
  changed: number;
  closed: number;
  /** Every stored opportunity after the update (statuses included). */
  states: Map<string, OpportunityState>;
}

/** The evidence behind an opportunity: what "the data changed" means. */
export const evidenceHash = (o: Opportunity): string =>
  hashValue({ accountId: o.accountId, type: o.type, evidence: o.evidence });

function causeOf(prev: OpportunityState, dataHash: string, settingsVersion: string): ScoreCause {
  const data = prev.dataHash !== dataHash;
  const settings = prev.settingsVersion !== settingsVersion;
  return data && settings ? 'data+settings' : settings ? 'settings' : 'data';
}

export async function trackOpportunities(
  db: Db,
  args: {
    connection: string;
    runId: number;
    asOf: string;
    opportunities: Opportunity[];
    settingsVersion: string;
    /** The stored states, when the caller has just read them (the mass-change guard). */
    states?: Map<string, OpportunityState>;
  },
): Promise<TrackResult> {
  const { connection, runId, asOf, settingsVersion } = args;
  const states = args.states ?? (await bulkOpportunityStates(db, connection));
  const writes: OpportunityWrite[] = [];
  const unchanged: string[] = [];
  for (const opportunity of args.opportunities) {
    const contentHash = hashValue(opportunity);
    const prev = states.get(opportunity.id);
    if (
      prev &&
      prev.contentHash === contentHash &&
      prev.settingsVersion === settingsVersion &&
      !prev.closedAt
    ) {
      unchanged.push(opportunity.id);
      continue;
    }
    writes.push({
      opportunity,
      contentHash,
      dataHash: evidenceHash(opportunity),
      settingsVersion,
    });
  }
  // Only a stored opportunity being rewritten can have changed its scores: read just those.
  const before = await storedScores(
    db,
    connection,
    writes.filter((w) => states.has(w.opportunity.id)).map((w) => w.opportunity.id),
  );
  const history: ScoreHistoryRow[] = [];
  let created = 0;
  for (const w of writes) {
    const o = w.opportunity;
    const prev = states.get(o.id);
    const row = {
      opportunityId: o.id,
      runId,
      asOf,
      scores: o.scores,
      tier: o.tier,
      dataHash: w.dataHash,
      settingsVersion,
    };
    if (!prev) {
      created++;
      history.push({ ...row, cause: 'new' });
    } else if (
      stableStringify(before.get(o.id)) !== stableStringify(o.scores) ||
      prev.tier !== o.tier
    ) {
      history.push({ ...row, cause: causeOf(prev, w.dataHash, settingsVersion) });
    }
  }
  const detected = new Set(args.opportunities.map((o) => o.id));
  const gone = [...states.values()]
    .filter((s) => !detected.has(s.id) && !s.closedAt)
    .map((s) => s.id);
  await db.transaction(async (tx) => {
    // Never stored (a first run: all of them): straight in. Stored: upserted, status kept.
    await bulkInsertOpportunities(
      tx,
      connection,
      asOf,
      writes.filter((w) => !states.has(w.opportunity.id)),
    );
    await bulkSaveOpportunities(
      tx,
      connection,
      asOf,
      writes.filter((w) => states.has(w.opportunity.id)),
    );
    await touchOpportunities(tx, connection, asOf, unchanged);
    await closeOpportunities(tx, connection, gone);
    await bulkAddScoreHistory(tx, connection, history);
  });
  // Bring the in-memory states up to date instead of reading every row back.
  const now = new Date().toISOString();
  for (const w of writes) {
    const o = w.opportunity;
    const prev = states.get(o.id);
    states.set(o.id, {
      id: o.id,
      status: prev?.status ?? 'open',
      contentHash: w.contentHash,
      dataHash: w.dataHash,
      settingsVersion,
      scores: o.scores,
      tier: o.tier,
    });
  }
  for (const id of gone) states.get(id)!.closedAt = now;
  return { new: created, changed: writes.length - created, closed: gone.length, states };
}
