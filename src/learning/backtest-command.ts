/**
 * `headroom backtest --source DIR --cutoff DATE --window 90`: the I/O around `backtest`. Reads a
 * files folder through the files connector and `mappings/files.yaml`, the folder's `catalog.yaml`
 * (or `config/catalog.yaml`, or `--catalog`), scoring settings from `--settings` (or the
 * defaults), scores the portfolio as of the cutoff with `scorePortfolio` and returns the report.
 */
import { fileURLToPath } from 'node:url';
import { loadFolderCatalog } from '../../connectors/files/index.js';
import { loadYamlFile } from '../config/load-yaml.js';
import { UsageError } from '../errors.js';
import { CatalogSchema, type Catalog } from '../model/index.js';
import { DEFAULT_SETTINGS, ScoringSettingsSchema, scorePortfolio } from '../scoring/index.js';
import { backtest, type BacktestResult } from './backtest.js';
import { renderBacktest } from './backtest-report.js';
import { requireIsoDate } from '../dates.js';
import { readFilesPortfolio } from './read-files-portfolio.js';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface BacktestCommandOptions {
  /** The files folder. */
  source: string;
  /** `YYYY-MM-DD`: score what was known at the end of this day. */
  cutoff: string;
  /** Days after the cutoff in which an expansion counts. @default 90 */
  window?: number | string;
  /** Accounts at the top of the list to check. @default 10% of accounts */
  k?: number | string;
  catalogFile?: string;
  settingsFile?: string;
  /** @default mappings/files.yaml */
  mappingFile?: string;
}

export interface BacktestCommandResult {
  report: string;
  result: BacktestResult;
  issues: number;
}

function positiveInt(
  value: number | string | undefined,
  name: string,
  fallback?: number,
): number | undefined {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

export async function runBacktestCommand(
  options: BacktestCommandOptions,
): Promise<BacktestCommandResult> {
  let cutoff: string;
  try {
    cutoff = requireIsoDate(options.cutoff, '--cutoff');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const windowDays = positiveInt(options.window, 'window', 90)!;
  const k = positiveInt(options.k, 'k');
  const catalog: Catalog = options.catalogFile
    ? loadYamlFile(CatalogSchema, options.catalogFile)
    : (loadFolderCatalog(options.source) ??
      loadYamlFile(CatalogSchema, fromRoot('config/catalog.yaml')));
  const settings = options.settingsFile
    ? loadYamlFile(ScoringSettingsSchema, options.settingsFile)
    : DEFAULT_SETTINGS;
  const { portfolio, issues } = await readFilesPortfolio(
    options.source,
    options.mappingFile ?? fromRoot('mappings/files.yaml'),
    'files',
    catalog,
  );
  const result = backtest({
    portfolio,
    catalog,
    settings,
    cutoff,
    windowDays,
    score: scorePortfolio,
    ...(k !== undefined ? { k } : {}),
  });
  return {
    report: renderBacktest(result, { issues: issues.length }),
    result,
    issues: issues.length,
  };
}
