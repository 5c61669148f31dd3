/**
 * A run whose picture is implausible says so before anyone acts on it: most accounts red, or a
 * large share of an object's records (or of one field's values) refused on the way in. The
 * warnings go to the log and into the run record (`headroom runs`, the console's runs page).
 */
import { groupRefusals } from '../mapping/refusals.js';
import type { AccountSummary, Issue } from '../model/output.js';

export interface WarnThresholds {
  /** Warn when more than this share of the scored accounts is red. @default 0.6 */
  redShare: number;
  /** Warn when more than this share of an object's pulled records was skipped, or had one
   * field's value refused. @default 0.2 */
  refusedShare: number;
  /** Refusal shares are judged only on at least this many pulled records of an object. @default 20 */
  minRecords: number;
}

export const DEFAULT_WARN_THRESHOLDS: WarnThresholds = {
  redShare: 0.6,
  refusedShare: 0.2,
  minRecords: 20,
};

export interface RunWarning {
  kind: 'red_share' | 'records_refused' | 'field_refused';
  message: string;
  share: number;
  threshold: number;
  object?: string;
  field?: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function runWarnings(input: {
  /** Pulled records per neutral object in this run. */
  pulled: Record<string, number>;
  issues: readonly Issue[];
  accounts?: readonly Pick<AccountSummary, 'health'>[] | undefined;
  /** The red accounts and all accounts counted, in place of `accounts`. */
  red?: { red: number; of: number } | undefined;
  thresholds?: WarnThresholds | undefined;
}): RunWarning[] {
  const t = input.thresholds ?? DEFAULT_WARN_THRESHOLDS;
  const out: RunWarning[] = [];
  const accounts = input.accounts ?? [];
  const { red, of } = input.red ?? {
    red: accounts.filter((a) => a.health === 'red').length,
    of: accounts.length,
  };
  if (of && red / of > t.redShare) {
    out.push({
      kind: 'red_share',
      share: red / of,
      threshold: t.redShare,
      message: `${pct(red / of)} of ${of} accounts are red (warning above ${pct(t.redShare)}): check the health scales and the mapping before acting on this run`,
    });
  }
  const refusals = groupRefusals(input.issues);
  for (const [object, pulled] of Object.entries(input.pulled)) {
    if (pulled < t.minRecords) continue;
    const fields = refusals.get(object);
    if (!fields) continue;
    const skipped = new Set(
      input.issues.filter((i) => i.object === object && i.skipped).map((i) => i.recordId ?? i.row),
    ).size;
    if (skipped / pulled > t.refusedShare)
      out.push({
        kind: 'records_refused',
        object,
        share: skipped / pulled,
        threshold: t.refusedShare,
        message: `${pct(skipped / pulled)} of ${pulled} ${object} records were skipped (warning above ${pct(t.refusedShare)}); see the run's issues`,
      });
    for (const [field, f] of fields) {
      const share = (f.records - f.skipped) / pulled;
      if (share <= t.refusedShare) continue;
      out.push({
        kind: 'field_refused',
        object,
        field,
        share,
        threshold: t.refusedShare,
        message: `${object}.${field}: ${pct(share)} of ${pulled} values refused (warning above ${pct(t.refusedShare)}), e.g. ${[...f.reasons.keys()][0] ?? ''}`,
      });
    }
  }
  return out;
}
