/**
 * The `headroom` program: its commands, and `main`. Every command has `--help`. Exit codes: 0 done, 1 the run failed,
 * 2 bad usage or configuration.
 */
import { Command, CommanderError } from 'commander';
import { registerBacktest } from './backtest.js';
import { EXIT } from './context.js';
import { registerCrm } from './crm.js';
import { registerDocuments } from './documents.js';
import { registerProfile } from './profile.js';
import { registerRuns } from './runs.js';
import { registerServe } from './serve.js';
import { registerSync } from './sync.js';
import { registerValidateMapping } from './validate-mapping.js';

export function buildProgram(): Command {
  const program = new Command('headroom')
    .description('Find account-expansion revenue in Salesforce, HubSpot or a folder of exports')
    .showHelpAfterError()
    .exitOverride();
  registerSync(program);
  registerRuns(program);
  registerValidateMapping(program);
  registerProfile(program);
  registerCrm(program);
  registerDocuments(program);
  registerBacktest(program);
  registerServe(program);
  return program;
}

export async function main(argv = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is bad usage.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw err;
  }
}
