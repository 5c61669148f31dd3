/**
 * A profile as the terminal shows it: one table per neutral object (field, filled, values or
 * range, refused and why), then scales, the health-light and tier distribution, and warnings.
 */
import type { FieldProfile } from './field-stats.js';
import type { Profile } from './profile.js';

const pct = (x: number): string => (x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Values or range of a field, in one cell. */
export function valuesCell(f: FieldProfile): string {
  const parts: string[] = [];
  if (f.range)
    parts.push(`${num(f.range.min)} … ${num(f.range.max)} (median ${num(f.range.median)})`);
  if (f.dates) parts.push(`${f.dates.min} … ${f.dates.max}`);
  if (f.values?.length) {
    const distinct = f.distinct ?? f.values.length;
    // Ids, names, emails: the count says more than a list of values seen once each.
    const unique = distinct > 10 && f.values[0]!.count === 1;
    const shown = f.values
      .slice(0, unique ? 2 : undefined)
      .map((v) => (unique ? clip(v.value, 24) : `${clip(v.value, 24)} (${v.count})`))
      .join(', ');
    if (unique) parts.push(`${distinct} distinct, e.g. ${shown}`);
    else parts.push(distinct > f.values.length ? `${shown}, … ${distinct} distinct` : shown);
  }
  return parts.join('; ') || '—';
}

/** Refusals of a field, in one cell: the share and the most common reason. */
export function refusedCell(f: FieldProfile): string {
  if (!f.refused) return '';
  const why = f.reasons[0] ? `: ${f.reasons[0].reason}` : '';
  return `${pct(f.refusedRate)} refused (${f.refused})${why}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function renderProfile(p: Profile): string {
  const lines: string[] = [
    `profile of ${p.connection} (${p.connector}) as of ${p.asOf}; catalog ${p.catalogFile}`,
  ];
  for (const o of p.objects) {
    lines.push(
      '',
      `${o.object} <- ${o.from}: ${o.pulled} pulled, ${o.mapped} mapped, ${o.skipped} skipped`,
    );
    const rows = o.fields.map((f) => [
      f.field,
      `${pct(f.fillRate)}`,
      clip(valuesCell(f), 70),
      clip(refusedCell(f), 110),
    ]);
    lines.push(
      ...table([['field', 'filled', 'values / range', 'refused'], ...rows]).map((l) => `  ${l}`),
    );
    for (const r of o.recordIssues) lines.push(`  record: ${r.reason} (${r.count})`);
  }
  const accounts = p.health.green + p.health.yellow + p.health.red;
  const share = (n: number) => (accounts ? pct(n / accounts) : '0%');
  const scale = (k: 'nps' | 'csat' | 'healthScore') =>
    `${k} ${p.scales.effective[k] ?? 'auto'}${p.scales.declared[k] ? ' (declared by the mapping)' : ''}`;
  lines.push(
    '',
    `scales: ${[scale('nps'), scale('csat'), scale('healthScore')].join(', ')}`,
    `health: ${share(p.health.green)} green (${p.health.green}), ${share(p.health.yellow)} yellow (${p.health.yellow}), ${share(p.health.red)} red (${p.health.red}) of ${accounts} accounts`,
    `best expansion tier: ${(['1', '2', '3', '4', '5'] as const).map((t) => `tier ${t}: ${p.tiers[t]}`).join(', ')}, none: ${p.tiers.none}; ${p.opportunities} opportunities`,
  );
  for (const w of p.warnings) lines.push(`warning: ${w.message}`);
  return lines.join('\n');
}
