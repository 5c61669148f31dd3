/**
 * Opportunity tracking sends never-stored opportunities to the database a chunk at a time while
 * it hashes the next chunk (`track-opportunities.ts`). On every backend: a first run of several
 * chunks stores every opportunity and its "new" history row in input order, a second run of the
 * same finds nothing to write, and a chunk that fails after earlier chunks went in leaves the
 * store exactly as it was (one transaction: nothing half-written).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bulkOpportunityStates } from '../../src/store/bulk/opportunity-states.js';
import { trackOpportunities } from '../../src/sync/track-opportunities.js';
import { backends } from '../store/backends.js';
import { opportunity, tableRows, textPicker } from '../store/bulk/rows.js';

/** More than two chunks of the pipeline (5k each). */
const N = 12_003;

const opportunities = (tag: string) => {
  const text = textPicker(17);
  return Array.from({ length: N }, (_, i) =>
    opportunity(`${tag}-${i}`, `c:A-${i % 997}`, (i % 90) / 10 + 1, text(i)),
  );
};

const count = async (db: Parameters<typeof tableRows>[0], table: string, connection: string) =>
  Number(
    (
      await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE connection = $1`, [
        connection,
      ])
    ).rows[0]!.n,
  );

describe.each(backends())('opportunity tracking on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it('stores every chunk of a first run, history in input order; a repeat writes nothing', async () => {
    const db = await backend.open();
    const opps = opportunities('o');
    const args = { connection: 'c', runId: 1, asOf: '2026-05-04', settingsVersion: 's1' };
    const first = await trackOpportunities(db, { ...args, opportunities: opps });
    expect(first).toMatchObject({ new: N, changed: 0, closed: 0 });
    expect((await bulkOpportunityStates(db, 'c')).size).toBe(N);
    // Each document as it was detected, across the chunks' boundaries.
    const stored = await db.query<{ id: string; data: unknown; tier: number }>(
      `SELECT id, data, tier FROM opportunities WHERE connection = 'c'`,
    );
    const byId = new Map(stored.rows.map((r) => [r.id, r]));
    expect(byId.size).toBe(N);
    for (const o of opps) expect(byId.get(o.id)).toEqual({ id: o.id, data: o, tier: o.tier });
    const history = await db.query<{ opportunity_id: string; cause: string }>(
      `SELECT opportunity_id, cause FROM score_history WHERE connection = 'c' ORDER BY id`,
    );
    expect(history.rows.map((r) => r.opportunity_id)).toEqual(opps.map((o) => o.id));
    expect(new Set(history.rows.map((r) => r.cause))).toEqual(new Set(['new']));

    const again = await trackOpportunities(db, { ...args, runId: 2, opportunities: opps });
    expect(again).toMatchObject({ new: 0, changed: 0, closed: 0 });
    expect(await count(db, 'score_history', 'c')).toBe(N);
  }, 120_000);

  it('a chunk that fails after earlier ones went in leaves the store as it was', async () => {
    const db = await backend.open();
    const args = { connection: 'f', runId: 1, asOf: '2026-05-04', settingsVersion: 's1' };
    const held = opportunities('h').slice(0, 10);
    await trackOpportunities(db, { ...args, opportunities: held });
    const before = await tableRows(db, 'opportunities', 'connection, id', "connection = 'f'");
    // The states say the store holds nothing, so a held id in the third chunk is inserted
    // "straight in" and conflicts with the stored row, after two chunks were sent.
    const opps = opportunities('x');
    opps[N - 1] = held[3]!;
    await expect(
      trackOpportunities(db, { ...args, runId: 2, opportunities: opps, states: new Map() }),
    ).rejects.toThrow();
    expect(await tableRows(db, 'opportunities', 'connection, id', "connection = 'f'")).toEqual(
      before,
    );
    expect(await count(db, 'score_history', 'f')).toBe(10);
  }, 120_000);
});
