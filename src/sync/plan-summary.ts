/** The write plan as a dry run prints it and a run records it: counts and a few field diffs. */
import type { PlannedBatch } from './plan-write.js';
import type { WritePlanSummary } from './types.js';

const SAMPLES = 5;

export function summarizePlan(batches: PlannedBatch[]): WritePlanSummary {
  const out: WritePlanSummary = {};
  for (const b of batches) {
    out[b.section] = {
      to: b.object,
      mode: b.mode,
      records: b.records.length,
      fields: b.records.reduce((n, r) => n + r.changed.length, 0),
      samples: b.records.slice(0, SAMPLES).map((r) => ({
        key: r.key,
        created: r.created,
        changed: Object.fromEntries(r.changed.map((f) => [f, r.fields[f]])),
      })),
    };
  }
  return out;
}
