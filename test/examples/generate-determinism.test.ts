import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../examples/generate.js';
import { readPortfolio } from './load-portfolio.js';

const FILES = ['accounts', 'contacts', 'deals', 'usage', 'departments', 'signals'];
const tmp = () => mkdtempSync(join(tmpdir(), 'headroom-gen-'));
const read = (dir: string, f: string) => readFileSync(join(dir, `${f}.csv`));

describe('demo generator: determinism and formats', () => {
  it('writes identical bytes for the same seed and different data for another', async () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    await generatePortfolio({ out: a, accounts: 60, seed: 11 });
    await generatePortfolio({ out: b, accounts: 60, seed: 11 });
    await generatePortfolio({ out: c, accounts: 60, seed: 12 });
    for (const f of FILES) expect(read(a, f).equals(read(b, f)), f).toBe(true);
    expect(read(a, 'accounts').equals(read(c, 'accounts'))).toBe(false);
  });

  it('writes a history of one to three weeks, a seat step at its last reading', async () => {
    // `--weeks` below 4 used to date a recent seat expansion at a week the history did not have
    // (RangeError: Invalid time value).
    for (const weeks of [1, 2, 3]) {
      const out = tmp();
      const summary = await generatePortfolio({ out, accounts: 80, seed: 11, weeks });
      const { portfolio } = await readPortfolio(out);
      const ids = new Set(summary.archetypes.recent_seat_expansion);
      const stepped = portfolio.accounts.filter((a) => ids.has(a.crmId)).map((a) => a.id);
      expect(stepped.length, `weeks ${weeks}`).toBeGreaterThan(0);
      expect(new Set(portfolio.usage.map((u) => u.date)).size, `weeks ${weeks}`).toBe(weeks);
      if (weeks === 1) continue;
      const limits = (id: string) =>
        portfolio.usage
          .filter((u) => u.accountId === id && u.metric === 'active_seats')
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((u) => u.limit ?? 0);
      const rose = stepped.filter((id) => {
        const l = limits(id);
        return l.length === weeks && l[weeks - 1]! > l[weeks - 2]!;
      });
      expect(rose.length, `weeks ${weeks}`).toBeGreaterThan(0);
    }
  });

  it('matches the committed demo (regenerate with npm run demo:generate)', async () => {
    const out = tmp();
    await generatePortfolio({ out, accounts: 150, seed: 42 });
    const demo = fileURLToPath(new URL('../../examples/demo/', import.meta.url));
    expect(readdirSync(demo).sort()).toEqual([...FILES.map((f) => `${f}.csv`), 'README.md'].sort());
    for (const f of FILES)
      expect(read(out, f).equals(read(demo, f)), `${f}.csv is stale`).toBe(true);
  });

  it('reads back the same neutral records from an XLSX workbook as from CSV', async () => {
    const [csv, xlsx] = [tmp(), tmp()];
    await generatePortfolio({ out: csv, accounts: 25, seed: 5 });
    const summary = await generatePortfolio({ out: xlsx, accounts: 25, seed: 5, format: 'xlsx' });
    expect(readdirSync(xlsx)).toEqual(['portfolio.xlsx']);
    expect(summary.files).toEqual([join(xlsx, 'portfolio.xlsx')]);
    const fromCsv = await readPortfolio(csv);
    const fromXlsx = await readPortfolio(xlsx);
    expect(fromXlsx.portfolio).toEqual(fromCsv.portfolio);
    expect(fromXlsx.issues.map((i) => [i.object, i.row, i.field])).toEqual(
      fromCsv.issues.map((i) => [i.object, i.row, i.field]),
    );
  });

  it('writes the files format header of DESIGN.md, with a BOM on accounts and ; in departments', async () => {
    const out = tmp();
    await generatePortfolio({ out, accounts: 5, seed: 1, dirt: false });
    const header = (f: string) => read(out, f).toString('utf8').split('\n')[0];
    expect(header('accounts')).toBe(
      '\uFEFFaccount_id,name,domain,industry,region,owner_name,owner_email,lifecycle,plan,products,arr,currency,licensed_seats,active_seats,employees,employees_prior,employees_prior_date,contract_start,renewal_date,term_months,health_score,nps,csat,tickets_90d,ticket_themes,last_qbr_date,last_qbr_outcome,features_used',
    );
    expect(header('contacts')).toBe(
      'contact_id,account_id,name,email,title,department,roles,status,left_date,new_company,new_title,last_engaged_date,created_date',
    );
    expect(header('deals')).toBe(
      'deal_id,account_id,name,kind,stage,amount,currency,close_date,closed,won,products,expansion_key',
    );
    expect(header('usage')).toBe('account_id,date,metric,value,limit');
    expect(header('departments')).toBe('account_id;department;headcount;uses_product;seats');
    expect(header('signals')).toBe('account_id,date,kind,detail,value');
  });

  it('refuses a bad account count or as-of date up front', async () => {
    await expect(generatePortfolio({ out: tmp(), accounts: 0, seed: 1 })).rejects.toThrow(
      /positive integer/,
    );
    await expect(
      generatePortfolio({ out: tmp(), accounts: 3, seed: 1, asOf: '2026-13-01' }),
    ).rejects.toThrow(/not a date/);
  });

  it('refuses to write a workbook next to CSV files that the connector would read instead', async () => {
    const out = tmp();
    await generatePortfolio({ out, accounts: 3, seed: 1 });
    await expect(generatePortfolio({ out, accounts: 3, seed: 1, format: 'xlsx' })).rejects.toThrow(
      /already holds accounts\.csv/,
    );
  });

  it('runs as a command line', () => {
    const script = fileURLToPath(new URL('../../examples/generate.ts', import.meta.url));
    const out = tmp();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
    const ok = run('--out', out, '--accounts', '4', '--seed', '9', '--as-of', '2026-06-30');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^wrote .+: accounts 5, contacts \d+/);
    expect(existsSync(join(out, 'signals.csv'))).toBe(true);
    const bad = run('--out', out, '--accounts', 'many');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--accounts.*whole number/);
  });
});
