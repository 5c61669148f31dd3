/**
 * The opportunities' bulk write: new and changed ones staged with COPY, then one
 * `INSERT ... ON CONFLICT` per chunk. Same rows as `saveOpportunities` in `../opportunities.ts`;
 * status is never touched (a person's decision stays), a closed one detected again is open again.
 * A first run writes about 1 GB of documents at 100k accounts: each chunk is serialized only
 * when staged, so the texts never sit in memory (and in PGlite's heap) all at once.
 */
import type { Db } from '../db.js';
import type { OpportunityWrite } from '../opportunities.js';
import { stage } from './staging.js';

export type { OpportunityWrite };

export const COLUMNS = [
  ['id', 'text'],
  ['account_id', 'text'],
  ['type', 'text'],
  ['category', 'text'],
  ['data', 'text'],
  ['content_hash', 'text'],
  ['data_hash', 'text'],
  ['settings_version', 'text'],
  ['composite', 'float8'],
  ['tier', 'int'],
] as const;

/** About 30 MB of documents a chunk. */
export const CHUNK = 10_000;

export async function bulkSaveOpportunities(
  db: Db,
  connection: string,
  asOf: string,
  items: readonly OpportunityWrite[],
): Promise<void> {
  if (!items.length) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < items.length; i += CHUNK)
      await saveChunk(tx, connection, asOf, items.slice(i, i + CHUNK));
  });
}

/** The columns of one write, in `COLUMNS` order. */
export const opportunityValues = (w: OpportunityWrite) => [
  w.opportunity.id,
  w.opportunity.accountId,
  w.opportunity.type,
  w.opportunity.category,
  // jsonb keeps no key order: the plain serialization stores the same document.
  w.text ?? JSON.stringify(w.opportunity),
  w.contentHash,
  w.dataHash,
  w.settingsVersion,
  w.opportunity.scores.composite,
  w.opportunity.tier,
];

async function saveChunk(
  tx: Db,
  connection: string,
  asOf: string,
  items: readonly OpportunityWrite[],
): Promise<void> {
  await stage(tx, 'opportunity_stage', COLUMNS, items.map(opportunityValues));
  await tx.query(
    `INSERT INTO opportunities (connection, id, account_id, type, category, first_seen, last_seen, data,
         content_hash, data_hash, settings_version, composite, tier)
       SELECT $1, s.id, s.account_id, s.type, s.category, $2::date, $2::date, s.data::jsonb,
         s.content_hash, s.data_hash, s.settings_version, s.composite, s.tier
       FROM pg_temp.opportunity_stage s
       ON CONFLICT (connection, id) DO UPDATE SET account_id = excluded.account_id, type = excluded.type,
         category = excluded.category, last_seen = excluded.last_seen, data = excluded.data,
         content_hash = excluded.content_hash, data_hash = excluded.data_hash,
         settings_version = excluded.settings_version, composite = excluded.composite, tier = excluded.tier,
         closed_at = NULL`,
    [connection, asOf],
  );
}
