/**
 * The NPS metamorphic transformation: the same folder with each account's latest survey response
 * (0–10) replaced by an NPS index (−100…100) in the same band. Detractors (0–6) land below the
 * index's red line, passives (7–8) between the red and yellow lines, promoters (9–10) at or above
 * the yellow line, spread within each band so the values look like real indexes.
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

/** Index value for a 0–10 response, in the band the index thresholds give that class. */
export function indexFor(response: number, red: number, yellow: number): number {
  if (response <= 6) return Math.round(-100 + ((red - 1 + 100) * response) / 6);
  if (response <= 8) return Math.round(red + ((yellow - 1 - red) * (response - 7)) / 1);
  return Math.round(yellow + ((100 - yellow) * (response - 9)) / 2);
}

/** A copy of `dir` whose accounts.csv holds NPS indexes; returns the new folder. */
export function withNpsIndex(dir: string, scoringFile = 'config/scoring.yaml'): string {
  const { npsRed, npsYellow } = loadYamlFile(ScoringSettingsSchema, scoringFile).health;
  const copy = mkdtempSync(join(tmpdir(), 'headroom-foreign-index-'));
  cpSync(dir, copy, { recursive: true });
  const file = join(copy, 'accounts.csv');
  const rows = parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  for (const r of rows) {
    if (/^\d+$/.test(r.nps ?? '')) r.nps = String(indexFor(Number(r.nps), npsRed, npsYellow));
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
