/**
 * Generated inputs for the bulk-path tests (independent of the demo portfolio): records with
 * the text a CRM export can hold (tabs, newlines, backslashes, quotes, accents, emoji) and the
 * table contents to compare, minus the clock columns (`now()` differs between two writes).
 */
import { mulberry32 } from '../../../examples/generate/random.js';
import type { Opportunity } from '../../../src/model/output.js';
import type { Db } from '../../../src/store/db.js';

const NASTY = [
  'plain',
  'tab\there',
  'two\nlines',
  'back\\slash',
  '"quoted"',
  'Zoë Ørsted',
  '🚀 launch',
  '\\N',
  'cr\r\nlf',
  '',
];

export function textPicker(seed: number): (i: number) => string {
  const r = mulberry32(seed);
  return (i) => `${NASTY[Math.floor(r() * NASTY.length)]!} ${i}`;
}

export function mirrorRecords(n: number, seed: number, tag = 'v1') {
  const r = mulberry32(seed);
  const text = textPicker(seed + 1);
  return Array.from({ length: n }, (_, i) => {
    const id = `R-${String(Math.floor(r() * 1e6)).padStart(6, '0')}-${i}`;
    const data = {
      id: `c:${id}`,
      name: text(i),
      arr: Math.round(r() * 1e7) / 100,
      seats: { licensed: 10 + i, active: Math.floor(r() * 10) + i },
      tags: [text(i + 1), tag],
      ...(r() < 0.3 ? { note: null } : {}),
    };
    return { id, ...(r() < 0.1 ? {} : { accountId: `c:${id}` }), data, hash: `${tag}-${i}` };
  });
}

export function opportunity(
  id: string,
  accountId: string,
  composite: number,
  text: string,
): Opportunity {
  return {
    id,
    accountId,
    accountName: text,
    type: 'seat_expansion',
    category: 'expansion',
    title: `Add seats: ${text}`,
    description: text,
    evidence: [{ signal: 'seat_utilization', text, value: composite / 10, threshold: 0.8 }],
    currentState: text,
    proposedState: '',
    estimatedArr: Math.round(composite * 1000),
    scores: { revenue: composite, effort: 5, likelihood: 6.5, composite },
    tier: composite >= 8 ? 1 : 3,
    health: 'green',
    timing: 'now',
    timingReason: text,
    deadline: '2026-12-01',
    renewalAligned: false,
    stakeholders: {},
    pitch: text,
    approach: [],
    objections: [],
    risks: [],
    confidence: 0.75,
  };
}

/** Every row of a table in a stable order, without the columns the clock fills. */
export async function tableRows(
  db: Db,
  table: string,
  order: string,
  where = 'true',
): Promise<unknown[]> {
  const clock: Record<string, string[]> = {
    mirror: ['updated_at', 'deleted_at'],
    opportunities: ['closed_at', 'status_changed_at'],
    outcomes: ['recorded_at', 'id'],
    score_history: ['id'],
  };
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM ${table} WHERE ${where} ORDER BY ${order}`,
  );
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const c of clock[table] ?? []) {
      // Whether the clock column is set is kept; when it was set is not comparable.
      if (c.endsWith('_at')) out[c] = out[c] !== null;
      else delete out[c];
    }
    return out;
  });
}
