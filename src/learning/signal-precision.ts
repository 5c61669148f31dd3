/**
 * Signal precision: for every evidence signal (and every opportunity type it fed), how often an
 * opportunity raised on it ended in a won expansion. This is what tells ops which signals earn
 * their weight ("seat utilization at 80%+ preceded a win 41% of the time; a funding round 12%").
 */
import type { Opportunity, OpportunityType } from '../model/index.js';
import { MODEL_EVIDENCE } from './features.js';
import { wilson } from './metrics.js';
import type { Outcome } from './outcomes.js';

/** One opportunity as it was when raised, and what became of it (absent = still open). */
export interface HistoryItem {
  opportunity: Opportunity;
  outcome?: Outcome;
  /** When it was raised (`YYYY-MM-DD`); orders the calibration's time split. */
  raisedAt?: string;
}

export interface SignalPrecisionRow {
  /** The evidence signal key (`seat_utilization`, `workaround`, ...). */
  key: string;
  /** The opportunity type, or `all` for the signal across every type. */
  type: OpportunityType | 'all';
  raised: number;
  won: number;
  lost: number;
  dismissed: number;
  /** Raised but not resolved yet: left out of the precision. */
  open: number;
  /** won / (won + lost + dismissed); undefined until one is resolved. */
  precision?: number;
  /** 95% Wilson interval of `precision`. */
  low?: number;
  high?: number;
  /** ARR of the won deals. */
  wonArr: number;
}

type Counts = Omit<SignalPrecisionRow, 'precision' | 'low' | 'high'>;

function tally(
  rows: Map<string, Counts>,
  key: string,
  type: Counts['type'],
  outcome?: Pick<Outcome, 'outcome' | 'amount'>,
): void {
  const id = `${key}\u0000${type}`;
  let row = rows.get(id);
  if (!row)
    rows.set(
      id,
      (row = { key, type, raised: 0, won: 0, lost: 0, dismissed: 0, open: 0, wonArr: 0 }),
    );
  row.raised++;
  const o = outcome?.outcome;
  if (o === 'won') {
    row.won++;
    row.wonArr += outcome?.amount ?? 0;
  } else if (o === 'lost') row.lost++;
  else if (o === 'dismissed') row.dismissed++;
  else row.open++;
}

/**
 * Rows per signal (type `all`) and per signal × type. An opportunity counts once per distinct
 * signal in its evidence, however many evidence lines name that signal.
 */
export function signalPrecision(history: HistoryItem[]): SignalPrecisionRow[] {
  return signalPrecisionOf(history.map(precisionItem));
}

/** What signal precision reads of one history item: its type, its distinct signals (notes on
 * how it was scored or priced left out) and its outcome. Plain JSON. */
export interface PrecisionItem {
  type: OpportunityType;
  signals: string[];
  outcome?: Pick<Outcome, 'outcome' | 'amount'>;
}

export function precisionItem({
  opportunity,
  outcome,
}: {
  opportunity: Pick<HistoryItem['opportunity'], 'type' | 'evidence'>;
  outcome?: PrecisionItem['outcome'] | undefined;
}): PrecisionItem {
  const signals = [...new Set(opportunity.evidence.map((e) => e.signal))].filter(
    (key) => key !== MODEL_EVIDENCE && key !== 'sizing',
  );
  return {
    type: opportunity.type,
    signals,
    ...(outcome ? { outcome: { outcome: outcome.outcome, amount: outcome.amount } } : {}),
  };
}

/** `signalPrecision` over items already reduced to what it reads. */
export function signalPrecisionOf(items: readonly PrecisionItem[]): SignalPrecisionRow[] {
  const rows = new Map<string, Counts>();
  for (const { type, signals, outcome } of items) {
    for (const key of signals) {
      tally(rows, key, 'all', outcome);
      tally(rows, key, type, outcome);
    }
  }
  const out: SignalPrecisionRow[] = [...rows.values()].map((r) => {
    const resolved = r.won + r.lost + r.dismissed;
    if (!resolved) return r;
    return { ...r, precision: r.won / resolved, ...wilson(r.won, resolved) };
  });
  const overall = new Map(out.filter((r) => r.type === 'all').map((r) => [r.key, r]));
  const groupRank = (r: SignalPrecisionRow) => overall.get(r.key)?.precision ?? -1;
  return out.sort(
    (a, b) =>
      groupRank(b) - groupRank(a) ||
      a.key.localeCompare(b.key) ||
      (a.type === 'all'
        ? -1
        : b.type === 'all'
          ? 1
          : b.raised - a.raised || a.type.localeCompare(b.type)),
  );
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${Math.round(x * 100)}%`);
const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** A playbook section (`PlaybookInput.extraSections`) that also reads well in a terminal. */
export function renderSignalPrecision(rows: SignalPrecisionRow[]): {
  title: string;
  markdown: string;
} {
  const title = 'Signal Precision';
  if (!rows.length) {
    return {
      title,
      markdown: 'No opportunity has been resolved yet, so no signal can be rated.\n',
    };
  }
  const lines = [
    'How often an opportunity raised on each signal ended in a won expansion: won ÷ (won + lost +',
    'dismissed). Open opportunities are not counted; the interval is the 95% Wilson interval, wide',
    'where few outcomes are known.',
    '',
    '| Signal | Type | Raised | Won | Lost | Dismissed | Open | Precision | 95% interval | Won ARR |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const interval = r.precision === undefined ? '–' : `${pct(r.low)}–${pct(r.high)}`;
    const type = r.type === 'all' ? '**all types**' : r.type;
    lines.push(
      `| ${cell(r.key)} | ${type} | ${r.raised} | ${r.won} | ${r.lost} | ${r.dismissed} | ${r.open} | ` +
        `${pct(r.precision)} | ${interval} | ${money(r.wonArr)} |`,
    );
  }
  return { title, markdown: `${lines.join('\n')}\n` };
}
