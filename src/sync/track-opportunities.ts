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
import { hashText, hashValue, stableStringify } from '../store/hash.js';
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

/** Never-stored opportunities sent to the database at a time, while the next ones are hashed. */
const FRESH_CHUNK = 5_000;

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
  let gone: string[] = [];
  const states = args.states ?? (await bulkOpportunityStates(db, connection));
  const writes: OpportunityWrite[] = [];
  const unchanged: string[] = [];
  const detected = new Set<string>();
  await db.transaction(async (tx) => {
    // Hashing the documents is a good part of what storing them takes, so the
    // never-stored opportunities (a first run: all of them) go in a chunk at a time while the
    // next chunk is hashed, one chunk in flight: the database works while this thread hashes.
    let fresh: OpportunityWrite[] = [];
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      await inFlight;
      // Never stored: straight in (`bulkInsertOpportunities`). Stored: upserted below.
      inFlight = bulkInsertOpportunities(tx, connection, asOf, fresh);
      // Awaited at the next flush; until then a failure must not count as unhandled.
      inFlight.catch(() => undefined);
      fresh = [];
    };
    for (const opportunity of args.opportunities) {
      detected.add(opportunity.id);
      // "The opportunity changed" is the digest of its JSON text. The engine makes an
      // opportunity's members in one order whichever path made it (the output files are byte
      // for byte the same from the sharded and the one-thread analysis), so the same
      // opportunity has the same text, and the text hashed is the one stored: one plain
      // serialization where there were a sorted one for the digest and a plain one for the
      // store (12.9 against 27 µs an opportunity, 2026-12-07). Digests stored before that were
      // of the sorted text: the first run after it rewrites each opportunity once, as the
      // next day's date change does.
      const text = JSON.stringify(opportunity);
      const contentHash = hashText(text);
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
      const write = {
        opportunity,
        contentHash,
        dataHash: evidenceHash(opportunity),
        settingsVersion,
      };
      writes.push(write);
      // The text goes with the never-stored ones only: they are sent a chunk at a time, while
      // the stored ones wait for the end (all of them, the day after: 1 GB of text at 100k).
      if (!prev && fresh.push({ ...write, text }) >= FRESH_CHUNK) await flush();
    }
    await flush();
    await inFlight;
    const stored = writes.filter((w) => states.has(w.opportunity.id));
    // Only a stored opportunity being rewritten can have changed its scores: read just those.
    const before = await storedScores(
      tx,
      connection,
      stored.map((w) => w.opportunity.id),
    );
    const history: ScoreHistoryRow[] = [];
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
      if (!prev) history.push({ ...row, cause: 'new' });
      else if (
        stableStringify(before.get(o.id)) !== stableStringify(o.scores) ||
        prev.tier !== o.tier
      ) {
        history.push({ ...row, cause: causeOf(prev, w.dataHash, settingsVersion) });
      }
    }
    gone = [...states.values()].filter((s) => !detected.has(s.id) && !s.closedAt).map((s) => s.id);
    await bulkSaveOpportunities(tx, connection, asOf, stored);
    await touchOpportunities(tx, connection, asOf, unchanged);
    await closeOpportunities(tx, connection, gone);
    await bulkAddScoreHistory(tx, connection, history);
  });
  const created = writes.filter((w) => !states.has(w.opportunity.id)).length;
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
