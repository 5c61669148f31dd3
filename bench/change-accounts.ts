/**
 * Change a share of the accounts in a generated files folder, as a day's edits in a CRM would:
 * every `every`-th account gets one more active seat. The file is rewritten with every cell
 * quoted (same values, different bytes), so only the edited accounts map to changed records.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** Returns how many accounts were changed. */
export function changeAccounts(folder: string, every: number): number {
  const file = join(folder, 'accounts.csv');
  const rows = parse(readFileSync(file, 'utf8'), {
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const header = rows[0] ?? [];
  const col = header.indexOf('active_seats');
  if (col < 0) throw new Error(`${file}: no active_seats column`);
  let changed = 0;
  for (let i = 1; i < rows.length; i++) {
    const n = Number(rows[i]![col]);
    if (i % every !== 0 || !Number.isInteger(n) || rows[i]![col] === '') continue;
    rows[i]![col] = String(n + 1);
    changed++;
  }
  writeFileSync(file, `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`);
  return changed;
}
