/**
 * Every bulk store path leaves the store holding exactly the rows the row-by-row path leaves
 * (on PGlite and, with DATABASE_URL, on the Postgres server): the same input goes through
 * both, into two empty stores, and the tables are compared row for row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkAddScoreHistory } from '../../../src/store/bulk/add-score-history.js';
import { bulkDeleteMirror } from '../../../src/store/bulk/delete-mirror.js';
import { bulkInsertMirror, mirrorHoldsNone } from '../../../src/store/bulk/insert-mirror.js';
import { bulkLiveRecords } from '../../../src/store/bulk/live-records.js';
import { bulkMirrorHashes } from '../../../src/store/bulk/mirror-hashes.js';
import { bulkOpportunityStates, storedScores } from '../../../src/store/bulk/opportunity-states.js';
import { bulkRecordOutcomes } from '../../../src/store/bulk/record-outcomes.js';
import { bulkInsertOpportunities } from '../../../src/store/bulk/insert-opportunities.js';
import { bulkSaveOpportunities } from '../../../src/store/bulk/save-opportunities.js';
import { bulkUpsertMirror } from '../../../src/store/bulk/upsert-mirror.js';
import type { Store } from '../../../src/store/db.js';
import { hashText, hashValue, stableStringify } from '../../../src/store/hash.js';
import {
  deleteFromMirror,
  mirrorHashes,
  readMirror,
  upsertMirror,
} from '../../../src/store/mirror.js';
import {
  closeOpportunities,
  opportunityStates,
  saveOpportunities,
} from '../../../src/store/opportunities.js';
import { recordOutcome, type Outcome } from '../../../src/store/outcomes.js';
import { addScoreHistory, type ScoreHistoryRow } from '../../../src/store/score-history.js';
import { backends } from '../backends.js';
import { mirrorRecords, opportunity, tableRows, textPicker } from './rows.js';

const asText = (rs: ReturnType<typeof mirrorRecords>) =>
  rs.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    json: stableStringify(r.data),
    hash: r.hash,
  }));

describe.each(backends())('bulk store paths on $name', (backend) => {
  // Two stores, one per path; each test writes its own table, so they share the pair.
  let rowWise: Store;
  let bulk: Store;
  beforeAll(async () => {
    rowWise = await backend.open();
    bulk = await backend.open();
  });
  afterAll(() => backend.cleanup());

  it('mirror: upserts, deletes and revivals leave the same rows as the row-by-row path', async () => {
    const first = mirrorRecords(700, 11);
    await upsertMirror(rowWise, 'c', 'account', 1, first);
    expect(await bulkUpsertMirror(bulk, 'c', 'account', 1, asText(first))).toBe(first.length);
    expect(await tableRows(bulk, 'mirror', 'object, id')).toEqual(
      await tableRows(rowWise, 'mirror', 'object, id'),
    );

    // Gone at the source: known ids, an unknown one, one listed twice.
    const gone = [...first.slice(0, 40).map((r) => r.id), 'never-seen', first[0]!.id];
    const deletedRowWise = await deleteFromMirror(rowWise, 'c', 'account', gone);
    expect(await bulkDeleteMirror(bulk, 'c', 'account', gone)).toBe(deletedRowWise);
    expect(deletedRowWise).toBe(40);

    // Next run: some changed, some of the deleted back, some new.
    const changed = mirrorRecords(700, 11, 'v2').slice(0, 300);
    // Ids as odd as a CRM export allows (they come back through COPY text both ways).
    const odd = ['id\twith tab', 'line\nbreak', 'back\\slash', '\\N', 'Zoë-🚀'].map((id, i) => ({
      ...mirrorRecords(1, 30 + i)[0]!,
      id,
    }));
    const second = [...changed, ...mirrorRecords(195, 12), ...odd];
    await upsertMirror(rowWise, 'c', 'account', 2, second);
    expect(await bulkUpsertMirror(bulk, 'c', 'account', 2, asText(second))).toBe(second.length);
    const rows = await tableRows(bulk, 'mirror', 'object, id');
    expect(rows).toEqual(await tableRows(rowWise, 'mirror', 'object, id'));
    expect(rows).toHaveLength(900);
    const hashes = await bulkMirrorHashes(bulk, 'c', 'account');
    expect(hashes).toEqual(await mirrorHashes(rowWise, 'c', 'account'));
    expect(hashes.get('id\twith tab')).toBe(odd[0]!.hash);
    expect(hashes.size).toBe(900);
    // Live records read back as COPY text, page by page, are readMirror's (ids as odd as above).
    const whole = (await readMirror(rowWise, 'c')).get('account')!;
    for (const page of [100_000, 7, 1]) {
      const live = await bulkLiveRecords(bulk, 'c', 'account', page);
      expect(live).toHaveLength(900);
      expect(new Set(live.map(([id]) => id)).size).toBe(900);
      expect(live.map(([, r]) => r)).toEqual(expect.arrayContaining(whole));
      expect(live.find(([id]) => id === 'line\nbreak')![1]).toEqual(odd[1]!.data);
    }
    // The text came through COPY unchanged (tabs, newlines, backslashes, `\N`).
    const { rows: back } = await bulk.query<{ data: unknown }>(
      'SELECT data FROM mirror WHERE id = $1',
      [second[5]!.id],
    );
    expect(back[0]!.data).toEqual(second[5]!.data);
  });

  it("mirror first load: COPY straight into the table leaves the upsert path's rows", async () => {
    const records = [
      ...mirrorRecords(400, 21),
      ...['id\twith tab', 'line\nbreak', '\\N'].map((id, i) => ({
        ...mirrorRecords(1, 40 + i)[0]!,
        id,
      })),
    ];
    expect(await mirrorHoldsNone(bulk, 'c', 'contact')).toBe(true);
    await upsertMirror(rowWise, 'c', 'contact', 3, records);
    expect(await bulkInsertMirror(bulk, 'c', 'contact', 3, asText(records))).toBe(records.length);
    expect(await tableRows(bulk, 'mirror', 'object, id')).toEqual(
      await tableRows(rowWise, 'mirror', 'object, id'),
    );
    expect(await mirrorHoldsNone(bulk, 'c', 'contact')).toBe(false);
    // A deleted row still counts: its id would collide, so the next load must upsert.
    await bulkDeleteMirror(
      bulk,
      'c',
      'contact',
      records.map((r) => r.id),
    );
    expect(await mirrorHoldsNone(bulk, 'c', 'contact')).toBe(false);
    // Nothing is half-written: an id already held fails the whole COPY.
    await expect(
      bulkInsertMirror(bulk, 'c', 'contact', 4, asText([...mirrorRecords(5, 50), records[0]!])),
    ).rejects.toThrow();
    expect((await bulkMirrorHashes(bulk, 'c', 'contact')).size).toBe(0);
  });

  it('opportunities: saves, closes and re-detections leave the same rows and states', async () => {
    const text = textPicker(5);
    const make = (n: number, bump: number) =>
      Array.from({ length: n }, (_, i) => {
        const o = opportunity(`opp-${i}`, `c:A-${i % 70}`, ((i * 7 + bump) % 90) / 10 + 1, text(i));
        return {
          opportunity: o,
          contentHash: hashText(stableStringify(o)),
          dataHash: hashValue(o.evidence),
          settingsVersion: `s${bump}`,
        };
      });
    const first = make(600, 0);
    await saveOpportunities(rowWise, 'c', '2026-03-02', first);
    await bulkSaveOpportunities(bulk, 'c', '2026-03-02', first);
    const closed = first.slice(0, 100).map((w) => w.opportunity.id);
    await closeOpportunities(rowWise, 'c', closed);
    await closeOpportunities(bulk, 'c', closed);
    const second = make(700, 3).slice(50);
    await saveOpportunities(rowWise, 'c', '2026-03-09', second);
    await bulkSaveOpportunities(bulk, 'c', '2026-03-09', second);
    expect(await tableRows(bulk, 'opportunities', 'connection, id')).toEqual(
      await tableRows(rowWise, 'opportunities', 'connection, id'),
    );

    const full = await opportunityStates(rowWise, 'c');
    const lean = await bulkOpportunityStates(bulk, 'c');
    const scores = await storedScores(bulk, 'c', [...lean.keys()]);
    expect(lean.size).toBe(700);
    for (const [id, state] of full) {
      // closedAt is the clock of each write: compare whether it is set.
      const { scores: expected, closedAt, ...rest } = state;
      const { closedAt: leanClosedAt, ...leanRest } = lean.get(id)!;
      expect(leanRest).toEqual(rest);
      expect(leanClosedAt === undefined).toBe(closedAt === undefined);
      expect(scores.get(id)).toEqual(expected);
    }
  });

  it("opportunities never stored: COPY straight in leaves the upsert path's rows", async () => {
    const text = textPicker(9);
    const writes = Array.from({ length: 300 }, (_, i) => {
      const o = opportunity(`new-${i}`, `c:N-${i % 40}`, (i % 90) / 10 + 1, text(i));
      return {
        opportunity: o,
        contentHash: hashValue(o),
        dataHash: hashValue(o.evidence),
        settingsVersion: 's1',
      };
    });
    await saveOpportunities(rowWise, 'fresh', '2026-04-06', writes);
    await bulkInsertOpportunities(bulk, 'fresh', '2026-04-06', writes);
    const where = "connection = 'fresh'";
    expect(await tableRows(bulk, 'opportunities', 'connection, id', where)).toEqual(
      await tableRows(rowWise, 'opportunities', 'connection, id', where),
    );
    // One id the store holds fails the whole call: nothing is half-written.
    await expect(
      bulkInsertOpportunities(bulk, 'fresh', '2026-04-13', [
        { ...writes[0]!, opportunity: { ...writes[0]!.opportunity, id: 'new-x' } },
        writes[1]!,
      ]),
    ).rejects.toThrow();
    expect((await bulkOpportunityStates(bulk, 'fresh')).size).toBe(300);
  });

  it('score history: appended rows match, in the same order', async () => {
    const text = textPicker(9);
    const rows: ScoreHistoryRow[] = Array.from({ length: 400 }, (_, i) => ({
      opportunityId: `opp-${i % 400}`,
      runId: 1 + (i % 3),
      asOf: '2026-03-02',
      scores: { revenue: (i % 10) + 0.25, effort: 4, likelihood: 7.125, composite: (i % 97) / 9.7 },
      tier: 1 + (i % 5),
      dataHash: text(i),
      settingsVersion: 'v1',
      cause: (['new', 'data', 'settings', 'data+settings'] as const)[i % 4]!,
    }));
    await addScoreHistory(rowWise, 'c', rows);
    expect(await bulkAddScoreHistory(bulk, 'c', rows)).toBe(rows.length);
    expect(await tableRows(bulk, 'score_history', 'id')).toEqual(
      await tableRows(rowWise, 'score_history', 'id'),
    );
  });

  it('outcomes: the same ones are new, repeats are skipped, rows match in order', async () => {
    const text = textPicker(3);
    const outcomes: Outcome[] = Array.from({ length: 400 }, (_, i) => ({
      connection: 'c',
      // Every fifth repeats an earlier one: recorded once.
      ...(i % 3 ? { opportunityId: `opp-${i % 5 === 4 ? i - 4 : i}` } : {}),
      accountId: `c:A-${i % 5 === 4 ? i - 4 : i}`,
      type: 'seat_expansion',
      outcome: (['won', 'lost', 'dismissed', 'missed'] as const)[i % 4]!,
      ...(i % 2 ? { amount: i * 12.5 } : {}),
      closedAt: '2026-02-01',
      ...(i % 7 === 0 ? { reason: text(i) } : {}),
      source: i % 5 === 4 ? 'crm' : 'crm',
    }));
    let added = 0;
    for (const o of outcomes) if (await recordOutcome(rowWise, o)) added++;
    expect(await bulkRecordOutcomes(bulk, outcomes)).toBe(added);
    expect(added).toBeLessThan(outcomes.length);
    // Recording them again adds nothing.
    expect(await bulkRecordOutcomes(bulk, outcomes.slice(0, 50))).toBe(0);
    expect(await tableRows(bulk, 'outcomes', 'id')).toEqual(
      await tableRows(rowWise, 'outcomes', 'id'),
    );
  });
});
