/**
 * Generate a demo portfolio in the files format: accounts, contacts, deals, usage, departments and
 * signals, streamed to disk one account at a time. Deterministic for a seed.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import { CatalogSchema, type Catalog } from '../../src/model/catalog.js';
import { ARCHETYPES, assignArchetypes, assignOverlays, type Archetype } from './archetypes.js';
import { buildAccount } from './account.js';
import { FILE_NAMES, FILES, type FileName } from './columns.js';
import { CsvSink } from './csv-sink.js';
import { isoOf, toDay } from './dates.js';
import { dirty } from './dirt.js';
import { historyFor } from './history.js';
import { contactsFor, departmentsFor } from './org.js';
import { forAccount, type Rng } from './random.js';
import { accountRow, BAD_ROWS } from './rows.js';
import { currentSignals } from './signals.js';
import type { GenContext, Row } from './types.js';
import { usageFor } from './usage.js';
import { DELIMITERS, packWorkbook } from './xlsx.js';

export const DEFAULT_CATALOG = fileURLToPath(new URL('../../config/catalog.yaml', import.meta.url));

export interface GenerateOptions {
  /** Folder to write (created if missing). */
  out: string;
  accounts: number;
  seed: number | string;
  /** The run's "today", `YYYY-MM-DD`. @default '2026-11-24' */
  asOf?: string;
  /** `csv`: six CSV files; `xlsx`: one workbook `portfolio.xlsx` with a sheet per file. @default 'csv' */
  format?: 'csv' | 'xlsx';
  /** Weeks of usage history. @default 12 */
  weeks?: number;
  /** The catalog (or its file) whose keys and prices are used. @default config/catalog.yaml */
  catalog?: Catalog | string;
  /** 1: won expansions follow matching signals (learnable); 0: no relation. @default 1 */
  outcomeSignal?: number;
  /** Dirty spellings and the deliberately bad rows. @default true */
  dirt?: boolean;
}

export interface GenerateSummary {
  out: string;
  files: string[];
  rows: Record<FileName, number>;
  /** Account ids per planted pattern (ground truth for tests and benchmarks). */
  archetypes: Record<Archetype, string[]>;
  championLeft: string[];
  justRenewed: string[];
  /** The rows written to be unreadable: file and spreadsheet row. */
  badRows: { file: string; row: number; what: string }[];
}

export async function generatePortfolio(options: GenerateOptions): Promise<GenerateSummary> {
  const n = options.accounts;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`accounts must be a positive integer (got ${n})`);
  const weeks = options.weeks ?? 12;
  const catalog =
    typeof options.catalog === 'object'
      ? options.catalog
      : loadYamlFile(CatalogSchema, options.catalog ?? DEFAULT_CATALOG);
  const asOf = toDay(options.asOf ?? '2026-11-24');
  const withDirt = options.dirt ?? true;
  const xlsx = options.format === 'xlsx';
  mkdirSync(options.out, { recursive: true });
  // The files connector reads a flat file before a workbook sheet: stale CSVs would win.
  const flat = readdirSync(options.out).filter((f) =>
    /^(accounts|contacts|deals|usage|departments|signals)\.(csv|tsv|json)$/i.test(f),
  );
  if (xlsx && flat.length)
    throw new Error(
      `${options.out} already holds ${flat.join(', ')}; an XLSX portfolio needs a folder without them`,
    );
  const dir = xlsx ? mkdtempSync(join(tmpdir(), 'headroom-demo-')) : options.out;
  const sinks = Object.fromEntries(
    FILE_NAMES.map((f) => [
      f,
      new CsvSink(
        join(dir, `${f}.csv`),
        FILES[f].map(([c]) => c),
        DELIMITERS[f] ?? ',',
        f === 'accounts',
      ),
    ]),
  ) as Record<FileName, CsvSink>;
  const write = (file: FileName, rng: Rng | null, row: Row) =>
    sinks[file].write(FILES[file].map(([, kind], i) => dirty(rng, kind, row[i])));
  const summary: GenerateSummary = {
    out: options.out,
    files: [],
    rows: {} as Record<FileName, number>,
    archetypes: Object.fromEntries(ARCHETYPES.map((a) => [a, []])) as unknown as Record<
      Archetype,
      string[]
    >,
    championLeft: [],
    justRenewed: [],
    badRows: [],
  };
  const bad = (file: FileName, what: string, row: string[]) => {
    sinks[file].write(row);
    summary.badRows.push({ file: `${file}.csv`, row: sinks[file].rows + 1, what });
  };

  const archetypes = assignArchetypes(n, options.seed);
  const overlays = assignOverlays(archetypes, options.seed);
  const names = new Set<string>();
  let dealSeq = 0;
  let contactSeq = 0;
  const nextDeal = () => `D-${String(++dealSeq).padStart(7, '0')}`;
  const nextContact = () => `C-${String(++contactSeq).padStart(7, '0')}`;
  try {
    for (let i = 0; i < n; i++) {
      const ctx: GenContext = {
        catalog,
        asOf,
        weeks,
        outcomeSignal: options.outcomeSignal ?? 1,
        rng: forAccount(options.seed, i),
      };
      const flags = {
        championLeft: overlays.championLeft.has(i),
        justRenewed: overlays.justRenewed.has(i),
      };
      const a = buildAccount(ctx, i, archetypes[i]!, flags, names);
      const usage = usageFor(ctx, a);
      const history = historyFor(ctx, a, nextDeal, usage.seatStep);
      const depts = departmentsFor(ctx, a);
      const contacts = contactsFor(ctx, a, depts.using, nextContact);
      const signals = [...history.signals, ...currentSignals(ctx, a)].sort(
        (x, y) => dayOf(x[1]) - dayOf(y[1]),
      );
      const deals = history.deals.sort((x, y) => dayOf(x[7]) - dayOf(y[7]));
      const d = withDirt ? forAccount(options.seed, i, 'dirt') : null;
      write('accounts', d, accountRow(a, asOf));
      for (const r of contacts) write('contacts', d, r);
      for (const r of deals) write('deals', d, r);
      for (const r of usage.rows) write('usage', d, r);
      for (const r of depts.rows) write('departments', d, r);
      for (const r of signals) write('signals', d, r);
      summary.archetypes[a.archetype].push(a.id);
      if (a.championLeft) summary.championLeft.push(a.id);
      if (a.justRenewed) summary.justRenewed.push(a.id);
      if (!withDirt) continue;
      if (i === Math.floor(n / 2))
        bad(
          'accounts',
          'unreadable ARR',
          BAD_ROWS.account(`ACC-${String(n + 1).padStart(6, '0')}`),
        );
      if (i === Math.floor(n / 3))
        bad('contacts', 'contact without id', BAD_ROWS.contact(a.id, a.domain));
      if (i === Math.floor(n / 4))
        bad('usage', 'negative seats', BAD_ROWS.usage(a.id, isoOf(asOf - 7 * weeks)));
    }
  } finally {
    for (const s of Object.values(sinks)) s.close();
  }
  for (const f of FILE_NAMES) summary.rows[f] = sinks[f].rows;
  if (xlsx) {
    summary.files = [await packWorkbook(dir, join(options.out, 'portfolio.xlsx'))];
    rmSync(dir, { recursive: true, force: true });
  } else {
    summary.files = FILE_NAMES.map((f) => join(options.out, `${f}.csv`));
  }
  return summary;
}

const dayOf = (cell: Row[number]): number =>
  cell && typeof cell === 'object' && !Array.isArray(cell) ? cell.day : 0;
