/** `headroom playbook`, `qbr` and `outreach`: documents rendered from the latest sync in the store. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import {
  outreachDrafts,
  qbrAgenda,
  renderAccountPlaybook,
  renderOutreachMarkdown,
  renderPlaybook,
  renderQbrMarkdown,
} from '../narrative/index.js';
import { findAccount, loadLatestSync, type LatestSync } from '../runtime/latest.js';
import { loadScoringConfig } from '../runtime/scoring-config.js';
import { openStoreFromEnv } from '../runtime/store.js';
import { cliContext, EXIT, runCommand, type CliContext } from './context.js';

async function withLatest(
  connection: string | undefined,
  body: (ctx: CliContext, latest: LatestSync) => Promise<string>,
  out?: string,
): Promise<number> {
  const ctx = cliContext();
  const store = await openStoreFromEnv(ctx.env);
  try {
    const text = await body(ctx, await loadLatestSync(store, connection));
    if (out) {
      await writeFile(out, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
      ctx.print(`wrote ${out}`);
    } else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

function narrativeContext(ctx: CliContext, latest: LatestSync, accountId: string) {
  const account = findAccount(latest, accountId);
  const summary = latest.summaries.find((s) => s.accountId === account.id);
  if (!summary) throw new UsageError(`account ${accountId} has no summary in the latest sync`);
  return {
    account,
    summary,
    contacts: latest.contactsByAccount.get(account.id) ?? [],
    catalog: loadScoringConfig(ctx.env).catalog,
    asOf: latest.asOf,
    opportunities: latest.opportunities.filter((o) => o.accountId === account.id),
  };
}

export function registerDocuments(program: Command): void {
  program
    .command('playbook')
    .description('render expansion-playbook.md for the portfolio, or a deep single-account version')
    .requiredOption('--out <file>', 'where to write the Markdown')
    .option('--account <id>', 'one account (neutral id or CRM id)')
    .option('--connection <name>', 'which connection (default: the only one in the store)')
    .action((f: { out: string; account?: string; connection?: string }) =>
      runCommand(() =>
        withLatest(
          f.connection,
          async (ctx, latest) => {
            if (f.account) return renderAccountPlaybook(narrativeContext(ctx, latest, f.account));
            return renderPlaybook({
              opportunities: latest.opportunities,
              accounts: latest.summaries,
              asOf: latest.asOf,
              portfolioName: latest.connection,
              catalog: loadScoringConfig(ctx.env).catalog,
              accountsById: latest.accountsById,
              contactsByAccount: latest.contactsByAccount,
            });
          },
          f.out,
        ),
      ),
    );
  program
    .command('qbr')
    .description('a QBR agenda for one account: realized value first, next steps last')
    .requiredOption('--account <id>', 'neutral id or CRM id')
    .option('--minutes <n>', '60 or 90', '60')
    .option('--connection <name>', 'which connection')
    .action((f: { account: string; minutes: string; connection?: string }) =>
      runCommand(() =>
        withLatest(f.connection, async (ctx, latest) =>
          renderQbrMarkdown(
            qbrAgenda({
              ...narrativeContext(ctx, latest, f.account),
              durationMinutes: f.minutes === '90' ? 90 : 60,
            }),
          ),
        ),
      ),
    );
  program
    .command('outreach')
    .description(
      'outreach drafts for one opportunity: pre-meeting email, talking points, discovery questions, follow-up',
    )
    .requiredOption('--opportunity <id>', 'the opportunity id (as in opportunities.json)')
    .option('--connection <name>', 'which connection')
    .action((f: { opportunity: string; connection?: string }) =>
      runCommand(() =>
        withLatest(f.connection, async (ctx, latest) => {
          const opp = latest.opportunities.find((o) => o.id === f.opportunity);
          if (!opp)
            throw new UsageError(`no open opportunity "${f.opportunity}" in the latest sync`);
          return renderOutreachMarkdown(
            outreachDrafts(opp, narrativeContext(ctx, latest, opp.accountId)),
          );
        }),
      ),
    );
}
