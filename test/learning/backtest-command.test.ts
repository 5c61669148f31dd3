/**
 * `headroom backtest` end to end on a files folder: files connector + mappings/files.yaml +
 * config/catalog.yaml + the REAL scorePortfolio (src/scoring) with its default settings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktestCommand } from '../../src/learning/backtest-command.js';
import { UsageError } from '../../src/errors.js';
import { generatePortfolio } from './gen.js';

const cutoff = '2025-03-31';
let dir: string;

const csv = (header: string[], rows: (string | number | undefined)[][]): string =>
  [
    header.join(','),
    ...rows.map((r) => r.map((v) => (v === undefined ? '' : String(v))).join(',')),
  ].join('\n') + '\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-backtest-'));
  const p = generatePortfolio({
    accounts: 300,
    seed: 5,
    cutoff,
    windowDays: 90,
    informative: true,
  });
  const bare = (id: string) => id.replace(/^files:/, '');
  writeFileSync(
    join(dir, 'accounts.csv'),
    csv(
      [
        'account_id',
        'name',
        'industry',
        'lifecycle',
        'plan',
        'arr',
        'licensed_seats',
        'active_seats',
      ],
      p.accounts.map((a) => [
        bare(a.id),
        a.name,
        'Software',
        'customer',
        'professional',
        `"$${Math.round(a.arr).toLocaleString('en-US')}"`,
        a.seats!.licensed,
        a.seats!.active,
      ]),
    ),
  );
  writeFileSync(
    join(dir, 'usage.csv'),
    csv(
      ['account_id', 'date', 'metric', 'value', 'limit'],
      p.usage.map((u) => [bare(u.accountId), u.date, u.metric, u.value, u.limit]),
    ),
  );
  writeFileSync(
    join(dir, 'deals.csv'),
    csv(
      [
        'deal_id',
        'account_id',
        'name',
        'kind',
        'stage',
        'amount',
        'close_date',
        'closed',
        'won',
        'products',
      ],
      p.deals.map((d) => [
        bare(d.id),
        bare(d.accountId),
        d.name,
        d.kind,
        d.stage,
        d.amount,
        d.closeDate,
        'Yes',
        'Yes',
        '',
      ]),
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runBacktestCommand (real scorePortfolio)', () => {
  it('reads the folder, scores it as of the cutoff and reports lift over chance and over ARR', async () => {
    const { result, report, issues } = await runBacktestCommand({
      source: dir,
      cutoff,
      window: '90',
    });
    expect(issues).toBe(0);
    expect(result.accounts).toBe(300);
    expect(result.expandedAccounts).toBeGreaterThan(40);
    expect(result.k).toBe(30);
    // Seat pressure drives expansion in this folder; scoring's seat detector must see it.
    expect(result.lift!).toBeGreaterThan(1.3);
    expect(result.liftVsArr!).toBeGreaterThan(1);
    expect(report).toContain(`# Backtest as of ${cutoff}`);
    expect(report).toMatch(/\| Lift over a random list \| \d+\.\d\d× \|/);
    expect(report).toMatch(/## Top 10 at the cutoff/);
  });

  it('refuses a bad cutoff or window with a usage error', async () => {
    await expect(runBacktestCommand({ source: dir, cutoff: '31/03/2025' })).rejects.toThrow(
      UsageError,
    );
    await expect(runBacktestCommand({ source: dir, cutoff, window: 'ninety' })).rejects.toThrow(
      /--window must be a positive whole number/,
    );
  });
});
