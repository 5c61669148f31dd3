/**
 * Per-record issues grouped by the neutral field they refused, for the profile and the sync's
 * warnings. Every mapping issue's reason starts with its neutral path (`plan: ...`,
 * `arr is required: ...`, `employeesPrior.asOf: ...`), which is what ties it to a field.
 */
import type { Issue } from '../model/output.js';

/** The neutral path an issue's reason names first, or `record` when it names none. */
export function issuePath(issue: Pick<Issue, 'reason'>): string {
  const m = /^([\w.-]+)(?::| is required)/.exec(issue.reason);
  return m ? m[1]! : 'record';
}

/** A reason without its quoted values, so "\"Gold\" is not a tier" and "\"Silver\" is not a
 * tier" count as one reason. */
export const reasonKind = (reason: string): string =>
  reason.replace(/"[^"]*"/g, '"…"').replace(/\s+/g, ' ');

export interface FieldRefusals {
  /** Records with at least one refused value in this field. */
  records: number;
  /** Of those, records skipped because of it. */
  skipped: number;
  /** Reason kind -> how many times. */
  reasons: Map<string, number>;
  /** Refused value (as text) -> how many times. */
  values: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** object -> neutral path -> what was refused there. */
export function groupRefusals(issues: readonly Issue[]): Map<string, Map<string, FieldRefusals>> {
  const out = new Map<string, Map<string, FieldRefusals>>();
  const seen = new Set<string>();
  for (const issue of issues) {
    const object = issue.object;
    const path = issuePath(issue);
    let fields = out.get(object);
    if (!fields) out.set(object, (fields = new Map()));
    let f = fields.get(path);
    if (!f)
      fields.set(path, (f = { records: 0, skipped: 0, reasons: new Map(), values: new Map() }));
    const once = `${object}\u0000${path}\u0000${issue.recordId ?? ''}\u0000${issue.row ?? ''}`;
    if (!seen.has(once)) {
      seen.add(once);
      f.records++;
      if (issue.skipped) f.skipped++;
    }
    bump(f.reasons, reasonKind(issue.reason));
    if (issue.value !== undefined) bump(f.values, String(issue.value));
  }
  return out;
}

/** The `n` largest entries of a count map, largest first (ties in first-seen order). */
export function top(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
}
