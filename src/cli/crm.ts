/** `headroom fields` and `headroom setup`: field discovery and installing what write-back needs. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { openConnector } from '../runtime/connector.js';
import { resolveSyncConnection } from '../runtime/connection.js';
import { openStoreFromEnv } from '../runtime/store.js';
import type { Connector } from '../../connectors/types.js';
import { cliContext, EXIT, runCommand, type CliContext } from './context.js';

async function withConnector(
  connector: string,
  flags: { connection?: string; source?: string },
  body: (ctx: CliContext, c: Connector) => Promise<void>,
): Promise<number> {
  const ctx = cliContext();
  const connection = await resolveSyncConnection(
    { connector, connection: flags.connection, source: flags.source },
    ctx.env,
  );
  const store = await openStoreFromEnv(ctx.env);
  try {
    const c = await openConnector(connection, store, ctx.log);
    try {
      await body(ctx, c);
    } finally {
      await c.close?.();
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function registerCrm(program: Command): void {
  program
    .command('fields')
    .description('list the fields of a CRM object: API name, label, type, picklist values')
    .argument('<connector>', 'salesforce, hubspot or files')
    .argument('<object>', 'e.g. Account, companies, accounts')
    .option('--connection <name>', 'connection name (default: the connector name)')
    .option('--source <dir>', 'folder (files connector)')
    .option('--json', 'print JSON')
    .action(
      (
        connector: string,
        object: string,
        f: { connection?: string; source?: string; json?: boolean },
      ) =>
        runCommand(() =>
          withConnector(connector, f, async (ctx, c) => {
            if (!c.describe) throw new UsageError(`the ${connector} connector cannot list fields`);
            const fields = await c.describe(object);
            if (f.json) return ctx.print(JSON.stringify(fields, null, 2));
            for (const field of fields) {
              const extra = [
                field.unique ? 'unique' : '',
                field.writable ? 'writable' : '',
                field.options?.length ? `[${field.options.join(', ')}]` : '',
              ]
                .filter(Boolean)
                .join(' ');
              ctx.print(
                `${field.name.padEnd(36)} ${field.type.padEnd(12)} ${field.label}${extra ? `  ${extra}` : ''}`,
              );
            }
          }),
        ),
    );
  program
    .command('setup')
    .description(
      'install what write-back needs in the CRM (custom object and fields, properties, pipeline); idempotent',
    )
    .argument('<connector>', 'salesforce or hubspot')
    .option('--connection <name>', 'connection name (default: the connector name)')
    .option('--dry-run', 'say what would be created without creating it')
    .action((connector: string, f: { connection?: string; dryRun?: boolean }) =>
      runCommand(() =>
        withConnector(connector, f, async (ctx, c) => {
          if (!c.setup) throw new UsageError(`the ${connector} connector has nothing to set up`);
          for (const line of await c.setup({ dryRun: Boolean(f.dryRun) })) ctx.print(line);
        }),
      ),
    );
}
