/**
 * Accepting or dismissing an opportunity, shared by the API and the console forms. The status
 * lives in the store's opportunities table, which the sync never overwrites: a dismissed
 * opportunity stays dismissed on the next sync (and is not written back to the CRM as open).
 */
import { z } from 'zod';
import {
  FINAL_STATUSES,
  setOpportunityStatus,
  type OpportunityRow,
} from '../store/opportunities.js';
import type { Db } from '../store/db.js';
import { HttpError, notFound } from './errors.js';
import { getOpportunity } from './opportunity-queries.js';

export const DismissBodySchema = z
  .object({ reason: z.string().trim().min(1, 'a reason is required').max(500) })
  .strict();
export const AcceptBodySchema = z.object({ note: z.string().trim().max(500).optional() }).strict();

export type StatusAction = 'accept' | 'dismiss';

/**
 * Apply `action` by `by` (who asked: `api`, `console`). Accepting twice is a no-op; a status a
 * person or an outcome already settled (dismissed, converted, won, lost) is not changed: 409.
 */
export async function changeStatus(
  db: Db,
  id: string,
  action: StatusAction,
  input: { reason?: string | undefined; by: string },
): Promise<OpportunityRow> {
  const row = await getOpportunity(db, id);
  if (!row) throw notFound(`opportunity "${id}"`);
  const target = action === 'accept' ? 'accepted' : 'dismissed';
  if (row.status === target && action === 'accept') return row;
  if (FINAL_STATUSES.has(row.status)) {
    throw new HttpError(409, 'conflict', `opportunity "${id}" is already ${row.status}`);
  }
  await setOpportunityStatus(db, row.connection, id, {
    status: target,
    by: input.by,
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return (await getOpportunity(db, id)) ?? row;
}
