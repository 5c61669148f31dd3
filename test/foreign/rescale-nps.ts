/**
 * The NPS metamorphic transformation: the same folder with each account's latest survey response
 * (0–10) replaced by an NPS index (−100…100) in the same band of `config/scoring.yaml`: detractors
 * land below the index's red line, passives between the red and yellow lines, promoters at or
 * above the yellow line, spread within each band so the values look like real indexes.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml, stringify } from 'yaml';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import type { NpsScale } from '../../src/model/scales.js';
import { ScoringSettingsSchema } from '../../src/scoring/settings/index.js';
import { COLUMNS } from './rows.js';
import { csv } from './write.js';

interface Bands {
  /** Index lines: red below `red`, yellow below `yellow`. */
  red: number;
  yellow: number;
  /** Response bands: detractor below `detractorBelow`, promoter from `promoterFrom`. */
  detractorBelow: number;
  promoterFrom: number;
}

/** Where `x` sits in [lo, hi] (0..1); the middle when the band is a single value. */
const at = (x: number, lo: number, hi: number) => (hi > lo ? (x - lo) / (hi - lo) : 0.5);

/** Index value for a 0–10 response, in the band the index lines give that class. */
export function indexFor(r: number, b: Bands): number {
  if (r < b.detractorBelow)
    return Math.round(-100 + (b.red - 1 + 100) * at(r, 0, b.detractorBelow - 1));
  if (r < b.promoterFrom)
    return Math.round(b.red + (b.yellow - 1 - b.red) * at(r, b.detractorBelow, b.promoterFrom - 1));
  return Math.round(b.yellow + (100 - b.yellow) * at(r, b.promoterFrom, 10));
}

/** A copy of `dir` whose accounts.csv holds NPS indexes; returns the new folder. */
export function withNpsIndex(dir: string, scoringFile = 'config/scoring.yaml'): string {
  const h = loadYamlFile(ScoringSettingsSchema, scoringFile).health;
  const bands = { red: h.npsRed, yellow: h.npsYellow, ...h.npsResponse };
  const copy = mkdtempSync(join(tmpdir(), 'headroom-foreign-index-'));
  cpSync(dir, copy, { recursive: true });
  const file = join(copy, 'accounts.csv');
  const rows = parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  for (const r of rows) {
    if (/^\d+$/.test(r.nps ?? '')) r.nps = String(indexFor(Number(r.nps), bands));
  }
  writeFileSync(file, '\uFEFF' + csv(COLUMNS.accounts, rows, ','));
  return copy;
}

/** `mappings/files.yaml` declaring the NPS scale, written into `dir`. */
export function filesMappingWithScale(dir: string, nps: NpsScale): string {
  const m = parseYaml(readFileSync('mappings/files.yaml', 'utf8')) as Record<string, unknown>;
  m.scales = { ...(m.scales as object | undefined), nps };
  const file = join(dir, `files-nps-${nps}.yaml`);
  writeFileSync(file, stringify(m));
  return file;
}
