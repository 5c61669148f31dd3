/** `headroom backtest --source DIR --cutoff DATE --window 90`: would Headroom have seen it coming? */
import type { Command } from 'commander';
import { EXIT, runCommand } from './context.js';

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description(
      'score a files folder as of a past cutoff from its history and check which accounts expanded within the window: precision@k, recall, lift vs random and vs sorting by ARR',
    )
    .requiredOption('--source <dir>', 'a folder in the files format (with usage history and deals)')
    .requiredOption('--cutoff <date>', 'score what was known at the end of this day (YYYY-MM-DD)')
    .option('--window <days>', 'days after the cutoff in which an expansion counts', '90')
    .option('--k <n>', 'accounts at the top of the list to check (default: 10% of accounts)')
    .option(
      '--catalog <file>',
      'catalog (default: the folder’s catalog.yaml, else config/catalog.yaml)',
    )
    .option(
      '--settings <file>',
      'scoring settings (default: config/scoring.yaml)',
      'config/scoring.yaml',
    )
    .option('--mapping <file>', 'mapping (default: mappings/files.yaml)')
    .action((flags: Record<string, string | undefined>) =>
      runCommand(async () => {
        // Imported here so other commands never load the learning code.
        const { runBacktestCommand } = await import('../learning/backtest-command.js');
        const { report } = await runBacktestCommand({
          source: flags.source!,
          cutoff: flags.cutoff!,
          ...(flags.window !== undefined ? { window: flags.window } : {}),
          ...(flags.k !== undefined ? { k: flags.k } : {}),
          ...(flags.catalog !== undefined ? { catalogFile: flags.catalog } : {}),
          ...(flags.settings !== undefined ? { settingsFile: flags.settings } : {}),
          ...(flags.mapping !== undefined ? { mappingFile: flags.mapping } : {}),
        });
        process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
        return EXIT.ok;
      }),
    );
}
