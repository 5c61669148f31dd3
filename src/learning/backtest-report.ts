/**
 * The backtest as a report a person reads in the terminal (Markdown, so it also pastes into a
 * playbook or a ticket): the headline figures, what they mean, and the top of the list.
 */
import { mdTableCell } from '../narrative/markdown.js';
import type { BacktestResult } from './backtest.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const times = (x: number | undefined): string => (x === undefined ? 'n/a' : `${x.toFixed(2)}×`);
const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;

export function renderBacktest(
  r: BacktestResult,
  options: { issues?: number; top?: number } = {},
): string {
  const lines = [
    `# Backtest as of ${r.cutoff}`,
    '',
    `Scored ${r.accounts} accounts on what was known at the end of ${r.cutoff}, then checked which won an`,
    `expansion deal from the next day through ${r.windowEnd}.`,
    '',
    '| Measure | Value |',
    '|---|---|',
    `| Accounts that expanded | ${r.expandedAccounts} (${pct(r.baseRate)}), ${money(r.expandedArr)} |`,
    `| k (top of the list worked) | ${r.k} |`,
    `| Precision at k | ${pct(r.precisionAtK)} (${r.hits} of ${r.k}) |`,
    `| Recall at k | ${pct(r.recall)} |`,
    `| Lift over a random list | ${times(r.lift)} |`,
    `| Precision at k, ranked by ARR | ${pct(r.arrPrecisionAtK)} |`,
    `| Lift over ranking by ARR | ${times(r.liftVsArr)} |`,
    `| Expansion ARR in the top k | ${money(r.capturedArr)} |`,
  ];
  if (options.issues)
    lines.push('', `${options.issues} per-record problem(s) were found reading the source.`);
  const top = r.top.slice(0, options.top ?? 10);
  if (top.length) {
    lines.push(
      '',
      `## Top ${top.length} at the cutoff`,
      '',
      '| # | Account | Score | ARR at cutoff | Expanded | Expansion ARR |',
      '|---|---|---|---|---|---|',
    );
    top.forEach((a, i) =>
      lines.push(
        `| ${i + 1} | ${mdTableCell(a.name)} | ${a.score.toFixed(1)} | ${money(a.arrAtCutoff)} | ${a.expanded ? 'yes' : 'no'} | ${money(a.expansionArr)} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
