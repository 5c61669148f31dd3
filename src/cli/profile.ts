/** `headroom profile`: what a mapping makes of a connection's real records, before any sync. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { resolveSyncConnection } from '../runtime/connection.js';
import { checkMappingAgainstCrm, openConnector } from '../runtime/connector.js';
import { profileConnection } from '../runtime/profile-connection.js';
import { openStoreFromEnv } from '../runtime/store.js';
import { renderProfile } from '../profile/render.js';
import { cliContext, EXIT, parseAsOf, runCommand, today } from './context.js';

interface ProfileFlags {
  connector?: string;
  connection?: string;
  source?: string;
  mapping?: string;
  asOf?: string;
  limit?: string;
  json?: boolean;
}

export function registerProfile(program: Command): void {
  program
    .command('profile')
    .description(
      'profile a mapping on real records: fill rate, values or range and refusals per neutral field, scales, health and tier distribution; writes nothing',
    )
    .option('--connector <name>', 'files, salesforce or hubspot')
    .option('--connection <name>', 'a connection from config/connections.yaml')
    .option('--source <dir>', 'the folder to read (files connector)')
    .option('--mapping <file>', 'mapping file (default: mappings/<connector>.yaml)')
    .option('--as-of <date>', 'the date scoring counts from, YYYY-MM-DD (default: today)')
    .option('--limit <n>', 'at most this many records per object (default: all)')
    .option('--json', 'print the profile as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 the pull failed, 2 bad usage or an invalid mapping.\n' +
        'Example: headroom profile --connector files --source exports/ --mapping mappings/ours.yaml',
    )
    .action((flags: ProfileFlags) => runCommand(() => profile(flags)));
}

async function profile(flags: ProfileFlags): Promise<number> {
  const ctx = cliContext();
  const asOf = parseAsOf(flags.asOf ?? ctx.env.HEADROOM_AS_OF, today());
  const limit = flags.limit === undefined ? undefined : Number(flags.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new UsageError('--limit must be a positive whole number');
  // Profiling reads only: no write-back, whatever the mapping says.
  const connection = await resolveSyncConnection({ ...flags, writeBack: false }, ctx.env);
  const store = await openStoreFromEnv(ctx.env);
  try {
    const connector = await openConnector(connection, store, ctx.log);
    try {
      await checkMappingAgainstCrm(connection, connector);
      const p = await profileConnection({ connection, connector, env: ctx.env, asOf, limit });
      ctx.print(flags.json ? JSON.stringify(p, null, 2) : renderProfile(p));
      return EXIT.ok;
    } finally {
      await connector.close?.();
    }
  } finally {
    await store.close();
  }
}
