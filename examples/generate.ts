/**
 * The demo portfolio generator.
 *
 *   tsx examples/generate.ts --out examples/demo --accounts 150 --seed 42
 *   tsx examples/generate.ts --out /tmp/big --accounts 100000 --seed 7 --format csv
 *
 * Writes the files format of DESIGN.md (accounts, contacts, deals, usage, departments, signals)
 * for a realistic B2B SaaS customer base that plants every opportunity type and the traps (red
 * accounts at their seat ceiling, unused paid features, trials, champions who left, accounts that
 * just renewed), two years of expansion outcomes, and realistic dirt. Same seed, same bytes.
 */
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { generatePortfolio } from './generate/portfolio.js';

export { generatePortfolio, DEFAULT_CATALOG } from './generate/portfolio.js';
export type { GenerateOptions, GenerateSummary } from './generate/portfolio.js';
export { ARCHETYPES, type Archetype } from './generate/archetypes.js';

const integer = (min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`expected a whole number >= ${min}`);
  return n;
};

const share = (v: string) => {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
};

async function main(argv: string[]): Promise<void> {
  const program = new Command('generate')
    .description('Generate a deterministic demo portfolio in the Headroom files format.')
    .requiredOption('--out <dir>', 'folder to write')
    .option('--accounts <n>', 'number of accounts', integer(1), 150)
    .option('--seed <seed>', 'random seed (same seed, same bytes)', '42')
    .option('--as-of <date>', 'the run date, YYYY-MM-DD', '2026-11-24')
    .addOption(
      new Option('--format <format>', 'csv files or one xlsx workbook')
        .choices(['csv', 'xlsx'])
        .default('csv'),
    )
    .option('--weeks <n>', 'weeks of usage history', integer(1), 12)
    .option(
      '--catalog <file>',
      'catalog whose keys and prices to use (default config/catalog.yaml)',
    )
    .option(
      '--outcome-signal <share>',
      '1: expansions follow signals; 0: outcomes independent of signals',
      share,
      1,
    )
    .option('--no-dirt', 'clean cells only, no deliberately bad rows')
    .parse(argv);
  const o = program.opts<{
    out: string;
    accounts: number;
    seed: string;
    asOf: string;
    format: 'csv' | 'xlsx';
    weeks: number;
    catalog?: string;
    outcomeSignal: number;
    dirt: boolean;
  }>();
  const started = Date.now();
  const summary = await generatePortfolio({ ...o, ...(o.catalog ? { catalog: o.catalog } : {}) });
  const counts = Object.entries(summary.rows)
    .map(([f, r]) => `${f} ${r}`)
    .join(', ');
  process.stdout.write(
    `wrote ${summary.out} in ${((Date.now() - started) / 1000).toFixed(1)}s: ${counts}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
